import type { DeepReadonly } from '@sandbox/shared'
import { groupIdsOf } from '../directory/users'
import type { DeepState } from '../state/deep-state'
import type { AppRoleAssignment, EnterpriseApp } from '../state/idp-state'

/** "Default Access": the app role id of assignments to apps that define no roles. */
export const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000'

/**
 * The assignments that give `userId` access to `app`: direct ones and those of groups the
 * user is a direct member of (nested groups do not count, as in Entra).
 */
export function assignmentsGranting(
  state: Pick<DeepState, 'groups' | 'appRoleAssignments'>,
  app: DeepReadonly<EnterpriseApp>,
  userId: string,
): DeepReadonly<AppRoleAssignment>[] {
  const principals = new Set([userId, ...groupIdsOf(state, userId)])
  return state.appRoleAssignments.filter(
    (a) => a.resourceId === app.servicePrincipal.id && principals.has(a.principalId),
  )
}

/** Whether the user may get a token for the app ("Assignment required?" = No lets everyone in). */
export function mayAccess(
  state: Pick<DeepState, 'groups' | 'appRoleAssignments'>,
  app: DeepReadonly<EnterpriseApp>,
  userId: string,
): boolean {
  return !app.servicePrincipal.appRoleAssignmentRequired || assignmentsGranting(state, app, userId).length > 0
}

/** The apps My Apps shows the user: SAML apps assigned to them (or their groups) and visible to users. */
export function myAppsOf(state: DeepState, userId: string): DeepState['apps'][number][] {
  return state.apps.filter(
    (app) =>
      app.servicePrincipal.visibleToUsers &&
      app.servicePrincipal.accountEnabled &&
      app.servicePrincipal.preferredSingleSignOnMode === 'saml' &&
      assignmentsGranting(state, app, userId).length > 0,
  )
}
