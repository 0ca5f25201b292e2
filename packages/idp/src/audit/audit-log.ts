// audit/: the in-memory audit log of admin changes (who, what, when, old and new values).
import type { Clock, IdGenerator } from '@sandbox/shared'
import { type ListPage, pageOf } from '../lists/list-page'

/** Who made a change: the signed-in admin of the console, or an API client. */
export interface AuditActor {
  readonly displayName: string
  readonly userPrincipalName: string | null
}

/** An API caller with no console session (Graph-shaped API, sandbox API, rehearsal CLI). */
export const API_CLIENT: AuditActor = { displayName: 'Sandbox API client', userPrincipalName: null }

/**
 * A property a change touched, with its value before and after JSON-encoded as Graph's
 * directoryAudit carries them (`"\"Default Access\""`, `"[\"https://…\"]"`); null for a side
 * that has no value (the old value of something added).
 */
export interface ModifiedProperty {
  readonly displayName: string
  readonly oldValue: string | null
  readonly newValue: string | null
}

/**
 * An object a change touched. Entra names two where a change links two objects (an app role
 * assignment: the service principal and the user or group; a membership: the user and the
 * group); the first carries the modified properties.
 */
export interface AuditTarget {
  readonly id: string
  readonly displayName: string
  readonly type: 'User' | 'Group' | 'Application' | 'ServicePrincipal'
  /** Set on a user target, as Graph's `targetResources[].userPrincipalName`. */
  readonly userPrincipalName?: string
}

/** Entra's audit categories that the sandbox's changes fall under. */
export type AuditCategory = 'UserManagement' | 'GroupManagement' | 'ApplicationManagement'

/** One admin change, as Entra's audit logs (Graph `auditLogs/directoryAudits`) record it. */
export interface AuditRecord {
  readonly id: string
  readonly activityDateTime: string
  readonly category: AuditCategory
  /** "Add user", "Update user", "Reset password", "Add member to group", … */
  readonly activityDisplayName: string
  readonly initiatedBy: AuditActor
  /** At least one; see `AuditTarget`. */
  readonly targets: readonly [AuditTarget, ...AuditTarget[]]
  readonly modifiedProperties: readonly ModifiedProperty[]
}

/** What a service reports; the log adds the id and the time. */
export type AuditEntry = Omit<AuditRecord, 'id' | 'activityDateTime'>

/** How many changes the log keeps (the oldest go first). */
const AUDIT_LOG_CAPACITY = 2000

/**
 * A bounded, in-memory audit log, newest first. The services write it after a change has been
 * committed (a refused change leaves no entry); it is not persisted.
 */
export function createAuditLog(deps: { clock: Clock; ids: IdGenerator }, capacity = AUDIT_LOG_CAPACITY) {
  const records: AuditRecord[] = []
  return {
    record(entry: AuditEntry): AuditRecord {
      const record: AuditRecord = {
        ...entry,
        id: deps.ids.guid(),
        activityDateTime: new Date(deps.clock.now()).toISOString(),
      }
      records.unshift(record)
      if (records.length > capacity) records.length = capacity
      return record
    },

    /** Newest first. */
    list(): readonly AuditRecord[] {
      return records
    },

    /** A page of the log, newest first. */
    find(query: { readonly page?: number }): ListPage<AuditRecord> {
      return pageOf(records, query.page)
    },

    get(id: string): AuditRecord | undefined {
      return records.find((r) => r.id === id)
    },

    clear(): void {
      records.length = 0
    },
  }
}

/** The audit log's interface. */
export type AuditLog = ReturnType<typeof createAuditLog>

/** A value as a JSON string, the way Graph writes an assignment's properties; null when absent. */
export function jsonValue(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value)
}

/**
 * A directory property's value the way Entra's Core Directory writes it: always a JSON array
 * (`["B.Simon"]`, `[true]`, `[]` when the property has no value).
 */
export function directoryValue(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value)
  return JSON.stringify(value === null || value === undefined || value === '' ? [] : [value])
}

/** Entra names directory properties in PascalCase (`UserPrincipalName`, `AccountEnabled`). */
export function entraPropertyName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/**
 * A service's way to log its changes under one category: the activity, who, the targets and the
 * changed properties (none by default).
 */
export function categoryRecorder(audit: Pick<AuditLog, 'record'>, category: AuditCategory) {
  return (
    activity: string,
    by: AuditActor,
    targets: AuditRecord['targets'],
    modifiedProperties: readonly ModifiedProperty[] = [],
  ): AuditRecord =>
    audit.record({ category, activityDisplayName: activity, initiatedBy: by, targets, modifiedProperties })
}

/**
 * The properties whose values differ between `before` and `after`, encoded as Entra does;
 * `nameOf` gives the name the audit log shows (e.g. `entraPropertyName`).
 */
export function changedProperties(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  names: readonly string[],
  nameOf: (name: string) => string = (name) => name,
): ModifiedProperty[] {
  return names.flatMap((name) => {
    const oldValue = directoryValue(before[name])
    const newValue = directoryValue(after[name])
    return oldValue === newValue ? [] : [{ displayName: nameOf(name), oldValue, newValue }]
  })
}

/**
 * The properties of one-sided change (a link added or removed): each value JSON-encoded on the
 * side that has it, null on the other.
 */
export function linkProperties(
  verb: 'add' | 'remove',
  properties: readonly (readonly [string, unknown])[],
): ModifiedProperty[] {
  return properties.map(([displayName, value]) =>
    verb === 'add'
      ? { displayName, oldValue: null, newValue: jsonValue(value) }
      : { displayName, oldValue: jsonValue(value), newValue: null },
  )
}
