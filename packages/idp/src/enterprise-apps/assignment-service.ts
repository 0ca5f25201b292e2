import { type DeepReadonly, type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { findUser } from '../directory/users'
import { type AdminError, invalid, notFound } from '../errors/admin-error'
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

/** An assignment with the names Graph and the console show beside it. */
export interface NamedAssignment extends DeepReadonly<AppRoleAssignment> {
  readonly principalDisplayName: string | null
  readonly resourceDisplayName: string | null
}

function named(state: DeepState, assignment: DeepReadonly<AppRoleAssignment>): NamedAssignment {
  const principal =
    assignment.principalType === 'User'
      ? findUser(state, assignment.principalId)
      : state.groups.find((g) => g.id === assignment.principalId)
  const resource = appByServicePrincipalId(state, assignment.resourceId)
  return {
    ...assignment,
    principalDisplayName: principal?.displayName ?? null,
    resourceDisplayName: resource?.servicePrincipal.displayName ?? null,
  }
}

function addAssignment(
  draft: IdpState,
  runtime: Runtime,
  input: AssignmentInput,
): Result<AppRoleAssignment, AdminError> {
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
}

/** Users and groups assignment of enterprise apps (Graph `appRoleAssignedTo`). */
export function createAssignmentService(deps: { store: DocumentStore<IdpState>; runtime: Runtime }) {
  const { store, runtime } = deps
  return {
    /** Assignments of one app. */
    listForApp(servicePrincipalId: string): Result<NamedAssignment[], AdminError> {
      const state = store.read()
      if (!appByServicePrincipalId(state, servicePrincipalId)) return notFound(servicePrincipalId)
      return ok(
        state.appRoleAssignments
          .filter((a) => a.resourceId === servicePrincipalId)
          .map((a) => named(state, a)),
      )
    },

    /** Assignments held by one user or group. */
    listForPrincipal(principalId: string): NamedAssignment[] {
      const state = store.read()
      return state.appRoleAssignments.filter((a) => a.principalId === principalId).map((a) => named(state, a))
    },

    assign(input: AssignmentInput): Promise<Result<NamedAssignment, AdminError>> {
      return store.update((draft) => {
        const added = addAssignment(draft, runtime, input)
        return added.ok ? ok(named(draft, added.value)) : added
      })
    },

    /** Removes an assignment of one app (an assignment of another app is not found). */
    removeFromApp(servicePrincipalId: string, assignmentId: string): Promise<Result<void, AdminError>> {
      return store.update((draft) => {
        if (!appByServicePrincipalId(draft, servicePrincipalId)) return notFound(servicePrincipalId)
        const kept = draft.appRoleAssignments.filter(
          (a) => a.id !== assignmentId || a.resourceId !== servicePrincipalId,
        )
        if (kept.length === draft.appRoleAssignments.length) return notFound(assignmentId)
        draft.appRoleAssignments = kept
        return ok(undefined)
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
