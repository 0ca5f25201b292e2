import type { DeepState } from '../state/deep-state'
import { DEFAULT_ACCESS_ROLE_ID } from './access'

/** One row of the Add Assignment picker. */
export interface PrincipalChoice {
  readonly id: string
  readonly displayName: string
  readonly detail: string
  readonly type: 'User' | 'Group'
}

/** One entry of "Select a role". */
export interface RoleChoice {
  readonly id: string
  readonly displayName: string
}

/** The picker shows at most this many rows, as the real one does ("First 200 shown"). */
const PICKER_LIMIT = 200

/** The users and groups the Add Assignment picker lists for a search (name or UPN contains it, any case). */
export function findPrincipals(
  users: DeepState['users'],
  groups: DeepState['groups'],
  search: string,
): readonly PrincipalChoice[] {
  const needle = search.trim().toLowerCase()
  const matches = (...values: readonly string[]) =>
    needle === '' || values.some((v) => v.toLowerCase().includes(needle))
  const found: PrincipalChoice[] = [
    ...users
      .filter((u) => matches(u.displayName, u.userPrincipalName))
      .map((u) => ({
        id: u.id,
        displayName: u.displayName,
        detail: u.userPrincipalName,
        type: 'User' as const,
      })),
    ...groups
      .filter((g) => matches(g.displayName))
      .map((g) => ({ id: g.id, displayName: g.displayName, detail: 'Group', type: 'Group' as const })),
  ]
  return found.slice(0, PICKER_LIMIT)
}

/** "Select a role": the app's roles for users, or "Default Access" when it defines none. */
export function roleChoices(app: DeepState['apps'][number]): readonly RoleChoice[] {
  const roles = app.servicePrincipal.appRoles.filter((r) => r.allowedMemberTypes.includes('User'))
  return roles.length === 0
    ? [{ id: DEFAULT_ACCESS_ROLE_ID, displayName: 'Default Access' }]
    : roles.map((r) => ({ id: r.id, displayName: r.displayName }))
}

/** The name of an assignment's role as the Users and groups list shows it. */
export function roleName(app: DeepState['apps'][number], appRoleId: string): string {
  if (appRoleId === DEFAULT_ACCESS_ROLE_ID) return 'Default Access'
  return app.servicePrincipal.appRoles.find((r) => r.id === appRoleId)?.displayName ?? appRoleId
}
