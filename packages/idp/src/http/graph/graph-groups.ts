import { Hono } from 'hono'
import { graphAssignment } from '../../graph/app-projections'
import { ASSIGNMENT_RULES, DIRECTORY_OBJECT_RULES, GROUP_RULES } from '../../graph/collection-rules'
import { graphDirectoryObject, graphGroup } from '../../graph/directory-projections'
import { assignmentBody, groupBody, readGraphBody, readReference } from '../../graph/graph-bodies'
import type { CollectionQuery } from '../../graph/odata-query'
import type { HttpDeps, IdpEnv } from '../env'
import { readJson } from '../json-body'
import { adminErrorResponse, graphError } from './graph-errors'
import { collection, collectionCount, entity, odataContext } from './odata-responses'

/** `/v1.0/groups`: security groups, `members` and `members/$ref`, app assignments. */
export function graphGroupRoutes(deps: HttpDeps) {
  const { groups, assignments } = deps.services
  const members = (groupId: string) => {
    const listed = groups.listMembers(groupId)
    return listed.ok ? listed.value.map(graphDirectoryObject) : []
  }
  const appRoleAssignments = (principalId: string) =>
    assignments.listForPrincipal(principalId).map(graphAssignment)
  const query: CollectionQuery = {
    rules: GROUP_RULES,
    expanders: {
      members: (group) => members(String(group.id)),
      appRoleAssignments: (group) => appRoleAssignments(String(group.id)),
    },
  }
  const all = () => groups.listGroups().map(graphGroup)
  return new Hono<IdpEnv>()
    .get('/groups', (c) => collection(c, deps, 'groups', all(), query))
    .get('/groups/$count', (c) => collectionCount(c, all(), query))
    .post('/groups', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, groupBody, 'Group')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      const { groupTypes: _types, ...input } = body.value
      const created = await groups.createGroup(input)
      if (!created.ok) return adminErrorResponse(c, created.error)
      return c.json(
        { '@odata.context': odataContext(deps, 'groups/$entity'), ...graphGroup(created.value) },
        201,
      )
    })
    .get('/groups/:id', (c) => {
      const group = groups.getGroup(c.req.param('id'))
      if (!group.ok) return adminErrorResponse(c, group.error)
      return entity(c, deps, 'groups/$entity', graphGroup(group.value), query)
    })
    .patch('/groups/:id', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, groupBody, 'Group')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      const { groupTypes: _types, ...input } = body.value
      const updated = await groups.updateGroup(c.req.param('id'), input)
      return updated.ok ? c.body(null, 204) : adminErrorResponse(c, updated.error)
    })
    .delete('/groups/:id', async (c) => {
      const deleted = await groups.deleteGroup(c.req.param('id'))
      return deleted.ok ? c.body(null, 204) : adminErrorResponse(c, deleted.error)
    })
    .get('/groups/:id/members', (c) => {
      const listed = groups.listMembers(c.req.param('id'))
      if (!listed.ok) return adminErrorResponse(c, listed.error)
      return collection(c, deps, 'directoryObjects', listed.value.map(graphDirectoryObject), {
        rules: DIRECTORY_OBJECT_RULES,
      })
    })
    .post('/groups/:id/members/$ref', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const memberId = readReference(json.value)
      if (!memberId.ok) return graphError(c, 'Request_BadRequest', memberId.error)
      const added = await groups.addMember(c.req.param('id'), memberId.value)
      return added.ok ? c.body(null, 204) : adminErrorResponse(c, added.error)
    })
    .delete('/groups/:id/members/:memberId/$ref', async (c) => {
      const removed = await groups.removeMember(c.req.param('id'), c.req.param('memberId'))
      return removed.ok ? c.body(null, 204) : adminErrorResponse(c, removed.error)
    })
    .get('/groups/:id/appRoleAssignments', (c) => {
      const group = groups.getGroup(c.req.param('id'))
      if (!group.ok) return adminErrorResponse(c, group.error)
      return collection(
        c,
        deps,
        `groups('${group.value.id}')/appRoleAssignments`,
        appRoleAssignments(group.value.id),
        { rules: ASSIGNMENT_RULES },
      )
    })
    .post('/groups/:id/appRoleAssignments', async (c) => {
      const group = groups.getGroup(c.req.param('id'))
      if (!group.ok) return adminErrorResponse(c, group.error)
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, assignmentBody, 'AppRoleAssignment')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      const created = await assignments.assign({
        resourceId: body.value.resourceId ?? '',
        principalId: group.value.id,
        ...(body.value.appRoleId ? { appRoleId: body.value.appRoleId } : {}),
      })
      if (!created.ok) return adminErrorResponse(c, created.error)
      return c.json(
        {
          '@odata.context': odataContext(deps, `groups('${group.value.id}')/appRoleAssignments/$entity`),
          ...graphAssignment(created.value),
        },
        201,
      )
    })
}
