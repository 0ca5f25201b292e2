import type { KeyObject } from 'node:crypto'
import type {
  CertificateRefusal,
  Result,
  TrustedCertificate,
  ValidatedChain,
  VerifiedSignature,
} from '@sandbox/shared'
import type { CheckStep, Verdict } from '../check-pipeline'
import type { Unverified } from '../unverified'
import type { SignedAssertion } from './assertion-signature'

/** The certificate that verified the assertion's signature, as the Test SSO page names it. */
export interface SignerSummary {
  readonly subject: string
  readonly thumbprint: string
}

/** When the assertion says it was issued and is valid (as sent; null where it says nothing). */
export interface AssertionTiming {
  readonly issueInstant: string | null
  readonly notBefore: string | null
  readonly notOnOrAfter: string | null
}

/**
 * Every fact the ACS's checks read and write, by name. The facts of the posted XML are
 * {@link Unverified}; the signed assertion exists only once the assertion-signature step
 * verified it ({@link SignedAssertion} has no other constructor), and the facts read from it
 * are plain values. A check on the signed assertion may read only plain facts (see
 * {@link onSignedAssertion}), so it cannot take a value from the unsigned XML by mistake.
 */
export interface AcsFacts {
  /** The posted message, parsed once with the SAML limits (before the pending request is picked). */
  readonly received: ReceivedResponse
  /** XML: the `<samlp:Response>`. */
  readonly response: Unverified<Element>
  /** One assertion: the Assertion or EncryptedAssertion directly under the Response. */
  readonly postedAssertion: Unverified<Element>
  /** Response signature: who signed the Response (null when it is unsigned). */
  readonly responseSigner: VerifiedSignature | null
  /** InResponseTo: the request of this browser the Response answers (null: unsolicited, allowed). */
  readonly answeredRequest: string | null
  /** Decryption: what the EncryptedAssertion decrypted to, not yet known to be the IdP's. */
  readonly decrypted: Unverified<Element>
  /** Assertion signature: the assertion the IdP signed, and the signature that proves it. */
  readonly assertion: SignedAssertion
  readonly signer: VerifiedSignature
  readonly certificate: SignerSummary
  /** Issuer: read from the signed assertion (shown even when the issuer is refused). */
  readonly issuer: string
  readonly assertionId: string
  readonly issueInstant: string | null
  /** Read once the issuer is the imported IdP: what the assertion says about its subject. */
  readonly nameId: string
  readonly nameIdFormat: string
  readonly sessionIndex: string | null
  readonly attributes: Readonly<Record<string, readonly string[]>>
  /** Subject confirmation: the bearer confirmation's NotOnOrAfter (ms). */
  readonly confirmationEnd: number
  /** Conditions: the validity window as sent, and its end (ms, +∞ when open). */
  readonly notBefore: string | null
  readonly notOnOrAfter: string | null
  readonly validUntil: number
  /** Replay: until when the assertion ID is remembered. */
  readonly replayUntil: number
}

/** A posted Response, decoded and parsed once. */
export interface ReceivedResponse {
  readonly parsed: Result<
    Unverified<Document>,
    { readonly problem: 'encoding' | 'xml'; readonly detail: string }
  >
  /**
   * The InResponseTo the Response claims (null when absent or not a Response). It only picks
   * the pending request (and so the IdP trust) the Response is judged against; the InResponseTo
   * check then binds it to this browser.
   */
  readonly claimedInResponseTo: Unverified<string | null>
}

/** Facts that hold unverified XML. */
type UnverifiedFactName = {
  [K in keyof AcsFacts]: AcsFacts[K] extends Unverified<unknown> ? K : never
}[keyof AcsFacts]

/** Facts a check on the signed assertion may read: none of them holds unverified XML. */
export type VerifiedFactName = Exclude<keyof AcsFacts, UnverifiedFactName | 'received'>

/** What a valid assertion says: the accepted Response's facts. */
export type AssertionFacts = Pick<
  AcsFacts,
  | 'assertionId'
  | 'issuer'
  | 'nameId'
  | 'nameIdFormat'
  | 'sessionIndex'
  | 'attributes'
  | 'issueInstant'
  | 'notBefore'
  | 'notOnOrAfter'
  | 'replayUntil'
> & {
  readonly inResponseTo: string | null
  readonly certificate: SignerSummary | null
}

/** The request a Response may answer: the one its InResponseTo names, looked up (never consumed). */
export interface ExpectedRequest {
  readonly pending:
    | { readonly requestId: string; readonly browserId: string; readonly idpTrustId: string }
    | undefined
  /** The browser that posted the Response (its cookie), or null. */
  readonly browserId: string | null
  /** The IdP trust the Response is judged against. */
  readonly idpTrustId: string
  /** An unsolicited Response is allowed: a sign-in (not a test) in an org that allows IdP-initiated. */
  readonly unsolicitedAllowed: boolean
}

/** Everything the checks compare against; built per request from configuration parsed once. */
export interface AcsExpectations {
  readonly spEntityId: string
  readonly acsUrl: string
  readonly idpEntityId: string
  readonly trusted: readonly TrustedCertificate[]
  /** Re-judges the certificate that verified the signature (validity, chain) at `now`. */
  readonly judgeCertificate: (pem: string) => Result<ValidatedChain, CertificateRefusal>
  readonly decryptionKey: KeyObject
  readonly now: number
  readonly skewMs: number
  readonly allowSha1: boolean
  /** Webex's rule: the assertion itself must be signed (a signed Response alone is not enough). */
  readonly requireAssertionSignature: boolean
  readonly request: ExpectedRequest
  readonly seenBefore: (assertionId: string) => boolean
}

/** What a check of the posted XML may learn: unverified XML, a verified Response signature, the bound request. */
type PostedFactName = UnverifiedFactName | 'responseSigner' | 'answeredRequest'

/** What a check of the signed assertion may learn: values read from it. */
type AssertionFactName = Exclude<
  VerifiedFactName,
  'responseSigner' | 'answeredRequest' | 'assertion' | 'signer' | 'certificate'
>

/** A step whose reads are `R` and whose findings are facts named `W`. */
type StepOf<R extends keyof AcsFacts, W extends keyof AcsFacts> = Omit<
  CheckStep<AcsFacts, AcsExpectations, R>,
  'run'
> & {
  readonly run: (facts: Pick<AcsFacts, R>, expect: AcsExpectations) => Verdict<Pick<AcsFacts, W>>
}

/** A check of the posted XML: it may read unverified facts, and learns only posted ones. */
export function onPostedXml<R extends keyof AcsFacts>(
  step: StepOf<R, PostedFactName>,
): CheckStep<AcsFacts, AcsExpectations, R> {
  return step
}

/**
 * A check of the signed assertion: the compiler refuses it any unverified fact, and it learns
 * only what the signed assertion says.
 */
export function onSignedAssertion<R extends VerifiedFactName>(
  step: StepOf<R, AssertionFactName>,
): CheckStep<AcsFacts, AcsExpectations, R> {
  return step
}
