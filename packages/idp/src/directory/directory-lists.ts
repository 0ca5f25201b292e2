import type { DeepReadonly } from '@sandbox/shared'
import { compareNames, type ListPage, type ListQuery, pageOf, searchText } from '../lists/list-page'
import type { DeepState } from '../state/deep-state'
import type { DirectoryGroup, DirectoryUser } from '../state/idp-state'

type User = DeepReadonly<DirectoryUser>
type Group = DeepReadonly<DirectoryGroup>

const byName = (a: { displayName: string }, b: { displayName: string }) =>
  compareNames(a.displayName, b.displayName)

/**
 * All users: those whose display name, user principal name or mail contains the search text
 * (Entra matches prefixes; containing is the friendlier superset), by display name.
 */
export function searchUsers(state: Pick<DeepState, 'users'>, query: ListQuery): ListPage<User> {
  const text = searchText(query.search)
  const found =
    text === ''
      ? [...state.users]
      : state.users.filter(
          (u) =>
            u.displayName.toLowerCase().includes(text) ||
            u.userPrincipalName.toLowerCase().includes(text) ||
            (u.mail ?? '').toLowerCase().includes(text),
        )
  return pageOf(found.sort(byName), query.page)
}

/** All groups whose name or description contains the search text, by name. */
export function searchGroups(state: Pick<DeepState, 'groups'>, query: ListQuery): ListPage<Group> {
  const text = searchText(query.search)
  const found =
    text === ''
      ? [...state.groups]
      : state.groups.filter(
          (g) =>
            g.displayName.toLowerCase().includes(text) || (g.description ?? '').toLowerCase().includes(text),
        )
  return pageOf(found.sort(byName), query.page)
}

/** The groups `userId` is a direct member of, by name. */
export function groupsOfUser(state: Pick<DeepState, 'groups'>, userId: string): Group[] {
  return state.groups.filter((g) => g.memberIds.includes(userId)).sort(byName)
}

/** How many users a member picker lists. */
const PICKER_SIZE = 200

/** Users a member picker offers: not yet in `exclude`, by display name, at most 200. */
export function memberCandidates(state: Pick<DeepState, 'users'>, exclude: readonly string[]): User[] {
  const taken = new Set(exclude)
  return state.users
    .filter((u) => !taken.has(u.id))
    .sort(byName)
    .slice(0, PICKER_SIZE)
}

/** A user as the directory's readers see it (read-only). */
export type ListedUser = User
/** A group as the directory's readers see it (read-only). */
export type ListedGroup = Group
