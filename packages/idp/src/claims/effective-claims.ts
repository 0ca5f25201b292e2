import type { DeepReadonly } from '@sandbox/shared'
import { ENTRA_CLAIM } from '@sandbox/shared'
import { EDITOR_DEFAULT_CLAIMS } from '../enterprise-apps/new-app'
import type { DeepState } from '../state/deep-state'
import type { ClaimSource, EnterpriseApp, NameIdConfig } from '../state/idp-state'
import { parseClaimsMappingPolicy } from './claims-policy'

/** The claim type of the NameID in claims mapping policies. */
export const NAME_IDENTIFIER_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier'

/** Claims Entra always emits, first and in this order; the editor does not show them. */
export const ALWAYS_EMITTED_CLAIMS = [
  ENTRA_CLAIM.tenantId,
  ENTRA_CLAIM.objectId,
  ENTRA_CLAIM.displayName,
  ENTRA_CLAIM.identityProvider,
  ENTRA_CLAIM.authnMethodsReferences,
] as const

/** One configured claim: its full type (`{namespace}/{name}` or a bare name) and its source. */
export interface EffectiveClaim {
  readonly type: string
  readonly source: DeepReadonly<ClaimSource>
}

/** What decides an app's token contents: from Attributes & Claims, or from an assigned claims mapping policy. */
export interface EffectiveClaims {
  readonly nameId: DeepReadonly<NameIdConfig>
  readonly claims: readonly EffectiveClaim[]
  /** Where they came from, for the inspector and the sign-in log. */
  readonly origin: 'attributes-and-claims' | 'claims-mapping-policy'
}

/** The full claim type of an Attributes & Claims entry. */
export function claimType(claim: { readonly name: string; readonly namespace: string | null }): string {
  return claim.namespace ? `${claim.namespace.replace(/\/+$/, '')}/${claim.name}` : claim.name
}

/**
 * The claims configuration in force: a claims mapping policy assigned to the service principal
 * overrides Attributes & Claims (as the portal warns); its NameID falls back to the app's.
 */
export function effectiveClaims(state: DeepState, app: DeepReadonly<EnterpriseApp>): EffectiveClaims {
  const policyId = app.servicePrincipal.claimsMappingPolicyId
  const policy = policyId ? state.claimsMappingPolicies.find((p) => p.id === policyId) : undefined
  const parsed = policy ? parseClaimsMappingPolicy(policy.definition) : null
  if (parsed?.ok) {
    const basic = parsed.value.includeBasicClaimSet
      ? EDITOR_DEFAULT_CLAIMS.map((c) => ({ type: claimType(c), source: c.source }))
      : []
    return {
      nameId: parsed.value.nameId ?? app.saml.nameId,
      claims: [
        ...basic.filter((b) => !parsed.value.claims.some((c) => c.type === b.type)),
        ...parsed.value.claims,
      ],
      origin: 'claims-mapping-policy',
    }
  }
  return {
    nameId: app.saml.nameId,
    claims: app.saml.claims.map((c) => ({ type: claimType(c), source: c.source })),
    origin: 'attributes-and-claims',
  }
}
