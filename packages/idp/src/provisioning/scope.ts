import { DEFAULT_ACCESS_ROLE_ID } from '../enterprise-apps/access'
import type { DeepState } from '../state/deep-state'
import type { SourceValue } from './expressions'

type App = DeepState['apps'][number]
type User = DeepState['users'][number]
type Group = DeepState['groups'][number]

/** Whether an object is in scope for provisioning, and why (the "Determine if … is in scope" step). */
export interface Entitlement {
  readonly entitled: boolean
  /** The app roles that grant it access (display names). */
  readonly roles: readonly string[]
  /** Null when entitled; otherwise why not, in a sentence with the way out. */
  readonly reason: string | null
  /** The step's details, as Entra lists them. */
  readonly details: Readonly<Record<string, string>>
}

/**
 * "Default Access": the all-zero role of apps without roles, and `msiam_access`, which the
 * portal shows as Default Access for gallery apps.
 */
function isDefaultAccess(app: App, appRoleId: string): boolean {
  if (appRoleId === DEFAULT_ACCESS_ROLE_ID) return true
  const role = app.servicePrincipal.appRoles.find((r) => r.id === appRoleId)
  return (role?.value ?? role?.displayName ?? '').toLowerCase() === 'msiam_access'
}

function roleName(app: App, appRoleId: string): string {
  if (appRoleId === DEFAULT_ACCESS_ROLE_ID) return 'Default Access'
  return app.servicePrincipal.appRoles.find((r) => r.id === appRoleId)?.displayName ?? appRoleId
}

const yes = (value: boolean): string => (value ? 'True' : 'False')

/**
 * One cycle's view of who is assigned to the app: built once from a state snapshot, so that
 * scoping 5 000 users is a few map lookups each rather than a scan of every assignment.
 */
export interface ScopeIndex {
  readonly app: App
  /** Users the cycle evaluates: every user (Sync all), or those assigned directly or through a group. */
  candidateUserIds(): string[]
  /** Groups the cycle evaluates. */
  candidateGroupIds(): string[]
  user(user: User): Entitlement
  group(group: Group): Entitlement
}

/** Builds the scope of one job over one state snapshot. */
export function buildScopeIndex(
  state: Pick<DeepState, 'users' | 'groups' | 'appRoleAssignments'>,
  app: App,
  options: { readonly syncAll: boolean; readonly requiresNonDefaultAccessRole: boolean },
): ScopeIndex {
  const byPrincipal = new Map<string, string[]>()
  for (const a of state.appRoleAssignments) {
    if (a.resourceId !== app.servicePrincipal.id) continue
    byPrincipal.set(a.principalId, [...(byPrincipal.get(a.principalId) ?? []), a.appRoleId])
  }
  const groupsOfUser = new Map<string, string[]>()
  for (const g of state.groups)
    for (const m of g.memberIds) groupsOfUser.set(m, [...(groupsOfUser.get(m) ?? []), g.id])
  const appName = app.servicePrincipal.displayName

  const judge = (
    roleIds: readonly string[],
    active: boolean,
    kind: 'User' | 'Group',
  ): Omit<Entitlement, 'details'> & { readonly assigned: boolean; readonly allowedRole: boolean } => {
    const assigned = roleIds.length > 0
    const allowed = roleIds.filter((id) => !options.requiresNonDefaultAccessRole || !isDefaultAccess(app, id))
    const roles = [...new Set(allowed.map((id) => roleName(app, id)))]
    const allowedRole = allowed.length > 0
    let reason: string | null = null
    if (!active)
      reason = `The ${kind.toLowerCase()} is disabled in Microsoft Entra ID (accountEnabled is false); enable it to provision it.`
    else if (!options.syncAll && !assigned)
      reason = `The ${kind.toLowerCase()} is not assigned to ${appName}, and the scope is "Sync only assigned users and groups". Assign it (Users and groups), or set the scope to "Sync all users and groups".`
    else if (!options.syncAll && !allowedRole)
      reason = `The ${kind.toLowerCase()} is assigned to ${appName} with the Default Access role only, and ${appName} provisions only users with another role: users need a non-'Default Access' role to be provisioned. Assign the role User instead.`
    return { entitled: reason === null, roles, reason, assigned, allowedRole }
  }

  return {
    app,
    candidateUserIds: () =>
      options.syncAll
        ? state.users.map((u) => u.id)
        : state.users
            .filter(
              (u) => byPrincipal.has(u.id) || (groupsOfUser.get(u.id) ?? []).some((g) => byPrincipal.has(g)),
            )
            .map((u) => u.id),
    candidateGroupIds: () =>
      options.syncAll
        ? state.groups.map((g) => g.id)
        : state.groups.filter((g) => byPrincipal.has(g.id)).map((g) => g.id),
    user: (user) => {
      const roleIds = [user.id, ...(groupsOfUser.get(user.id) ?? [])].flatMap((p) => byPrincipal.get(p) ?? [])
      const verdict = judge(roleIds, user.accountEnabled, 'User')
      return {
        entitled: verdict.entitled,
        roles: verdict.roles,
        reason: verdict.reason,
        details: {
          'Active in the source system': yes(user.accountEnabled),
          'Assigned to the application': yes(verdict.assigned),
          'User has a required role': yes(options.syncAll || verdict.allowedRole),
          'Scoping filter evaluation passed': 'True',
          Scope: options.syncAll ? 'Sync all users and groups' : 'Sync only assigned users and groups',
          IsEffectivelyEntitledForProvisioning: yes(verdict.entitled),
        },
      }
    },
    group: (group) => {
      const verdict = judge(byPrincipal.get(group.id) ?? [], true, 'Group')
      return {
        entitled: verdict.entitled,
        roles: verdict.roles,
        reason: verdict.reason,
        details: {
          'Assigned to the application': yes(verdict.assigned),
          Scope: options.syncAll ? 'Sync all users and groups' : 'Sync only assigned users and groups',
          IsEffectivelyEntitledForProvisioning: yes(verdict.entitled),
        },
      }
    },
  }
}

const flag = (value: boolean): string => (value ? 'True' : 'False')

/** The source attributes of a user, as mappings read them. */
export function userAttributes(user: User, entitlement: Entitlement): Record<string, SourceValue> {
  return {
    objectId: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    mail: user.mail,
    mailNickname: user.mailNickname,
    onPremisesUserPrincipalName: user.onPremisesUserPrincipalName,
    accountEnabled: flag(user.accountEnabled),
    IsSoftDeleted: flag(!entitlement.entitled),
    appRoleAssignments: entitlement.roles,
  }
}

/** The source attributes of a group, as mappings read them. */
export function groupAttributes(group: Group): Record<string, SourceValue> {
  return {
    objectId: group.id,
    displayName: group.displayName,
    mailNickname: group.mailNickname,
    description: group.description,
    members: group.memberIds,
  }
}
