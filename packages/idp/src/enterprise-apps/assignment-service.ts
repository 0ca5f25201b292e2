import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { type AdminError, invalid, notFound } from '../admin/admin-error'
import { findUser } from '../directory/users'
import type { DeepState } from '../state/deep-state'
import type { AppRoleAssignment, IdpState } from '../state/idp-state'
import { DEFAULT_ACCESS_ROLE_ID } from './access'
import { appByServicePrincipalId } from './lookup'

/** An assignment request: who gets which role of which app. */
export interface AssignmentInput {
  readonly resourceId: string
  readonly principalId: string
  /** Defaults to the app's only role, or "Default Access" when it defines none. */
  readonly appRoleId?: string
}

/** Users and groups assignment of enterprise apps (Graph `appRoleAssignedTo`). */
export function createAssignmentService(deps: { store: DocumentStore<IdpState>; runtime: Runtime }) {
  const { store, runtime } = deps
  return {
    /** Assignments of one app. */
    listForApp(servicePrincipalId: string): Result<DeepState['appRoleAssignments'][number][], AdminError> {
      const state = store.read()
      if (!appByServicePrincipalId(state, servicePrincipalId)) return notFound(servicePrincipalId)
      return ok(state.appRoleAssignments.filter((a) => a.resourceId === servicePrincipalId))
    },

    /** Assignments held by one user or group. */
    listForPrincipal(principalId: string): DeepState['appRoleAssignments'][number][] {
      return store.read().appRoleAssignments.filter((a) => a.principalId === principalId)
    },

    assign(input: AssignmentInput): Promise<Result<AppRoleAssignment, AdminError>> {
      return store.update((draft) => {
        const app = appByServicePrincipalId(draft, input.resourceId)
        if (!app) return notFound(input.resourceId)
        const user = findUser(draft, input.principalId)
        const group = draft.groups.find((g) => g.id === input.principalId)
        if (!user && !group) return notFound(input.principalId)
        const roles = app.servicePrincipal.appRoles
        const appRoleId =
          input.appRoleId ?? (roles.length === 0 ? DEFAULT_ACCESS_ROLE_ID : (roles[0]?.id as string))
        const known =
          roles.length === 0 ? appRoleId === DEFAULT_ACCESS_ROLE_ID : roles.some((r) => r.id === appRoleId)
        if (!known) {
          return invalid(
            `Permission being assigned was not found on application '${app.application.appId}'.`,
            'appRoleId',
          )
        }
        const principalId = user?.id ?? (group?.id as string)
        if (
          draft.appRoleAssignments.some(
            (a) =>
              a.resourceId === app.servicePrincipal.id &&
              a.principalId === principalId &&
              a.appRoleId === appRoleId,
          )
        ) {
          return invalid('Permission being assigned already exists on the object.', 'appRoleId')
        }
        const assignment: AppRoleAssignment = {
          id: runtime.ids.token(32).slice(0, 43),
          appRoleId,
          principalId,
          principalType: user ? 'User' : 'Group',
          resourceId: app.servicePrincipal.id,
          createdDateTime: new Date(runtime.clock.now()).toISOString(),
        }
        draft.appRoleAssignments.push(assignment)
        return ok(assignment)
      })
    },

    unassign(assignmentId: string): Promise<Result<void, AdminError>> {
      return store.update((draft) => {
        if (!draft.appRoleAssignments.some((a) => a.id === assignmentId)) return notFound(assignmentId)
        draft.appRoleAssignments = draft.appRoleAssignments.filter((a) => a.id !== assignmentId)
        return ok(undefined)
      })
    },
  }
}
