import type { DeepReadonly } from '@sandbox/shared'
import type { ProvisioningLog } from '../state/idp-state'
import { LOG_STATUS_LABELS } from './log-filter-form'

/** The columns of the Provisioning logs page, in its order; the CSV download has the same. */
export const LOG_CSV_COLUMNS = [
  'Date',
  'Identity',
  'Action',
  'Source System',
  'Target System',
  'Status',
] as const

/**
 * One CSV cell (RFC 4180). A value a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or carriage return) is prefixed with an apostrophe, because display names come from
 * whoever can edit the directory and the file is opened by an admin.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The row the page shows for one event: Date, Identity (name and source id), Action, systems, Status. */
export function logRowCells(log: DeepReadonly<ProvisioningLog>, targetSystem: string): string[] {
  return [
    log.activityDateTime,
    `${log.sourceIdentity.displayName} (${log.sourceIdentity.id})`,
    log.action,
    'Microsoft Entra ID',
    targetSystem,
    LOG_STATUS_LABELS[log.status],
  ]
}

/** The CSV download: a header row, then one row per event, CRLF line ends. */
export function provisioningLogsCsv(
  logs: readonly DeepReadonly<ProvisioningLog>[],
  targetSystem: (log: DeepReadonly<ProvisioningLog>) => string,
): string {
  const lines = [LOG_CSV_COLUMNS, ...logs.map((log) => logRowCells(log, targetSystem(log)))]
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`
}
