import {
  decryptElement,
  derToPem,
  descendantsNamed,
  elementChildren,
  NS,
  summarizeCertificate,
  type VerifiedSignature,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import { spError } from '../../errors/catalogue'
import { CERTIFICATE_CODES } from '../../errors/certificate-errors'
import { type CheckStep, passed, refused, type Verdict } from '../check-pipeline'
import { unverified } from '../unverified'
import { type AcsExpectations, type AcsFacts, onPostedXml, onSignedAssertion } from './acs-facts'
import { signatureFailure } from './signature-failure'

declare const SIGNED: unique symbol

/**
 * An assertion the IdP signed: the one kind of element the checks after the signature read.
 * Only this module makes one, from an assertion whose signature verified (or that a verified
 * Response signature covers, where the org allows it).
 */
export interface SignedAssertion {
  readonly element: Element
  readonly [SIGNED]: true
}

const signed = (element: Element): SignedAssertion => ({ element }) as SignedAssertion

const SIGNATURE_CODES = [
  'SSO_ASSERTION_UNSIGNED',
  'SSO_INVALID_SIGNATURE',
  'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
  'SSO_DEPRECATED_ALGORITHM',
  'SSO_UNSUPPORTED_ALGORITHM',
  'SSO_SIGNATURE_PROFILE',
] as const

const DECRYPTION = 'Decryption'

export const decryption = onPostedXml({
  name: DECRYPTION,
  checks:
    "The EncryptedAssertion decrypts with the Webex encryption key into exactly one Assertion. Its verdict waits for that assertion's signature: until it verifies, every failure is this one refusal.",
  codes: ['SSO_DECRYPTION_FAILED'],
  fix: 'Upload the current Webex metadata file (its encryption certificate) to Entra, or turn token encryption off.',
  reads: ['postedAssertion'],
  run: ({ postedAssertion }, expect) => {
    const decrypted = decryptElement(postedAssertion.unverified, expect.decryptionKey)
    if (
      !decrypted.ok ||
      decrypted.value.namespaceURI !== NS.assertion ||
      decrypted.value.localName !== 'Assertion' ||
      descendantsNamed(decrypted.value, NS.assertion, 'Assertion').length > 0
    )
      return refused(spError('SSO_DECRYPTION_FAILED'))
    return {
      kind: 'pass',
      detail: 'the assertion was encrypted to the Webex encryption certificate',
      facts: { decrypted: unverified(decrypted.value) },
      held: true,
    }
  },
})

/**
 * The assertion's own signature (Webex wants the assertion signed; a verified Response
 * signature covers an unsigned one only when requireAssertionSignature is off). When the
 * assertion was decrypted from a ciphertext no verified Response signature covers, any failure
 * here is the decryption refusal: a distinct answer would tell an attacker that the plaintext
 * parsed as an Assertion.
 */
function verifyAssertion(
  element: Element,
  encrypted: boolean,
  responseSigner: VerifiedSignature | null,
  expect: AcsExpectations,
): Verdict<Pick<AcsFacts, 'assertion' | 'signer' | 'certificate'>> {
  const assertionSigned = elementChildren(element).some(
    (e) => e.namespaceURI === NS.dsig && e.localName === 'Signature',
  )
  if (!assertionSigned && responseSigner && !expect.requireAssertionSignature)
    return passed('unsigned, covered by the Response signature (allowed: requireAssertionSignature is off)', {
      assertion: signed(element),
      signer: responseSigner,
      certificate: summaryOf(responseSigner),
    })
  const verified = verifyEnvelopedSignature(element, { trusted: expect.trusted, allowSha1: expect.allowSha1 })
  if (!verified.ok) {
    if (encrypted && responseSigner === null)
      return refused(spError('SSO_DECRYPTION_FAILED'), { entry: DECRYPTION })
    if (verified.error.code === 'SIGNATURE_MISSING' && responseSigner)
      return refused(spError('SSO_ASSERTION_UNSIGNED', { part: 'Assertion', responseSigned: true }))
    return refused(signatureFailure(verified.error, 'Assertion'))
  }
  const certificate = summaryOf(verified.value)
  return passed(
    `${verified.value.signatureAlgorithm.split('#').pop()} by ${certificate.subject} (${certificate.thumbprint})`,
    { assertion: signed(element), signer: verified.value, certificate },
  )
}

function summaryOf(signer: VerifiedSignature): { subject: string; thumbprint: string } {
  const summary = summarizeCertificate(signer.certificate.der)
  return { subject: summary.subject, thumbprint: summary.thumbprint }
}

const ASSERTION_SIGNATURE = {
  name: 'Assertion signature',
  checks:
    'The assertion is signed under the SAML profile by a certificate of the imported metadata (or, with requireAssertionSignature off, covered by a verified Response signature). Nothing of the assertion is read before this.',
  codes: [...SIGNATURE_CODES, 'SSO_DECRYPTION_FAILED'],
  fix: `Entra: SAML Certificates > Signing Option "Sign SAML assertion", and the current Federation Metadata XML imported.`,
} as const

/** The assertion-signature step on the posted assertion, or on the one decrypted from it. */
function assertionSignature<R extends 'postedAssertion' | 'decrypted'>(
  source: R,
): CheckStep<AcsFacts, AcsExpectations, R | 'responseSigner'> {
  return {
    ...ASSERTION_SIGNATURE,
    reads: [source, 'responseSigner'],
    run: (facts, expect) =>
      verifyAssertion(facts[source].unverified, source === 'decrypted', facts.responseSigner, expect),
  }
}

/** The signature of a plaintext assertion: it needs nothing decrypted, so it runs before the envelope. */
export const plaintextAssertionSignature = assertionSignature('postedAssertion')

/** The signature of the assertion decrypted from an EncryptedAssertion. */
export const decryptedAssertionSignature = assertionSignature('decrypted')

export const certificateTrust = onSignedAssertion({
  name: 'Certificate trust',
  checks:
    'The certificate that verified the signature is acceptable now: within its validity and, in the CA-signed mode, chained to a root of the trust store.',
  codes: CERTIFICATE_CODES,
  fix: 'Renew the certificate on Entra (SAML Certificates), then import the current Federation Metadata XML.',
  reads: ['signer'],
  run: ({ signer }, expect) => {
    const judged = expect.judgeCertificate(derToPem(signer.certificate.der))
    if (!judged.ok) {
      const { code, certificate, reason, missingIssuer } = judged.error
      return refused(spError(code, { certificate, reason, missingIssuer, when: 'sign-in' }))
    }
    return passed('valid now, and trusted under the configured mode')
  },
})
