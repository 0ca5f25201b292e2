import { type DeepReadonly, type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { findUser } from '../directory/users'
import { type AdminError, invalid, notFound } from '../errors/admin-error'
import { type ListPage, type ListQuery, pageOf } from '../lists/list-page'
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

/**
 * Names assignments with one pass over the users and groups: looking each principal up on its
 * own scanned every user per assignment, which made an app with a thousand assigned users slow.
 */
function namer(state: DeepState): (assignment: DeepReadonly<AppRoleAssignment>) => NamedAssignment {
  const names = new Map<string, string>()
  for (const user of state.users) names.set(user.id.toLowerCase(), user.displayName)
  for (const group of state.groups) names.set(group.id.toLowerCase(), group.displayName)
  const resources = new Map<string, string | null>()
  return (assignment) => {
    let resource = resources.get(assignment.resourceId)
    if (resource === undefined) {
      resource = appByServicePrincipalId(state, assignment.resourceId)?.servicePrincipal.displayName ?? null
      resources.set(assignment.resourceId, resource)
    }
    return {
      ...assignment,
      principalDisplayName: names.get(assignment.principalId.toLowerCase()) ?? null,
      resourceDisplayName: resource,
    }
  }
}

function named(state: DeepState, assignment: DeepReadonly<AppRoleAssignment>): NamedAssignment {
  return namer(state)(assignment)
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
      return ok(state.appRoleAssignments.filter((a) => a.resourceId === servicePrincipalId).map(namer(state)))
    },

    /** One page of an app's assignments (the console's Users and groups), only its rows named. */
    findForApp(servicePrincipalId: string, query: ListQuery): Result<ListPage<NamedAssignment>, AdminError> {
      const state = store.read()
      if (!appByServicePrincipalId(state, servicePrincipalId)) return notFound(servicePrincipalId)
      const page = pageOf(
        state.appRoleAssignments.filter((a) => a.resourceId === servicePrincipalId),
        query.page,
      )
      return ok({ ...page, items: page.items.map(namer(state)) })
    },

    /** How many users and groups are assigned to an app (its Overview's getting-started card). */
    countForApp(servicePrincipalId: string): number {
      return store.read().appRoleAssignments.filter((a) => a.resourceId === servicePrincipalId).length
    },

    /** Assignments held by one user or group. */
    listForPrincipal(principalId: string): NamedAssignment[] {
      const state = store.read()
      return state.appRoleAssignments.filter((a) => a.principalId === principalId).map(namer(state))
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
