import type { Result } from '@sandbox/shared'
import { Hono } from 'hono'
import type { AdminError } from '../../errors/admin-error'
import { graphAssignment } from '../../graph/app-projections'
import { ASSIGNMENT_RULES } from '../../graph/collection-rules'
import { assignmentBody } from '../../graph/graph-bodies'
import type { HttpDeps, IdpContext, IdpEnv } from '../env'
import { adminErrorResponse, graphError } from './graph-errors'
import { readGraphRequest } from './graph-requests'
import { collection, created } from './odata-responses'

/** The side of an assignment the URL fixes: the user or group holding it, or the app granting it. */
export interface AssignmentSide {
  readonly property: 'principalId' | 'resourceId'
  readonly id: string
  /** How Graph's message names the object ("the id of the user in the URL"). */
  readonly noun: 'user' | 'group' | 'service principal'
}

/**
 * Creates an app role assignment from a POST body, with one side fixed by the URL (a body that
 * names another id for that side is refused), answered with the assignment under `fragment`.
 */
export async function assignFromBody(
  c: IdpContext,
  deps: HttpDeps,
  side: AssignmentSide,
  fragment: string,
): Promise<Response> {
  const body = await readGraphRequest(c, assignmentBody, 'AppRoleAssignment')
  if (!body.ok) return body.error
  const sent = body.value[side.property]
  if (sent && sent !== side.id) {
    return graphError(
      c,
      'Request_BadRequest',
      `${side.property} must be the id of the ${side.noun} in the URL.`,
    )
  }
  const assigned = await deps.services.assignments.assign({
    resourceId: body.value.resourceId ?? '',
    principalId: body.value.principalId ?? '',
    [side.property]: side.id,
    ...(body.value.appRoleId ? { appRoleId: body.value.appRoleId } : {}),
  })
  if (!assigned.ok) return adminErrorResponse(c, assigned.error)
  return created(c, deps, fragment, graphAssignment(assigned.value))
}

/** `GET` and `POST /{users|groups}/{id}/appRoleAssignments`: the app roles a user or group holds. */
export function principalAssignmentRoutes(
  deps: HttpDeps,
  collectionName: 'users' | 'groups',
  findPrincipal: (id: string) => Result<{ readonly id: string }, AdminError>,
) {
  const noun = collectionName === 'users' ? 'user' : 'group'
  const path = `/${collectionName}/:id/appRoleAssignments` as const
  return new Hono<IdpEnv>()
    .get(path, (c) => {
      const principal = findPrincipal(c.req.param('id'))
      if (!principal.ok) return adminErrorResponse(c, principal.error)
      const { id } = principal.value
      const held = deps.services.assignments.listForPrincipal(id).map(graphAssignment)
      return collection(c, deps, `${collectionName}('${id}')/appRoleAssignments`, held, {
        rules: ASSIGNMENT_RULES,
      })
    })
    .post(path, async (c) => {
      const principal = findPrincipal(c.req.param('id'))
      if (!principal.ok) return adminErrorResponse(c, principal.error)
      const { id } = principal.value
      const fragment = `${collectionName}('${id}')/appRoleAssignments/$entity`
      return assignFromBody(c, deps, { property: 'principalId', id, noun }, fragment)
    })
}
