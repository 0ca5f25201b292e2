import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { setDisplayName } from '../directory/user-rules'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { type AdminError, invalid, notFound } from '../errors/admin-error'
import type { DeepState } from '../state/deep-state'
import { patchFound, readFound, updateFound } from '../state/found'
import type { ClaimsMappingPolicy, IdpState } from '../state/idp-state'
import { parseClaimsMappingPolicy } from './claims-policy'

/** What Graph's POST/PATCH /policies/claimsMappingPolicies carries. */
export interface ClaimsPolicyInput {
  readonly displayName?: string
  readonly definition?: readonly string[]
  readonly isOrganizationDefault?: boolean
}

function applyInput(policy: ClaimsMappingPolicy, input: ClaimsPolicyInput): Result<void, AdminError> {
  const name = setDisplayName(policy, input.displayName, 'ClaimsMappingPolicy')
  if (!name.ok) return name
  if (input.definition !== undefined) {
    const parsed = parseClaimsMappingPolicy(input.definition)
    if (!parsed.ok) return invalid(`Property definition has an invalid value: ${parsed.error}`, 'definition')
    policy.definition = [...input.definition]
  }
  if (input.isOrganizationDefault === true) {
    return invalid(
      'Organization-default claims mapping policies are not supported; assign the policy to a service principal.',
    )
  }
  return ok(undefined)
}

/** Graph's claims mapping policies and their assignment to service principals (one per principal). */
export function createClaimsPolicyService(deps: { store: DocumentStore<IdpState>; runtime: Runtime }) {
  const { store, runtime } = deps
  const find = <S extends Pick<DeepState, 'claimsMappingPolicies'>>(state: S, id: string) =>
    state.claimsMappingPolicies.find((p) => p.id.toLowerCase() === id.toLowerCase()) as
      | S['claimsMappingPolicies'][number]
      | undefined
  return {
    list(): DeepState['claimsMappingPolicies'] {
      return store.read().claimsMappingPolicies
    },

    get(id: string): Result<DeepState['claimsMappingPolicies'][number], AdminError> {
      return readFound(store, find, id)
    },

    create(input: ClaimsPolicyInput): Promise<Result<ClaimsMappingPolicy, AdminError>> {
      return store.update((draft) => {
        if (input.displayName === undefined || input.definition === undefined) {
          return invalid('displayName and definition are required.')
        }
        const policy: ClaimsMappingPolicy = {
          id: runtime.ids.guid(),
          displayName: '',
          definition: [],
          isOrganizationDefault: false,
        }
        const applied = applyInput(policy, input)
        if (!applied.ok) return applied
        draft.claimsMappingPolicies.push(policy)
        return ok(policy)
      })
    },

    update(id: string, input: ClaimsPolicyInput): Promise<Result<ClaimsMappingPolicy, AdminError>> {
      return patchFound(store, find, id, (policy) => applyInput(policy, input))
    },

    delete(id: string): Promise<Result<void, AdminError>> {
      return updateFound(store, find, id, (policy, draft) => {
        draft.claimsMappingPolicies = draft.claimsMappingPolicies.filter((p) => p !== policy)
        for (const app of draft.apps) {
          if (app.servicePrincipal.claimsMappingPolicyId === policy.id)
            app.servicePrincipal.claimsMappingPolicyId = null
        }
        return ok(undefined)
      })
    },

    /** POST /servicePrincipals/{id}/claimsMappingPolicies/$ref. */
    assign(servicePrincipalId: string, policyId: string): Promise<Result<void, AdminError>> {
      return updateFound(store, appByServicePrincipalId, servicePrincipalId, (app, draft) => {
        const policy = find(draft, policyId)
        if (!policy) return notFound(policyId)
        if (app.servicePrincipal.claimsMappingPolicyId !== null) {
          return invalid(
            'Only one claims mapping policy can be assigned to a service principal; remove the current one first.',
          )
        }
        app.servicePrincipal.claimsMappingPolicyId = policy.id
        return ok(undefined)
      })
    },

    unassign(servicePrincipalId: string, policyId: string): Promise<Result<void, AdminError>> {
      return updateFound(store, appByServicePrincipalId, servicePrincipalId, (app) => {
        if (app.servicePrincipal.claimsMappingPolicyId?.toLowerCase() !== policyId.toLowerCase())
          return notFound(policyId)
        app.servicePrincipal.claimsMappingPolicyId = null
        return ok(undefined)
      })
    },

    /** The policies assigned to a service principal (zero or one). */
    assignedTo(servicePrincipalId: string): Result<DeepState['claimsMappingPolicies'][number][], AdminError> {
      const state = store.read()
      const app = appByServicePrincipalId(state, servicePrincipalId)
      if (!app) return notFound(servicePrincipalId)
      return ok(
        state.claimsMappingPolicies.filter((p) => p.id === app.servicePrincipal.claimsMappingPolicyId),
      )
    },
  }
}
