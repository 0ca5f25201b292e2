import { ok } from '@sandbox/shared'
import { Hono } from 'hono'
import { graphAssignment } from '../../graph/app-projections'
import { DIRECTORY_OBJECT_RULES, GROUP_RULES } from '../../graph/collection-rules'
import { graphDirectoryObject, graphGroup } from '../../graph/directory-projections'
import { groupBody } from '../../graph/graph-bodies'
import type { CollectionQuery } from '../../graph/odata-query'
import type { HttpDeps, IdpContext, IdpEnv } from '../env'
import { principalAssignmentRoutes } from './graph-assignments'
import { adminErrorResponse } from './graph-errors'
import { listedOrEmpty, noContent, readGraphReference, readGraphRequest } from './graph-requests'
import { collection, collectionCount, created, entity } from './odata-responses'

/** `/v1.0/groups`: security groups, `members` and `members/$ref`, app assignments. */
export function graphGroupRoutes(deps: HttpDeps) {
  const { groups, assignments } = deps.services
  const query: CollectionQuery = {
    rules: GROUP_RULES,
    expanders: {
      members: (group) => listedOrEmpty(groups.listMembers(String(group.id))).map(graphDirectoryObject),
      appRoleAssignments: (group) => assignments.listForPrincipal(String(group.id)).map(graphAssignment),
    },
  }
  const all = () => groups.listGroups().map(graphGroup)
  // groupTypes is accepted only empty (security groups), and not stored.
  const groupInput = async (c: IdpContext) => {
    const body = await readGraphRequest(c, groupBody, 'Group')
    if (!body.ok) return body
    const { groupTypes: _types, ...input } = body.value
    return ok(input)
  }
  return new Hono<IdpEnv>()
    .get('/groups', (c) => collection(c, deps, 'groups', all(), query))
    .get('/groups/$count', (c) => collectionCount(c, all(), query))
    .post('/groups', async (c) => {
      const input = await groupInput(c)
      if (!input.ok) return input.error
      const made = await groups.createGroup(input.value)
      return made.ok
        ? created(c, deps, 'groups/$entity', graphGroup(made.value))
        : adminErrorResponse(c, made.error)
    })
    .get('/groups/:id', (c) => {
      const group = groups.getGroup(c.req.param('id'))
      if (!group.ok) return adminErrorResponse(c, group.error)
      return entity(c, deps, 'groups/$entity', graphGroup(group.value), query)
    })
    .patch('/groups/:id', async (c) => {
      const input = await groupInput(c)
      if (!input.ok) return input.error
      return noContent(c, await groups.updateGroup(c.req.param('id'), input.value))
    })
    .delete('/groups/:id', async (c) => noContent(c, await groups.deleteGroup(c.req.param('id'))))
    .get('/groups/:id/members', (c) => {
      const listed = groups.listMembers(c.req.param('id'))
      if (!listed.ok) return adminErrorResponse(c, listed.error)
      return collection(c, deps, 'directoryObjects', listed.value.map(graphDirectoryObject), {
        rules: DIRECTORY_OBJECT_RULES,
      })
    })
    .post('/groups/:id/members/$ref', async (c) => {
      const memberId = await readGraphReference(c)
      if (!memberId.ok) return memberId.error
      return noContent(c, await groups.addMember(c.req.param('id'), memberId.value))
    })
    .delete('/groups/:id/members/:memberId/$ref', async (c) =>
      noContent(c, await groups.removeMember(c.req.param('id'), c.req.param('memberId'))),
    )
    .route('/', principalAssignmentRoutes(deps, 'groups', groups.getGroup))
}
