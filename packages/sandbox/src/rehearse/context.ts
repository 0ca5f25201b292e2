import type { IdpClient } from '../clients/idp-client'
import type { SpClient } from '../clients/sp-client'
import type { TraceLink } from './trace-link'

/** The tutorial's names, in one place: what the steps create and what the checks expect. */
export const TUTORIAL = {
  galleryAppName: 'Cisco Webex',
  testUser: {
    userPrincipalName: 'B.Simon@contoso.com',
    displayName: 'B.Simon',
    givenName: 'B',
    surname: 'Simon',
    mailNickname: 'B.Simon',
  },
  webexUser: { firstName: 'B', lastName: 'Simon', email: 'b.simon@contoso.com' },
  appRole: 'User',
} as const

/** What the steps learn as they go; later steps read what earlier ones produced. */
export interface RehearsalFacts {
  servicePrincipalId?: string
  appId?: string
  spMetadataXml?: string
  spEntityId?: string
  acsUrl?: string
  signOnUrl?: string
  federationMetadataXml?: string
  appFederationMetadataUrl?: string
  testUserId?: string
  testUserPassword?: string
  assignmentId?: string
  webexUserId?: string
  /** Control Hub's SCIM Tenant URL (the gallery connector's path) and Secret Token. */
  tenantUrl?: string
  secretToken?: string
  /** The trace of the last sign-in that failed (break-it exercises). */
  failedSignIn?: TraceLink
}

/** Everything a step needs: both servers' API clients and the facts so far. */
export interface RehearsalContext {
  readonly idp: IdpClient
  readonly sp: SpClient
  readonly idpUrl: string
  readonly spUrl: string
  /** The root to trust for https sign-ins (the sandbox CA under --https). */
  readonly ca?: string
  readonly facts: RehearsalFacts
}

/** A fact a step needs from an earlier one (a programming error when missing). */
export function need<K extends keyof RehearsalFacts>(
  context: RehearsalContext,
  key: K,
): NonNullable<RehearsalFacts[K]> {
  const value = context.facts[key]
  if (value === undefined || value === null) throw new Error(`An earlier step should have produced ${key}.`)
  return value as NonNullable<RehearsalFacts[K]>
}
