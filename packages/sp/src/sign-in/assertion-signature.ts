import {
  decryptElement,
  descendantsNamed,
  elementChildren,
  NS,
  ok,
  type Result,
  summarizeCertificate,
  type VerifiedSignature,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import {
  type CheckLog,
  FIX_ENTRA_SAML,
  FIX_REIMPORT,
  type ResponseExpectations,
  type ResponseRefusal,
} from './check-log'
import { signatureFailure } from './sign-in-errors'

/** The code of the one refusal for an encrypted assertion that did not become a signed Assertion. */
export const DECRYPTION_REFUSAL_CODE = 'SSO_DECRYPTION_FAILED'

// One refusal for every way an encrypted assertion can fail to become an Assertion the IdP
// signed: its answers must not depend on the plaintext (see decryptElement), so it says no more.
const DECRYPTION_REFUSAL = {
  code: DECRYPTION_REFUSAL_CODE,
  message:
    'The encrypted assertion could not be decrypted with the Webex encryption key into an assertion the IdP signed. Webex says no more about an encrypted assertion: any detail would help an attacker decrypt it.',
  fix: `Upload the current Webex metadata file to Entra (its encryption certificate; Webex decrypts AES-GCM and AES-CBC with RSA-OAEP key transport) and import Entra's current Federation Metadata XML, or turn token encryption off in ${FIX_ENTRA_SAML}.`,
} as const

function refuseDecryption(log: CheckLog): Result<never, ResponseRefusal> {
  return log.refuse('Decryption', DECRYPTION_REFUSAL.code, DECRYPTION_REFUSAL.message, DECRYPTION_REFUSAL.fix)
}

/** Decrypts an EncryptedAssertion into exactly one Assertion, or gives the one decryption refusal. */
export function decryptAssertion(
  wrapper: Element,
  expect: ResponseExpectations,
  log: CheckLog,
): Result<Element, ResponseRefusal> {
  const decrypted = decryptElement(wrapper, expect.decryptionKey)
  if (
    !decrypted.ok ||
    decrypted.value.namespaceURI !== NS.assertion ||
    decrypted.value.localName !== 'Assertion' ||
    descendantsNamed(decrypted.value, NS.assertion, 'Assertion').length > 0
  )
    return refuseDecryption(log)
  return decrypted
}

/**
 * The assertion's own signature (Webex wants the assertion signed; a verified Response
 * signature covers an unsigned one only when requireAssertionSignature is off), then the trust
 * of the certificate that verified it. When the assertion was decrypted (`encrypted`) from a
 * ciphertext no verified Response signature covers, any failure here is the decryption refusal:
 * a distinct answer would tell an attacker that the plaintext parsed as an Assertion.
 */
export function checkAssertionSignature(
  assertion: Element,
  responseSigner: VerifiedSignature | null,
  encrypted: boolean,
  expect: ResponseExpectations,
  log: CheckLog,
): Result<VerifiedSignature, ResponseRefusal> {
  const { pass, refuse, seen } = log
  const unauthenticated = encrypted && responseSigner === null
  const assertionSigned = elementChildren(assertion).some(
    (e) => e.namespaceURI === NS.dsig && e.localName === 'Signature',
  )
  let signer: VerifiedSignature
  if (!assertionSigned && responseSigner && !expect.requireAssertionSignature) {
    if (encrypted) pass('Decryption', 'the assertion was encrypted to the Webex encryption certificate')
    pass(
      'Assertion signature',
      'unsigned, covered by the Response signature (allowed: requireAssertionSignature is off)',
    )
    signer = responseSigner
  } else {
    const verified = verifyEnvelopedSignature(assertion, {
      trusted: expect.trusted,
      allowSha1: expect.allowSha1,
    })
    if (!verified.ok && unauthenticated) return refuseDecryption(log)
    if (encrypted) pass('Decryption', 'the assertion was encrypted to the Webex encryption certificate')
    if (!verified.ok) {
      if (verified.error.code === 'SIGNATURE_MISSING' && responseSigner)
        return refuse(
          'Assertion signature',
          'SSO_ASSERTION_UNSIGNED',
          'SAML assertion is unsigned: only the Response is signed, and Webex needs the assertion itself signed.',
          'Entra > Cisco Webex > Single sign-on > SAML Certificates > Signing Option: "Sign SAML assertion" or "Sign SAML response and assertion" (or turn requireAssertionSignature off in the SSO settings).',
        )
      const failure = signatureFailure(verified.error, 'Assertion')
      return refuse('Assertion signature', failure.code, failure.message, failure.fix)
    }
    signer = verified.value
  }
  const summary = summarizeCertificate(signer.certificate.der)
  seen.certificate = { subject: summary.subject, thumbprint: summary.thumbprint }
  if (assertionSigned || expect.requireAssertionSignature)
    pass(
      'Assertion signature',
      `${signer.signatureAlgorithm.split('#').pop()} by ${summary.subject} (${summary.thumbprint})`,
    )

  const certificatePem = `-----BEGIN CERTIFICATE-----\n${signer.certificate.der.toString('base64')}\n-----END CERTIFICATE-----\n`
  const judged = expect.judgeCertificate(certificatePem)
  if (!judged.ok)
    return refuse(
      'Certificate trust',
      judged.error.code,
      `The IdP signing certificate ${judged.error.certificate} is no longer acceptable: ${judged.error.reason}.`,
      `Renew the certificate on Entra (SAML Certificates), then ${FIX_REIMPORT.charAt(0).toLowerCase()}${FIX_REIMPORT.slice(1)}`,
    )
  pass('Certificate trust', 'valid now, and trusted under the configured mode')
  return ok(signer)
}
