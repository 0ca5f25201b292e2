import { type DeepReadonly, type DocumentStore, entraIssuer, ok, type Result } from '@sandbox/shared'
import { type AdminError, invalid } from '../errors/admin-error'
import type { IdpState, Tenant } from '../state/idp-state'
import { verifiedDomains } from './user-rules'

/** A DNS domain name as Entra verifies one: dot-separated labels, a letter-only top level. */
const DOMAIN_NAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/** What a tenant rename may change. */
export interface TenantRename {
  readonly displayName?: string
  readonly defaultDomain?: string
}

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

    /**
     * Renames the tenant and (given a new default domain) moves every user of the old verified
     * domains to the new one, alias kept, as changing a tenant's custom domain does; so the
     * Global Administrator stays signed-in-able and UPNs stay in a verified domain.
     */
    rename(input: TenantRename): Promise<Result<DeepReadonly<Tenant>, AdminError>> {
      const displayName = input.displayName?.trim()
      if (
        displayName !== undefined &&
        (displayName.length === 0 || displayName.length > 256 || /\p{Cc}/u.test(displayName))
      )
        return Promise.resolve(
          invalid('The tenant name must be 1 to 256 characters, without control characters.', 'displayName'),
        )
      const domain = input.defaultDomain?.trim().toLowerCase()
      if (domain !== undefined && !DOMAIN_NAME.test(domain))
        return Promise.resolve(
          invalid(
            `The domain '${input.defaultDomain}' is not a domain name; enter one such as contoso.com.`,
            'defaultDomain',
          ),
        )
      return store.update((draft) => {
        const oldDomains = verifiedDomains(draft)
        if (displayName !== undefined) draft.tenant.displayName = displayName
        if (domain !== undefined) {
          draft.tenant.defaultDomain = domain
          for (const user of draft.users) {
            const at = user.userPrincipalName.lastIndexOf('@')
            if (!oldDomains.includes(user.userPrincipalName.slice(at + 1).toLowerCase())) continue
            const moved = `${user.userPrincipalName.slice(0, at)}@${domain}`
            if (user.mail?.toLowerCase() === user.userPrincipalName.toLowerCase()) user.mail = moved
            user.userPrincipalName = moved
          }
        }
        return ok(draft.tenant)
      })
    },

    /** The tenant record, for Graph's `/organization`. */
    organization(): DeepReadonly<Tenant> {
      return store.read().tenant
    },
  }
}
