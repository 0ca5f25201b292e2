import type { AuditRecord, AuditTarget } from './audit-log'

/**
 * A JSON-encoded old or new value as the Audit Log Details pane shows it: a string without its
 * quotes, a list as its items joined by commas, nothing for no value. A value that is not JSON
 * is shown as it is.
 */
export function readableAuditValue(encoded: string | null): string {
  if (encoded === null) return ''
  let value: unknown
  try {
    value = JSON.parse(encoded)
  } catch {
    return encoded
  }
  const text = (v: unknown): string =>
    v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v)
  return Array.isArray(value) ? value.map(text).join(', ') : text(value)
}

/** An audit entry as the Audit logs page shows it: values decoded, targets named in one line. */
export interface ReadableAuditRecord extends Omit<AuditRecord, 'modifiedProperties'> {
  /** The Target(s) column: every object the change touched. */
  readonly targetNames: string
  readonly modifiedProperties: readonly {
    readonly displayName: string
    readonly oldValue: string
    readonly newValue: string
  }[]
}

/** A target as the Target(s) column names it: its display name, or its UPN when it has none. */
function targetName(target: AuditTarget): string {
  return target.displayName || target.userPrincipalName || target.id
}

/** The entry with readable values, for the console (views only lay it out). */
export function readableAuditRecord(record: AuditRecord): ReadableAuditRecord {
  return {
    ...record,
    targetNames: record.targets.map(targetName).join(', '),
    modifiedProperties: record.modifiedProperties.map((p) => ({
      displayName: p.displayName,
      oldValue: readableAuditValue(p.oldValue),
      newValue: readableAuditValue(p.newValue),
    })),
  }
}
