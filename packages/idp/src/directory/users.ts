import type { DeepReadonly } from '@sandbox/shared'
import type { DeepState } from '../state/deep-state'
import type { DirectoryUser } from '../state/idp-state'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Finds a user by object id or userPrincipalName (case-insensitive), as Graph's `/users/{id|upn}`. */
export function findUser<S extends Pick<DeepState, 'users'>>(
  state: S,
  idOrUpn: string,
): S['users'][number] | undefined {
  const key = idOrUpn.toLowerCase()
  if (GUID.test(idOrUpn)) return state.users.find((u) => u.id.toLowerCase() === key)
  return state.users.find((u) => u.userPrincipalName.toLowerCase() === key)
}

/** The account a sign-in name names, and the key its failed sign-ins are counted under. */
export interface SignInAccount<U> {
  /** `user:{object id}` for an account, else `name:{the name as compared}`. */
  readonly key: string
  readonly user: U | undefined
}

/**
 * Resolves what someone typed as their account (sign-in page, token endpoint): surrounding
 * white space dropped, case folded, then the userPrincipalName, the object id, or a mail
 * address that exactly one user has (Entra's "email as an alternate login ID"). Every name of
 * one account gives the same key, so throttling can count per account, never per spelling.
 */
export function signInAccountOf<S extends Pick<DeepState, 'users'>>(
  state: S,
  name: string,
): SignInAccount<S['users'][number]> {
  const folded = name.trim().normalize('NFC').toLowerCase()
  const byUpn = state.users.find((u) => u.userPrincipalName.toLowerCase() === folded)
  const byId =
    byUpn ?? (GUID.test(folded) ? state.users.find((u) => u.id.toLowerCase() === folded) : undefined)
  const byMail = state.users.filter((u) => u.mail?.toLowerCase() === folded)
  const user = byId ?? (byMail.length === 1 ? byMail[0] : undefined)
  return { key: user ? `user:${user.id}` : `name:${folded}`, user }
}

/** True when the user holds the Global Administrator directory role. */
export function isGlobalAdministrator(user: DeepReadonly<DirectoryUser>): boolean {
  return user.directoryRoles.includes('Global Administrator')
}

/**
 * True when `user` is the only enabled Global Administrator left in `state`: disabling,
 * demoting or deleting it would leave no one able to sign in and manage the tenant.
 */
export function isLastEnabledGlobalAdministrator(
  state: Pick<DeepState, 'users'>,
  user: DeepReadonly<DirectoryUser>,
): boolean {
  return isEnabledGlobalAdministrator(user) && !hasOtherEnabledGlobalAdministrator(state, user)
}

/** True when someone besides `user` is an enabled Global Administrator. */
export function hasOtherEnabledGlobalAdministrator(
  state: Pick<DeepState, 'users'>,
  user: DeepReadonly<DirectoryUser>,
): boolean {
  return state.users.some((other) => other.id !== user.id && isEnabledGlobalAdministrator(other))
}

function isEnabledGlobalAdministrator(user: DeepReadonly<DirectoryUser>): boolean {
  return user.accountEnabled && isGlobalAdministrator(user)
}

/** The object ids of the groups `userId` is a direct member of. */
export function groupIdsOf(state: Pick<DeepState, 'groups'>, userId: string): string[] {
  return state.groups.filter((g) => g.memberIds.includes(userId)).map((g) => g.id)
}
