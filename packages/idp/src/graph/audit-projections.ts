import type { AuditRecord } from '../audit/audit-log'
import type { GraphObject } from './directory-projections'

/** Graph's `operationType`, from the verb the activity starts with. */
function operationTypeOf(activity: string): string {
  if (activity.startsWith('Add')) return 'Add'
  if (activity.startsWith('Delete') || activity.startsWith('Remove')) return 'Delete'
  return 'Update'
}

/**
 * Who made the change, as Graph's `initiatedBy` shows it: a signed-in admin is a user; a call
 * with no console session came from an app (the Graph or sandbox API client).
 */
function initiatedByOf(record: AuditRecord): GraphObject {
  const { displayName, userPrincipalName } = record.initiatedBy
  return userPrincipalName === null
    ? {
        user: null,
        app: { displayName, appId: null, servicePrincipalId: null, servicePrincipalName: displayName },
      }
    : { user: { id: null, displayName, userPrincipalName, ipAddress: null }, app: null }
}

/** An audit log entry as Graph's `auditLogs/directoryAudits` shows it. */
export function graphDirectoryAudit(record: AuditRecord): GraphObject {
  return {
    id: record.id,
    category: record.category,
    correlationId: record.id,
    result: 'success',
    resultReason: '',
    activityDisplayName: record.activityDisplayName,
    activityDateTime: record.activityDateTime,
    loggedByService: 'Core Directory',
    operationType: operationTypeOf(record.activityDisplayName),
    initiatedBy: initiatedByOf(record),
    targetResources: [
      {
        id: record.target.id,
        displayName: record.target.displayName,
        type: record.target.type,
        userPrincipalName: null,
        groupType: null,
        modifiedProperties: record.modifiedProperties.map((p) => ({ ...p })),
      },
    ],
    additionalDetails: [],
  }
}
