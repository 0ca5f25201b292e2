import {
  type DeepReadonly,
  frozenWith,
  ok,
  type Result,
  type Runtime,
  type SharedDraft,
} from '@sandbox/shared'
import type { SpState } from '../state/sp-state'
import { newUserRecord } from '../users/user-records'
import { emailOwner } from '../users/user-rules'
import type { WebexGroup, WebexUser } from '../users/user-schema'
import type { Kind } from './directory-reads'
import { groupFromScim } from './group-mapping'
import { type ScimError, scimError } from './scim-error'
import { userFromScim } from './user-mapping'

/** How a write treats what the body leaves out: defaults (POST), kept values (PUT), unassigned (PATCH). */
export type WriteKind = 'create' | 'replace' | 'patch'

function userConflict(
  users: DeepReadonly<WebexUser[]>,
  fields: { userName: string; emails: WebexUser['emails'] },
  selfId?: string,
) {
  for (const email of [fields.userName, ...fields.emails.map((e) => e.value)]) {
    const owner = emailOwner(users, email, selfId)
    if (owner) {
      return scimError(
        409,
        `userName or email ${email} is already used by user ${owner.id}; userName is the primary email and unique in Webex. Update that user instead (Entra matches on userName).`,
        'uniqueness',
      )
    }
  }
  return ok(undefined)
}

function groupConflict(groups: DeepReadonly<WebexGroup[]>, displayName: string, selfId?: string) {
  const clash = groups.find(
    (g) => g.id !== selfId && g.displayName.toLowerCase() === displayName.toLowerCase(),
  )
  return clash
    ? scimError(
        409,
        `A group named "${displayName}" already exists (id ${clash.id}); group names are unique.`,
        'uniqueness',
      )
    : ok(undefined)
}

/** One write into the draft: the canonical resource, the record it replaces (null: a new one), when. */
interface Write {
  readonly draft: SharedDraft<SpState>
  readonly runtime: Runtime
  readonly at: string
  readonly resource: Record<string, unknown>
  readonly existingId: string | null
  readonly kind: WriteKind
}

/**
 * The writes replace what they change and reuse the rest of the committed directory (a store
 * `updateShared`): a create among thousands of users copies the list of references, not the users.
 */
function writeUser({ draft, runtime, at, resource, existingId, kind }: Write): Result<string, ScimError> {
  const dir = draft.directory
  const position = existingId === null ? -1 : dir.users.findIndex((u) => u.id === existingId)
  const existing = dir.users[position]
  const fields = userFromScim(
    resource,
    existing && kind !== 'create' ? { kind, previous: existing } : { kind: 'create' },
  )
  if (!fields.ok) return fields
  const conflict = userConflict(dir.users, fields.value, existing?.id)
  if (!conflict.ok) return conflict
  if (!existing) {
    const user = newUserRecord(runtime.ids.guid(), fields.value, 'scim', at)
    draft.directory = { ...dir, users: frozenWith(dir.users, dir.users.length, user) }
    return ok(user.id)
  }
  const updated = {
    ...existing,
    ...structuredClone(fields.value),
    lastModified: at,
    version: existing.version + 1,
  }
  const display = updated.displayName || updated.userName
  const users = frozenWith(dir.users, position, updated)
  const groups = dir.groups.map((group) =>
    group.members.some((m) => m.value === updated.id && m.display !== display)
      ? {
          ...group,
          members: group.members.map((m) => (m.value === updated.id ? { ...m, display } : m)),
        }
      : group,
  )
  draft.directory = { ...dir, users, groups }
  return ok(updated.id)
}

function writeGroup({ draft, runtime, at, resource, existingId }: Write): Result<string, ScimError> {
  const dir = draft.directory
  const position = existingId === null ? -1 : dir.groups.findIndex((g) => g.id === existingId)
  const existing = dir.groups[position]
  const fields = groupFromScim(resource, dir, existingId)
  if (!fields.ok) return fields
  const conflict = groupConflict(dir.groups, fields.value.displayName, existing?.id)
  if (!conflict.ok) return conflict
  if (!existing) {
    const group: WebexGroup = {
      id: runtime.ids.guid(),
      ...fields.value,
      created: at,
      lastModified: at,
      version: 1,
    }
    draft.directory = { ...dir, groups: frozenWith(dir.groups, dir.groups.length, group) }
    return ok(group.id)
  }
  const updated = {
    ...existing,
    ...structuredClone(fields.value),
    lastModified: at,
    version: existing.version + 1,
  }
  draft.directory = { ...dir, groups: frozenWith(dir.groups, position, updated) }
  return ok(updated.id)
}

/**
 * Validates a canonical representation (from `normalizeResource`) into the draft with Webex's
 * rules and uniqueness: a new record (`existingId` null) or the replacement of one. Returns the id.
 */
export function writeResource(
  kind: Kind,
  draft: SharedDraft<SpState>,
  runtime: Runtime,
  resource: Record<string, unknown>,
  existingId: string | null,
  writeKind: WriteKind,
): Result<string, ScimError> {
  const write = {
    draft,
    runtime,
    at: new Date(runtime.clock.now()).toISOString(),
    resource,
    existingId,
    kind: writeKind,
  }
  return kind === 'users' ? writeUser(write) : writeGroup(write)
}
