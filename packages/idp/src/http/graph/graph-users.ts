import { Hono } from 'hono'
import { graphAssignment } from '../../graph/app-projections'
import { defaultUserView, graphUser } from '../../graph/directory-projections'
import { assignmentBody, readGraphBody, userBody } from '../../graph/graph-bodies'
import { selectProperties } from '../../graph/odata-query'
import type { HttpDeps, IdpEnv } from '../env'
import { adminErrorResponse, collection, graphError, odataContext, readJson, selectOf } from './graph-kit'

/** `/v1.0/users`: create, list (`$filter`), get by id or UPN, update, delete, memberships, app assignments. */
export function graphUserRoutes(deps: HttpDeps) {
  const { directory, groups, assignments, store } = deps.services
  return new Hono<IdpEnv>()
    .get('/users', (c) => collection(c, deps, 'users', directory.listUsers().map(graphUser), defaultUserView))
    .post('/users', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, userBody, 'User')
      if (!body.ok) return graphError(c, 400, 'Request_BadRequest', body.error)
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
      const select = selectOf(c)
      const view = select
        ? selectProperties(graphUser(user.value), select)
        : defaultUserView(graphUser(user.value))
      return c.json({ '@odata.context': odataContext(deps, 'users/$entity'), ...view })
    })
    .patch('/users/:id', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, userBody, 'User')
      if (!body.ok) return graphError(c, 400, 'Request_BadRequest', body.error)
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
      const memberOf = groups.listGroups().filter((g) => g.memberIds.includes(user.value.id))
      return collection(
        c,
        deps,
        'directoryObjects',
        memberOf.map((g) => ({
          '@odata.type': '#microsoft.graph.group',
          id: g.id,
          displayName: g.displayName,
          securityEnabled: g.securityEnabled,
        })),
      )
    })
    .get('/users/:id/appRoleAssignments', (c) => {
      const user = directory.getUser(c.req.param('id'))
      if (!user.ok) return adminErrorResponse(c, user.error)
      const state = store.read()
      return collection(
        c,
        deps,
        `users('${user.value.id}')/appRoleAssignments`,
        assignments.listForPrincipal(user.value.id).map((a) => graphAssignment(state, a)),
      )
    })
    .post('/users/:id/appRoleAssignments', async (c) => {
      const user = directory.getUser(c.req.param('id'))
      if (!user.ok) return adminErrorResponse(c, user.error)
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, assignmentBody, 'AppRoleAssignment')
      if (!body.ok) return graphError(c, 400, 'Request_BadRequest', body.error)
      if (body.value.principalId && body.value.principalId !== user.value.id) {
        return graphError(c, 400, 'Request_BadRequest', 'principalId must be the id of the user in the URL.')
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
          ...graphAssignment(store.read(), created.value),
        },
        201,
      )
    })
}
