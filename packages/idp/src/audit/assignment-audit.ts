import type { DocumentStore, Result } from '@sandbox/shared'
import { findUser } from '../directory/users'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import type { DeepState } from '../state/deep-state'
import type { IdpState } from '../state/idp-state'
import { type AuditActor, type AuditLog, type AuditTarget, linkProperties } from './audit-log'

type Assignment = DeepState['appRoleAssignments'][number]

/** Entra's activity names for assignments, by who holds the assignment. */
const ACTIVITY = {
  User: { add: 'Add app role assignment grant to user', remove: 'Remove app role assignment from user' },
  Group: { add: 'Add app role assignment to group', remove: 'Remove app role assignment from group' },
} as const

/**
 * Audit entries for Users and groups assignments. Entra names two targets, the service
 * principal (which carries the modified properties: the role, the app, the user or group) and
 * the user or group that received the app, and files the entry under that principal's category.
 */
export function assignmentAudit(audit: AuditLog, store: DocumentStore<IdpState>) {
  function record(state: DeepState, assignment: Assignment, verb: 'add' | 'remove', by: AuditActor): void {
    const app = appByServicePrincipalId(state, assignment.resourceId)
    const role = app?.servicePrincipal.appRoles.find((r) => r.id === assignment.appRoleId)
    const servicePrincipal: AuditTarget = {
      id: assignment.resourceId,
      displayName: app?.servicePrincipal.displayName ?? assignment.resourceId,
      type: 'ServicePrincipal',
    }
    let principal: AuditTarget
    let principalProperties: [string, unknown][]
    if (assignment.principalType === 'User') {
      const user = findUser(state, assignment.principalId)
      principal = {
        id: assignment.principalId,
        displayName: user?.displayName ?? assignment.principalId,
        type: 'User',
        ...(user ? { userPrincipalName: user.userPrincipalName } : {}),
      }
      principalProperties = [
        ['User.ObjectID', assignment.principalId],
        ['User.UPN', user?.userPrincipalName],
      ]
    } else {
      const group = state.groups.find((g) => g.id === assignment.principalId)
      principal = {
        id: assignment.principalId,
        displayName: group?.displayName ?? assignment.principalId,
        type: 'Group',
      }
      principalProperties = [
        ['Group.ObjectID', assignment.principalId],
        ['Group.DisplayName', group?.displayName],
      ]
    }
    audit.record({
      category: assignment.principalType === 'User' ? 'UserManagement' : 'GroupManagement',
      activityDisplayName: ACTIVITY[assignment.principalType][verb],
      initiatedBy: by,
      targets: [servicePrincipal, principal],
      modifiedProperties: linkProperties(verb, [
        ['AppRole.Id', assignment.appRoleId],
        ['AppRole.Value', role?.value ?? ''],
        ['AppRole.DisplayName', role?.displayName ?? 'Default Access'],
        ['AppRoleAssignment.CreatedDateTime', assignment.createdDateTime],
        ['ServicePrincipal.ObjectID', assignment.resourceId],
        ['ServicePrincipal.DisplayName', app?.servicePrincipal.displayName],
        ['ServicePrincipal.AppId', app?.servicePrincipal.appId],
        ...principalProperties,
      ]),
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
