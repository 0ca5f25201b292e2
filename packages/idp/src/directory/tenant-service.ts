import { type DeepReadonly, type DocumentStore, entraIssuer } from '@sandbox/shared'
import type { IdpState, Tenant } from '../state/idp-state'

/** The tenant facts the admin center's home page shows. */
export interface TenantOverviewFacts {
  readonly tenantName: string
  readonly tenantId: string
  readonly defaultDomain: string
  readonly userCount: number
  /** The Microsoft Entra Identifier, `https://sts.windows.net/{tenant}/`. */
  readonly issuer: string
  readonly tenantMetadataUrl: string
}

/** The tenant itself: its id (paths the IdP builds carry it), its overview, the Graph `organization`. */
export function createTenantService(deps: { store: DocumentStore<IdpState>; url: string }) {
  const { store } = deps
  return {
    /** The tenant GUID. */
    id(): string {
      return store.read().tenant.id
    },

    overview(): TenantOverviewFacts {
      const state = store.read()
      return {
        tenantName: state.tenant.displayName,
        tenantId: state.tenant.id,
        defaultDomain: state.tenant.defaultDomain,
        userCount: state.users.length,
        issuer: entraIssuer(state.tenant.id),
        tenantMetadataUrl: `${deps.url}/${state.tenant.id}/FederationMetadata/2007-06/FederationMetadata.xml`,
      }
    },

    /** The tenant record, for Graph's `/organization`. */
    organization(): DeepReadonly<Tenant> {
      return store.read().tenant
    },
  }
}
