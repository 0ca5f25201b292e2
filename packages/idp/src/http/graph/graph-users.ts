import { ok } from '@sandbox/shared'
import { Hono } from 'hono'
import { graphAssignment } from '../../graph/app-projections'
import { DIRECTORY_OBJECT_RULES, USER_RULES } from '../../graph/collection-rules'
import { defaultUserView, graphMemberGroup, graphUser } from '../../graph/directory-projections'
import { userBody } from '../../graph/graph-bodies'
import type { CollectionQuery } from '../../graph/odata-query'
import type { HttpDeps, IdpContext, IdpEnv } from '../env'
import { principalAssignmentRoutes } from './graph-assignments'
import { adminErrorResponse } from './graph-errors'
import { noContent, readGraphRequest } from './graph-requests'
import { collection, collectionCount, created, entity } from './odata-responses'

/** `/v1.0/users`: create, list (`$filter`), get by id or UPN, update, delete, memberships, app assignments. */
export function graphUserRoutes(deps: HttpDeps) {
  const { directory, groups, assignments } = deps.services
  const memberOf = (userId: string) =>
    groups
      .listGroups()
      .filter((g) => g.memberIds.includes(userId))
      .map(graphMemberGroup)
  const users: CollectionQuery = {
    rules: USER_RULES,
    defaultView: defaultUserView,
    expanders: {
      memberOf: (user) => memberOf(String(user.id)),
      appRoleAssignments: (user) => assignments.listForPrincipal(String(user.id)).map(graphAssignment),
    },
  }
  const all = () => directory.listUsers().map(graphUser)
  // Graph's user body as the directory service takes it (the password under passwordProfile).
  const userInput = async (c: IdpContext) => {
    const body = await readGraphRequest(c, userBody, 'User')
    if (!body.ok) return body
    const { passwordProfile, jobTitle: _j, usageLocation: _u, department: _d, ...input } = body.value
    const password = passwordProfile?.password
    return ok({ ...input, ...(password ? { password } : {}) })
  }
  return new Hono<IdpEnv>()
    .get('/users', (c) => collection(c, deps, 'users', all(), users))
    .get('/users/$count', (c) => collectionCount(c, all(), users))
    .post('/users', async (c) => {
      const input = await userInput(c)
      if (!input.ok) return input.error
      const made = await directory.createUser(input.value)
      if (!made.ok) return adminErrorResponse(c, made.error)
      const generated = made.value.generatedPassword
      return created(c, deps, 'users/$entity', {
        ...defaultUserView(graphUser(made.value.user)),
        // Sandbox only: Graph never returns a password; the sandbox shows a generated one once.
        ...(generated
          ? { passwordProfile: { password: generated, forceChangePasswordNextSignIn: false } }
          : {}),
      })
    })
    .get('/users/:id', (c) => {
      const user = directory.getUser(c.req.param('id'))
      if (!user.ok) return adminErrorResponse(c, user.error)
      return entity(c, deps, 'users/$entity', graphUser(user.value), users)
    })
    .patch('/users/:id', async (c) => {
      const input = await userInput(c)
      if (!input.ok) return input.error
      return noContent(c, await directory.updateUser(c.req.param('id'), input.value))
    })
    .delete('/users/:id', async (c) => noContent(c, await directory.deleteUser(c.req.param('id'))))
    .get('/users/:id/memberOf', (c) => {
      const user = directory.getUser(c.req.param('id'))
      if (!user.ok) return adminErrorResponse(c, user.error)
      return collection(c, deps, 'directoryObjects', memberOf(user.value.id), {
        rules: DIRECTORY_OBJECT_RULES,
      })
    })
    .route('/', principalAssignmentRoutes(deps, 'users', directory.getUser))
}
