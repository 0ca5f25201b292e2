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

/** True when the user holds the Global Administrator directory role. */
export function isGlobalAdministrator(user: DeepReadonly<DirectoryUser>): boolean {
  return user.directoryRoles.includes('Global Administrator')
}

/** The object ids of the groups `userId` is a direct member of. */
export function groupIdsOf(state: Pick<DeepState, 'groups'>, userId: string): string[] {
  return state.groups.filter((g) => g.memberIds.includes(userId)).map((g) => g.id)
}
