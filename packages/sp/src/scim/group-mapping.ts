import { type DeepReadonly, ok, type Result } from '@sandbox/shared'
import type { WebexGroup, WebexUser } from '../users/user-schema'
import { isObject } from './attribute-path'
import { badRequest, type ScimError } from './scim-error'
import { GROUP_URN } from './scim-urns'
import { etagOf, type ScimContext } from './user-mapping'

/** The parts of a group a SCIM write sets. */
export interface GroupFields {
  readonly displayName: string
  readonly externalId: string | null
  readonly members: WebexGroup['members']
}

type Directory = {
  readonly users: readonly DeepReadonly<WebexUser>[]
  readonly groups: readonly DeepReadonly<WebexGroup>[]
}

/** A stored group as SCIM returns it (RFC 7643 §4.2), member names looked up now. */
export function groupToScim(
  group: DeepReadonly<WebexGroup>,
  directory: Directory,
  context: ScimContext,
): Record<string, unknown> {
  const members = group.members.map((m) => {
    const user = directory.users.find((u) => u.id === m.value)
    const nested = user ? undefined : directory.groups.find((g) => g.id === m.value)
    return {
      value: m.value,
      display: (user ? user.displayName || user.userName : nested?.displayName) ?? m.display ?? m.value,
      $ref: `${context.baseUrl}/${user ? 'Users' : 'Groups'}/${m.value}`,
      type: user ? 'User' : 'Group',
    }
  })
  return {
    schemas: [GROUP_URN],
    id: group.id,
    ...(group.externalId === null ? {} : { externalId: group.externalId }),
    displayName: group.displayName,
    members,
    meta: {
      resourceType: 'Group',
      created: group.created,
      lastModified: group.lastModified,
      location: `${context.baseUrl}/Groups/${group.id}`,
      version: etagOf(group),
    },
  }
}

/** Turns a canonical SCIM Group into stored fields; every member must be a user or group of this org. */
export function groupFromScim(
  resource: Record<string, unknown>,
  directory: Directory,
  selfId: string | null,
): Result<GroupFields, ScimError> {
  const displayName = typeof resource.displayName === 'string' ? resource.displayName.trim() : ''
  if (!displayName) return badRequest('invalidValue', 'displayName is required: name the group.')
  const members: WebexGroup['members'][number][] = []
  const raw = Array.isArray(resource.members) ? resource.members : []
  for (const [i, member] of raw.entries()) {
    const value = isObject(member) && typeof member.value === 'string' ? member.value : ''
    if (!value)
      return badRequest('invalidValue', `members[${i}].value is required: the id of a user or group.`)
    if (value === selfId)
      return badRequest('invalidValue', `members[${i}]: a group cannot be a member of itself.`)
    const user = directory.users.find((u) => u.id === value)
    const group = user ? undefined : directory.groups.find((g) => g.id === value)
    if (!user && !group) {
      return badRequest(
        'invalidValue',
        `members[${i}].value "${value.slice(0, 64)}" is not the id of a user or group in this organization; create the user first (POST /Users) and use the id it returned.`,
      )
    }
    if (!members.some((m) => m.value === value)) {
      members.push({
        value,
        display: (user ? user.displayName || user.userName : group?.displayName) ?? value,
      })
    }
  }
  return ok({
    displayName,
    externalId: typeof resource.externalId === 'string' ? resource.externalId : null,
    members,
  })
}
