import { ok, type Result } from '@sandbox/shared'
import type { Directory } from './directory-reads'
import { badRequest, type ScimError, scimError } from './scim-error'
import { GROUP_MEMBERS_URN } from './scim-urns'

/** Webex's page size for a group's members, which is also its largest. */
const MAX_MEMBERS_PAGE = 500

/** Webex's member types; this sandbox has no machine accounts, so `machine` selects nobody. */
const MEMBER_TYPES = ['user', 'group', 'machine'] as const

/** The query of `GET /Groups/{id}/Members`. */
export interface MembersQuery {
  readonly startIndex?: string
  readonly count?: string
  readonly memberType?: string
}

function integer(name: string, raw: string | undefined, fallback: number): Result<number, ScimError> {
  if (raw === undefined || raw.trim() === '') return ok(fallback)
  if (!/^-?\d{1,9}$/.test(raw.trim())) {
    return badRequest('invalidValue', `${name} must be an integer (got "${raw.slice(0, 20)}").`)
  }
  return ok(Number(raw.trim()))
}

/**
 * Webex's `GET /Groups/{id}/Members`: one page of a group's members with their type and name,
 * in Webex's shape (`memberSize`, `members[{value, type, display}]`), filtered by `memberType`.
 */
export function groupMembers(
  directory: Directory,
  id: string,
  query: MembersQuery,
): Result<Record<string, unknown>, ScimError> {
  const group = directory.groups.find((g) => g.id === id)
  if (!group) {
    return scimError(
      404,
      `Group ${id.slice(0, 64)} not found (it may have been deleted); list /Groups to find it.`,
    )
  }
  const start = integer('startIndex', query.startIndex, 1)
  if (!start.ok) return start
  const count = integer('count', query.count, MAX_MEMBERS_PAGE)
  if (!count.ok) return count
  const wanted = query.memberType?.trim().toLowerCase()
  if (wanted && !(MEMBER_TYPES as readonly string[]).includes(wanted)) {
    return badRequest('invalidValue', `memberType must be one of ${MEMBER_TYPES.join(', ')}.`)
  }
  const members = group.members.flatMap((m) => {
    const user = directory.users.find((u) => u.id === m.value)
    const nested = user ? undefined : directory.groups.find((g) => g.id === m.value)
    const type = user ? 'user' : 'group'
    if (wanted && wanted !== type) return []
    const display = (user ? user.displayName || user.userName : nested?.displayName) ?? m.display ?? m.value
    return [{ value: m.value, type, display }]
  })
  const startIndex = Math.max(1, start.value)
  const size = Math.min(MAX_MEMBERS_PAGE, Math.max(0, count.value))
  const page = members.slice(startIndex - 1, startIndex - 1 + size)
  return ok({
    schemas: [GROUP_MEMBERS_URN],
    displayName: group.displayName,
    memberSize: members.length,
    startIndex,
    itemsPerPage: page.length,
    members: page,
  })
}
