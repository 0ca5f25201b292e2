import { Hono } from 'hono'
import { graphAssignment } from '../../graph/app-projections'
import { ASSIGNMENT_RULES, DIRECTORY_OBJECT_RULES, USER_RULES } from '../../graph/collection-rules'
import { defaultUserView, graphMemberGroup, graphUser } from '../../graph/directory-projections'
import { assignmentBody, readGraphBody, userBody } from '../../graph/graph-bodies'
import type { CollectionQuery } from '../../graph/odata-query'
import type { HttpDeps, IdpEnv } from '../env'
import { readJson } from '../json-body'
import { adminErrorResponse, graphError } from './graph-errors'
import { collection, collectionCount, entity, odataContext } from './odata-responses'

/** `/v1.0/users`: create, list (`$filter`), get by id or UPN, update, delete, memberships, app assignments. */
export function graphUserRoutes(deps: HttpDeps) {
  const { directory, groups, assignments } = deps.services
  const memberOf = (userId: string) =>
    groups
      .listGroups()
      .filter((g) => g.memberIds.includes(userId))
      .map(graphMemberGroup)
  const appRoleAssignments = (principalId: string) =>
    assignments.listForPrincipal(principalId).map(graphAssignment)
  const users: CollectionQuery = {
    rules: USER_RULES,
    defaultView: defaultUserView,
    expanders: {
      memberOf: (user) => memberOf(String(user.id)),
      appRoleAssignments: (user) => appRoleAssignments(String(user.id)),
    },
  }
  const all = () => directory.listUsers().map(graphUser)
  return new Hono<IdpEnv>()
    .get('/users', (c) => collection(c, deps, 'users', all(), users))
    .get('/users/$count', (c) => collectionCount(c, all(), users))
    .post('/users', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, userBody, 'User')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      const { passwordProfile, jobTitle: _j, usageLocation: _u, department: _d, ...input } = body.value
      const created = await directory.createUser({
        ...input,
        ...(passwordProfile?.password ? { password: passwordProfile.password } : {}),
      })
      if (!created.ok) return adminErrorResponse(c, created.error)
      const view = defaultUserView(graphUser(created.value.user))
      const generated = created.value.generatedPassword
      return c.json(
        {
          '@odata.context': odataContext(deps, 'users/$entity'),
          ...view,
          // Sandbox only: Graph never returns a password; the sandbox shows a generated one once.
          ...(generated
            ? { passwordProfile: { password: generated, forceChangePasswordNextSignIn: false } }
            : {}),
        },
        201,
      )
    })
    .get('/users/:id', (c) => {
      const user = directory.getUser(c.req.param('id'))
      if (!user.ok) return adminErrorResponse(c, user.error)
      return entity(c, deps, 'users/$entity', graphUser(user.value), users)
    })
    .patch('/users/:id', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, userBody, 'User')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      const { passwordProfile, jobTitle: _j, usageLocation: _u, department: _d, ...input } = body.value
      const updated = await directory.updateUser(c.req.param('id'), {
        ...input,
        ...(passwordProfile?.password ? { password: passwordProfile.password } : {}),
      })
      return updated.ok ? c.body(null, 204) : adminErrorResponse(c, updated.error)
    })
    .delete('/users/:id', async (c) => {
      const deleted = await directory.deleteUser(c.req.param('id'))
      return deleted.ok ? c.body(null, 204) : adminErrorResponse(c, deleted.error)
    })
    .get('/users/:id/memberOf', (c) => {
      const user = directory.getUser(c.req.param('id'))
      if (!user.ok) return adminErrorResponse(c, user.error)
      return collection(c, deps, 'directoryObjects', memberOf(user.value.id), {
        rules: DIRECTORY_OBJECT_RULES,
      })
    })
    .get('/users/:id/appRoleAssignments', (c) => {
      const user = directory.getUser(c.req.param('id'))
      if (!user.ok) return adminErrorResponse(c, user.error)
      return collection(
        c,
        deps,
        `users('${user.value.id}')/appRoleAssignments`,
        appRoleAssignments(user.value.id),
        {
          rules: ASSIGNMENT_RULES,
        },
      )
    })
    .post('/users/:id/appRoleAssignments', async (c) => {
      const user = directory.getUser(c.req.param('id'))
      if (!user.ok) return adminErrorResponse(c, user.error)
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, assignmentBody, 'AppRoleAssignment')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      if (body.value.principalId && body.value.principalId !== user.value.id) {
        return graphError(c, 'Request_BadRequest', 'principalId must be the id of the user in the URL.')
      }
      const created = await assignments.assign({
        resourceId: body.value.resourceId ?? '',
        principalId: user.value.id,
        ...(body.value.appRoleId ? { appRoleId: body.value.appRoleId } : {}),
      })
      if (!created.ok) return adminErrorResponse(c, created.error)
      return c.json(
        {
          '@odata.context': odataContext(deps, `users('${user.value.id}')/appRoleAssignments/$entity`),
          ...graphAssignment(created.value),
        },
        201,
      )
    })
}
