import { checkStandaloneCertificate, validateCertificateChain } from '../pki/chain-validation'
import { certificateIdentity } from './certificate-report'
import type { AcsPolicy, CertificateAuthorities, Expected, TrustedSigner } from './context'
import {
  digestMismatch,
  failed,
  invalidSignature,
  SCREEN,
  sha1Signature,
  signatureProfile,
  untrustedSigner,
} from './diagnoses'
import { humanDuration } from './durations'
import type { CheckOutcome } from './report'
import type { SignatureFacts } from './signature-report'

/**
 * Signature verdicts turned into check outcomes, in the order the ACS refuses: profile and
 * algorithm first, then the certificate's trust, then the digest, then the signature value.
 */

const isSha1 = (uri: string | null): boolean => uri !== null && /sha1$/i.test(uri)
const shortAlgorithm = (uri: string | null): string => (uri ? (uri.split('#').pop() ?? uri) : 'unknown')

/** The outcome of one signature check for `element` ("Response", "assertion", "AuthnRequest"). */
export function signatureOutcome(
  facts: SignatureFacts,
  element: string,
  signers: Expected<readonly TrustedSigner[]> | null,
  policy: AcsPolicy,
): CheckOutcome {
  const { report } = facts
  if (report.verdict === 'profile') return signatureProfile(element, report.detail)
  if (report.verdict === 'unsupported-algorithm')
    return failed('SSO_UNSUPPORTED_ALGORITHM', `The ${element}'s ${report.detail}`, 'Sign with RSA-SHA256.')
  if ((isSha1(report.signatureAlgorithm) || isSha1(report.digestAlgorithm)) && !policy.allowSha1)
    return sha1Signature(element)
  if (report.trust === 'does-not-match' && signers) {
    const identity = facts.certificate ? certificateIdentity(facts.certificate) : null
    return untrustedSigner(element, identity, signers)
  }
  if (report.verdict === 'digest-mismatch') return digestMismatch(element)
  if (report.verdict === 'invalid') return invalidSignature(element, report.detail)
  if (report.verdict === 'not-verified') return { status: 'skipped', detail: `not judged: ${report.detail}` }
  const identity = facts.certificate ? certificateIdentity(facts.certificate) : null
  const who = identity ? `${identity.subject} (${identity.thumbprint})` : 'an unknown certificate'
  const algorithm = `${shortAlgorithm(report.signatureAlgorithm)}, digest ${shortAlgorithm(report.digestAlgorithm)}`
  return {
    status: 'passed',
    detail:
      report.trust === 'matches'
        ? `valid (${algorithm}), signed by ${who}, ${report.trustDetail}`
        : `valid (${algorithm}) with the certificate it carries, ${who}; ${report.trustDetail}`,
  }
}

/**
 * The ACS's "Certificate trust": the signing certificate judged at the instant, under the
 * org's trust mode: "Require certificate signed by a certificate authority" walks the chain to
 * the known CAs; otherwise (or when no mode is known) the certificate must itself be valid.
 */
export function certificateTrustOutcome(
  certificate: Buffer | null,
  at: number,
  policy: AcsPolicy,
  authorities: CertificateAuthorities | null,
): CheckOutcome {
  if (!certificate) return { status: 'skipped', detail: 'not judged: no signing certificate is known' }
  if (policy.trustMode === 'ca-signed' && !authorities)
    return {
      status: 'skipped',
      detail: `not judged: ${policy.label} require a CA-signed certificate, and no CA is known (give the sandbox's --data-dir)`,
    }
  const judged =
    policy.trustMode === 'ca-signed' && authorities
      ? validateCertificateChain({
          leaf: certificate,
          intermediates: authorities.intermediates,
          anchors: authorities.anchors,
          at,
        })
      : checkStandaloneCertificate(certificate, at)
  if (!judged.ok) {
    const { code, reason } = judged.error
    const subject = judged.error.certificate
    const renew = `Make a new certificate active (${SCREEN.certificates} > New Certificate, then Make certificate active), then import the new Federation Metadata XML in ${SCREEN.controlHubImport}.`
    if (code === 'CERT_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
      const bound = /(\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(reason)?.[1] ?? ''
      const span = bound ? humanDuration(at - Date.parse(bound)) : ''
      const message =
        code === 'CERT_EXPIRED'
          ? `The signing certificate ${subject} expired ${span} ago (NotAfter ${bound}): no one can sign in with it`
          : `The signing certificate ${subject} is not valid for another ${span} (NotBefore ${bound}): a clock is wrong`
      return failed(
        code,
        message,
        code === 'CERT_EXPIRED' ? renew : "Set the IdP's and Webex's clocks right (NTP).",
      )
    }
    const fix =
      code === 'CERT_SELF_SIGNED'
        ? `Import the metadata with "Allow self-signed certificate in metadata (less secure)" in ${SCREEN.controlHubImport}, or have Entra sign with a CA-issued certificate.`
        : renew
    return failed(code, `The signing certificate ${subject} is not acceptable: ${reason}`, fix)
  }
  const until = new Date(judged.value.validUntil).toISOString()
  const how =
    policy.trustMode === 'ca-signed'
      ? `chains to ${authorities?.label ?? 'a trusted CA'}`
      : 'valid in itself (its chain is not required)'
  return {
    status: 'passed',
    detail: `${how}; valid until ${until} (expires in ${humanDuration(judged.value.validUntil - at)})`,
  }
}
