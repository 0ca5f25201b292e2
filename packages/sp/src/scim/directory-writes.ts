import { ok, type Result, type Runtime } from '@sandbox/shared'
import type { SpState } from '../state/sp-state'
import { newUserRecord, touch } from '../users/user-records'
import { emailOwner } from '../users/user-rules'
import type { WebexGroup, WebexUser } from '../users/user-schema'
import type { Kind } from './directory-reads'
import { groupFromScim } from './group-mapping'
import { type ScimError, scimError } from './scim-error'
import { userFromScim } from './user-mapping'

/** How a write treats what the body leaves out: defaults (POST), kept values (PUT), unassigned (PATCH). */
export type WriteKind = 'create' | 'replace' | 'patch'

function userConflict(
  users: readonly WebexUser[],
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

function groupConflict(groups: readonly WebexGroup[], displayName: string, selfId?: string) {
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
  readonly draft: SpState
  readonly runtime: Runtime
  readonly at: string
  readonly resource: Record<string, unknown>
  readonly existingId: string | null
  readonly kind: WriteKind
}

function writeUser({ draft, runtime, at, resource, existingId, kind }: Write): Result<string, ScimError> {
  const dir = draft.directory
  const existing = existingId === null ? undefined : dir.users.find((u) => u.id === existingId)
  const fields = userFromScim(
    resource,
    existing && kind !== 'create' ? { kind, previous: existing } : { kind: 'create' },
  )
  if (!fields.ok) return fields
  const conflict = userConflict(dir.users, fields.value, existing?.id)
  if (!conflict.ok) return conflict
  if (!existing) {
    const user = newUserRecord(runtime.ids.guid(), fields.value, 'scim', at)
    dir.users.push(user)
    return ok(user.id)
  }
  Object.assign(existing, structuredClone(fields.value))
  touch(existing, at)
  for (const group of dir.groups) {
    for (const m of group.members)
      if (m.value === existing.id) m.display = existing.displayName || existing.userName
  }
  return ok(existing.id)
}

function writeGroup({ draft, runtime, at, resource, existingId }: Write): Result<string, ScimError> {
  const dir = draft.directory
  const existing = existingId === null ? undefined : dir.groups.find((g) => g.id === existingId)
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
    dir.groups.push(group)
    return ok(group.id)
  }
  Object.assign(existing, structuredClone(fields.value))
  touch(existing, at)
  return ok(existing.id)
}

/**
 * Validates a canonical representation (from `normalizeResource`) into the draft with Webex's
 * rules and uniqueness: a new record (`existingId` null) or the replacement of one. Returns the id.
 */
export function writeResource(
  kind: Kind,
  draft: SpState,
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
