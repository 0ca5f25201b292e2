import { csvDocument } from '../log-export/csv'
import type { AuditRecord, AuditTarget } from './audit-log'

const TARGET_COLUMNS = (n: number) => [
  `Target${n}Type`,
  `Target${n}DisplayName`,
  `Target${n}ObjectId`,
  `Target${n}UserPrincipalName`,
]

const targetCells = (target: AuditTarget | undefined) =>
  target ? [target.type, target.displayName, target.id, target.userPrincipalName ?? ''] : ['', '', '', '']

/**
 * The entries as the file Entra's Audit logs > Download > Download CSV gives, newest first: its
 * column names (Target1…, Target1ModifiedProperty1Name…), two targets (the most a sandbox change
 * names) and as many modified-property columns as the busiest entry needs.
 */
export function auditCsv(records: readonly AuditRecord[]): string {
  const properties = Math.max(0, ...records.map((r) => r.modifiedProperties.length))
  const header = [
    'Date (UTC)',
    'CorrelationId',
    'Service',
    'Category',
    'Activity',
    'Result',
    'ResultReason',
    'ActorType',
    'ActorDisplayName',
    'ActorUserPrincipalName',
    ...TARGET_COLUMNS(1),
    ...TARGET_COLUMNS(2),
    ...Array.from({ length: properties }, (_, i) => [
      `Target1ModifiedProperty${i + 1}Name`,
      `Target1ModifiedProperty${i + 1}OldValue`,
      `Target1ModifiedProperty${i + 1}NewValue`,
    ]).flat(),
  ]
  const rows = records.map((r) => [
    r.activityDateTime,
    r.id,
    'Core Directory',
    r.category,
    r.activityDisplayName,
    'success',
    '',
    r.initiatedBy.userPrincipalName === null ? 'Application' : 'User',
    r.initiatedBy.displayName,
    r.initiatedBy.userPrincipalName ?? '',
    ...targetCells(r.targets[0]),
    ...targetCells(r.targets[1]),
    ...Array.from({ length: properties }, (_, i) => {
      const p = r.modifiedProperties[i]
      return p ? [p.displayName, p.oldValue ?? '', p.newValue ?? ''] : ['', '', '']
    }).flat(),
  ])
  return csvDocument(header, rows)
}
