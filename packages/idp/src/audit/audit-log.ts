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

/** A property a change touched, with its value before and after ("" when there was none). */
export interface ModifiedProperty {
  readonly displayName: string
  readonly oldValue: string
  readonly newValue: string
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
  readonly target: { readonly id: string; readonly displayName: string; readonly type: string }
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

/** The properties whose values differ between `before` and `after`, as strings. */
export function changedProperties(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  names: readonly string[],
): ModifiedProperty[] {
  const text = (value: unknown) =>
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value)
  return names.flatMap((name) => {
    const oldValue = text(before[name])
    const newValue = text(after[name])
    return oldValue === newValue ? [] : [{ displayName: name, oldValue, newValue }]
  })
}
