import type { KeyObject } from 'node:crypto'
import {
  type CertificateRefusal,
  err,
  type Result,
  type TrustedCertificate,
  type ValidatedChain,
} from '@sandbox/shared'

/** One check the ACS made, as the session page and the sign-in client show it. */
export interface Check {
  readonly name: string
  readonly passed: boolean
  readonly detail: string
}

/** A refusal: a stable code, what was wrong, the fix, and every check made up to it. */
export interface ResponseRefusal {
  readonly code: string
  readonly message: string
  readonly fix: string
  readonly checks: readonly Check[]
  /** What the IdP sent, when it could be read (the Test SSO page shows it even on failure). */
  readonly seen: Partial<AssertionFacts>
}

/** What a valid assertion says. */
export interface AssertionFacts {
  readonly responseId: string
  readonly assertionId: string
  readonly issuer: string
  readonly inResponseTo: string | null
  readonly nameId: string
  readonly nameIdFormat: string
  readonly sessionIndex: string | null
  readonly attributes: Readonly<Record<string, readonly string[]>>
  readonly issueInstant: string | null
  readonly notBefore: string | null
  readonly notOnOrAfter: string | null
  readonly certificate: { readonly subject: string; readonly thumbprint: string } | null
  /** Until when the assertion ID must be remembered against replay. */
  readonly replayUntil: number
}

/** Everything the checks compare against; built per request from configuration parsed once. */
export interface ResponseExpectations {
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
  /**
   * Is this InResponseTo one this browser is waiting for? null = unsolicited (IdP-initiated).
   * Looked up, not consumed: a refused Response leaves the pending request in place.
   */
  readonly checkInResponseTo: (
    inResponseTo: string | null,
  ) => { ok: true } | { ok: false; message: string; code: string; fix: string }
  readonly seenBefore: (assertionId: string) => boolean
}

/** A Response every check accepted, with the list of checks made. */
export interface AcceptedResponse {
  readonly facts: AssertionFacts
  readonly checks: readonly Check[]
}

/** Checks made so far, what was read, and the two ways a check ends. */
export interface CheckLog {
  readonly checks: Check[]
  readonly seen: { -readonly [K in keyof AssertionFacts]?: AssertionFacts[K] }
  pass(name: string, detail: string): void
  refuse(name: string, code: string, message: string, fix: string): Result<never, ResponseRefusal>
}

export function createCheckLog(): CheckLog {
  const checks: Check[] = []
  const seen: CheckLog['seen'] = {}
  return {
    checks,
    seen,
    pass: (name, detail) => {
      checks.push({ name, passed: true, detail })
    },
    refuse: (name, code, message, fix) => {
      checks.push({ name, passed: false, detail: message })
      return err<ResponseRefusal>({ code, message, fix, checks, seen })
    },
  }
}

export const FIX_ENTRA_SAML = 'Entra admin center > Enterprise applications > Cisco Webex > Single sign-on'
export const FIX_REIMPORT =
  'Download the Federation Metadata XML from Entra again and import it in Control Hub (Authentication > Modify), then test.'
