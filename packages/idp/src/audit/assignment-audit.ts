import type { DocumentStore, Result } from '@sandbox/shared'
import { findUser } from '../directory/users'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import type { DeepState } from '../state/deep-state'
import type { IdpState } from '../state/idp-state'
import type { AuditActor, AuditLog, ModifiedProperty } from './audit-log'

type Assignment = DeepState['appRoleAssignments'][number]

/** Entra's activity names for assignments, by who holds the assignment. */
const ACTIVITY = {
  User: { add: 'Add app role assignment to user', remove: 'Remove app role assignment from user' },
  Group: { add: 'Add app role assignment grant to group', remove: 'Remove app role assignment from group' },
} as const

/**
 * Audit entries for Users and groups assignments: Entra files them under the user (or group)
 * that received the app, naming the app and the role among the modified properties.
 */
export function assignmentAudit(audit: AuditLog, store: DocumentStore<IdpState>) {
  function record(state: DeepState, assignment: Assignment, verb: 'add' | 'remove', by: AuditActor): void {
    const user = assignment.principalType === 'User' ? findUser(state, assignment.principalId) : undefined
    const group =
      assignment.principalType === 'Group'
        ? state.groups.find((g) => g.id === assignment.principalId)
        : undefined
    const app = appByServicePrincipalId(state, assignment.resourceId)
    const role = app?.servicePrincipal.appRoles.find((r) => r.id === assignment.appRoleId)
    const value = (v: string | null | undefined) => v ?? ''
    const properties: [string, string][] = [
      ['AppRole.Id', assignment.appRoleId],
      ['AppRole.DisplayName', role?.displayName ?? 'Default Access'],
      ['ServicePrincipal.ObjectID', assignment.resourceId],
      ['ServicePrincipal.DisplayName', value(app?.servicePrincipal.displayName)],
      ...(user ? ([['User.UPN', user.userPrincipalName]] as [string, string][]) : []),
    ]
    const modifiedProperties: ModifiedProperty[] = properties.map(([displayName, v]) =>
      verb === 'add'
        ? { displayName, oldValue: '', newValue: v }
        : { displayName, oldValue: v, newValue: '' },
    )
    audit.record({
      category: assignment.principalType === 'User' ? 'UserManagement' : 'GroupManagement',
      activityDisplayName: ACTIVITY[assignment.principalType][verb],
      initiatedBy: by,
      target: {
        id: assignment.principalId,
        displayName: value(user?.displayName ?? group?.displayName ?? assignment.principalId),
        type: assignment.principalType,
      },
      modifiedProperties,
    })
  }

  return {
    added(assignment: Assignment, by: AuditActor): void {
      record(store.read(), assignment, 'add', by)
    },

    /** Runs the removal; records it with the names read before they are gone. */
    async removed<R extends Result<unknown, unknown>>(
      assignmentId: string,
      by: AuditActor,
      remove: () => Promise<R>,
    ): Promise<R> {
      const state = store.read()
      const assignment = state.appRoleAssignments.find((a) => a.id === assignmentId)
      const result = await remove()
      if (result.ok && assignment) record(state, assignment, 'remove', by)
      return result
    },
  }
}
