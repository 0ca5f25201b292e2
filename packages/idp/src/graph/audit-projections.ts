import type { AuditRecord } from '../audit/audit-log'
import type { GraphObject } from './directory-projections'

/**
 * Graph's `operationType`: a link between two objects (an app role assignment, a membership) is
 * Assign / Unassign; otherwise the verb the activity starts with.
 */
function operationTypeOf(record: AuditRecord): string {
  const activity = record.activityDisplayName
  const link = record.targets.length > 1
  if (activity.startsWith('Add')) return link ? 'Assign' : 'Add'
  if (activity.startsWith('Delete') || activity.startsWith('Remove')) return link ? 'Unassign' : 'Delete'
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
    operationType: operationTypeOf(record),
    initiatedBy: initiatedByOf(record),
    // The first target carries the modified properties, as in Entra's entries.
    targetResources: record.targets.map((target, index) => ({
      id: target.id,
      displayName: target.displayName,
      type: target.type,
      userPrincipalName: target.userPrincipalName ?? null,
      groupType: null,
      modifiedProperties: index === 0 ? record.modifiedProperties.map((p) => ({ ...p })) : [],
    })),
    additionalDetails: [],
  }
}
