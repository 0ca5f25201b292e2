import type { SpSnapshot } from '../state/sp-state'

/** Where the SP lives: the identifiers and URLs that its metadata and checks use. */
export interface SpEntity {
  readonly orgId: string
  readonly entityId: string
  /** The AssertionConsumerService (HTTP-POST); a GET on it starts SP-initiated sign-in. */
  readonly acsUrl: string
  /** The Sign-on URL the Entra tutorial asks for (Webex's web app + the ACS path). */
  readonly signOnUrl: string
  readonly sloRedirectUrl: string
  readonly sloPostUrl: string
}

export const acsPath = (orgId: string) => `/idb/Consumer/metaAlias/${orgId}/sp`
export const sloRedirectPath = (orgId: string) => `/idb/SPSloRedirect/metaAlias/${orgId}/sp`
export const sloPostPath = (orgId: string) => `/idb/SPSloPOST/metaAlias/${orgId}/sp`

/** Webex's entityID pattern, unless the org overrides it. */
function defaultEntityId(orgId: string): string {
  return `https://idbroker.webex.com/${orgId}`
}

export function spEntityOf(state: SpSnapshot, baseUrl: string): SpEntity {
  const orgId = state.organization.id
  const acsUrl = state.sso.settings.acsUrl ?? `${baseUrl}${acsPath(orgId)}`
  return {
    orgId,
    entityId: state.sso.settings.entityId ?? defaultEntityId(orgId),
    acsUrl,
    signOnUrl: acsUrl,
    sloRedirectUrl: `${baseUrl}${sloRedirectPath(orgId)}`,
    sloPostUrl: `${baseUrl}${sloPostPath(orgId)}`,
  }
}
