import type { DeepReadonly } from '@sandbox/shared'
import { csvDocument } from '../log-export/csv'
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
  return csvDocument(
    LOG_CSV_COLUMNS,
    logs.map((log) => logRowCells(log, targetSystem(log))),
  )
}
