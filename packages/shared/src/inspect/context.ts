import type { KeyObject } from 'node:crypto'

/**
 * What a message is judged against: the configuration the Webex ACS (and Entra) would compare
 * it with, each value labelled with where it came from so that a diagnosis can name the
 * screen that sets it.
 */

/** Where an expectation comes from. */
export type ContextOrigin =
  /** The running sandbox's Webex org, read through the Control Hub API. */
  | { readonly kind: 'webex-org'; readonly label: string }
  /** An Entra enterprise app of the running sandbox, read through the Graph-shaped API. */
  | { readonly kind: 'entra-app'; readonly label: string }
  /** An SP metadata file (`--sp-metadata`): Webex's, as downloaded from Control Hub. */
  | { readonly kind: 'sp-metadata'; readonly label: string }
  /** An IdP metadata file (`--idp-metadata`): Entra's Federation Metadata XML. */
  | { readonly kind: 'idp-metadata'; readonly label: string }
  /** A certificate file (`--cert`). */
  | { readonly kind: 'certificate'; readonly label: string }
  /** The AuthnRequest a Response answers, earlier in the same HAR (labelled with where it is). */
  | { readonly kind: 'authn-request'; readonly label: string }

/** A value the message should carry, and where that value was configured. */
export interface Expected<T> {
  readonly value: T
  readonly origin: ContextOrigin
}

/** A certificate a signer may sign with. */
export interface TrustedSigner {
  /** Uppercase SHA-1 hex of the DER, as Entra and Control Hub show it. */
  readonly thumbprint: string
  readonly subject: string | null
  /** The certificate; null when only its thumbprint is known (Control Hub lists imported ones so). */
  readonly der: Buffer | null
}

/** A private key that may decrypt an EncryptedAssertion, and what to call it. */
export interface DecryptionKey {
  readonly key: KeyObject
  readonly label: string
}

/** The CA certificates a chain may end at (anchors) or pass through (intermediates). */
export interface CertificateAuthorities {
  readonly anchors: readonly Buffer[]
  readonly intermediates: readonly Buffer[]
  /** e.g. "the sandbox CA (.sandbox/ca)". */
  readonly label: string
}

/** How the ACS judges what it is not told by the message: the org's SSO settings. */
export interface AcsPolicy {
  readonly skewMs: number
  readonly allowSha1: boolean
  /** Webex's rule: the assertion itself must be signed; a signed Response alone is not enough. */
  readonly requireAssertionSignature: boolean
  /** Accept a Response that answers no AuthnRequest (IdP-initiated, from My Apps). */
  readonly allowUnsolicited: boolean
  /** Which value finds the Webex user: the `uid` attribute (Webex's default) or the NameID. */
  readonly matchUserBy: 'uid' | 'nameid'
  /** Control Hub's certificate choice at import; null judges the certificate's own validity only. */
  readonly trustMode: 'ca-signed' | 'self-signed-allowed' | null
  /** e.g. "Webex's defaults" or "the Webex org's SSO settings". */
  readonly label: string
}

/** Everything a message is compared with. Absent values are not judged. */
export interface InspectionContext {
  /** The instant times are judged at (ms since the epoch). */
  readonly at: number
  /** The Webex side: its entityID (the Audience Entra must send) and ACS URLs (Recipient, Destination). */
  readonly spEntityId: Expected<string> | null
  readonly acsUrls: Expected<readonly string[]> | null
  /** The Entra side: its entityID (the Issuer) and SSO URLs (an AuthnRequest's Destination). */
  readonly idpEntityId: Expected<string> | null
  readonly idpSsoUrls: Expected<readonly string[]> | null
  /** Certificates the IdP signs Responses, assertions and its metadata with. */
  readonly idpSigners: Expected<readonly TrustedSigner[]> | null
  /** Certificates the SP signs AuthnRequests and logout messages with. */
  readonly spSigners: Expected<readonly TrustedSigner[]> | null
  readonly decryptionKeys: readonly DecryptionKey[]
  readonly authorities: CertificateAuthorities | null
  readonly policy: AcsPolicy
}

/** Webex's SSO defaults (the sandbox's defaults too): 3 min skew, SHA-256 only, signed assertion. */
export const WEBEX_DEFAULT_POLICY: AcsPolicy = {
  skewMs: 180_000,
  allowSha1: false,
  requireAssertionSignature: true,
  allowUnsolicited: true,
  matchUserBy: 'uid',
  trustMode: null,
  label: "Webex's defaults",
}

/** A context with nothing to compare with but the clock and Webex's defaults; `given` fills in the rest. */
export function createInspectionContext(
  given: Partial<InspectionContext> & { readonly at: number },
): InspectionContext {
  return {
    spEntityId: null,
    acsUrls: null,
    idpEntityId: null,
    idpSsoUrls: null,
    idpSigners: null,
    spSigners: null,
    decryptionKeys: [],
    authorities: null,
    policy: WEBEX_DEFAULT_POLICY,
    ...given,
  }
}
