import { createHash, type KeyObject, X509Certificate } from 'node:crypto'
import { type RedirectSignature, verifyRedirectSignature } from '../saml/bindings'
import { attributeOf, childNamed, elementChildren, textOf } from '../xml/dom'
import { DSIG_NS } from '../xml/signature'
import {
  type TrustedCertificate,
  trustCertificate,
  verifyEnvelopedSignature,
} from '../xml/signature-verification'
import { describeCertificate } from './certificate-report'
import type { CertificateAuthorities, Expected, TrustedSigner } from './context'
import { describeOrigin, signerPhrase } from './origins'
import type { CertificateReport, SignatureReport } from './report'

/**
 * Signature verdicts. The inspector verifies every signature twice over: whether it is sound
 * (its digest and value verify, with the certificate it carries when it carries one), and
 * whether that certificate is one the context trusts. The ACS needs both; a person debugging
 * needs to know which of the two failed.
 */

/** A verdict and the certificate that made the signature (null when none could be told). */
export interface SignatureFacts {
  readonly report: SignatureReport
  readonly certificate: Buffer | null
}

const thumbprintOf = (der: Buffer): string => createHash('sha1').update(der).digest('hex').toUpperCase()

function trusted(der: Buffer): TrustedCertificate | null {
  try {
    return trustCertificate(der)
  } catch {
    return null
  }
}

function embeddedCertificate(signature: Element): Buffer | null {
  const keyInfo = childNamed(signature, DSIG_NS, 'KeyInfo')
  const data = keyInfo ? childNamed(keyInfo, DSIG_NS, 'X509Data') : null
  const certificate = data ? childNamed(data, DSIG_NS, 'X509Certificate') : null
  return certificate ? Buffer.from(textOf(certificate).replace(/\s+/g, ''), 'base64') : null
}

const VERDICTS = {
  DIGEST_MISMATCH: 'digest-mismatch',
  SIGNATURE_INVALID: 'invalid',
  SIGNATURE_PROFILE: 'profile',
  UNSUPPORTED_ALGORITHM: 'unsupported-algorithm',
} as const

/** How the signing certificate compares with the trusted ones. */
function trustOf(
  certificate: Buffer | null,
  signers: Expected<readonly TrustedSigner[]> | null,
): Pick<SignatureReport, 'trust' | 'trustDetail'> {
  if (!signers)
    return {
      trust: 'not-compared',
      trustDetail:
        'not compared with a trusted certificate (give --cert, --idp-metadata, --sp-metadata, --app or --org)',
    }
  const expected = signers.value.map((s) => s.thumbprint).join(', ') || 'none'
  if (!certificate)
    return {
      trust: 'does-not-match',
      trustDetail: `verifies with none of the certificates of ${describeOrigin(signers.origin)} (${expected})`,
    }
  const thumbprint = thumbprintOf(certificate)
  return signers.value.some((s) => s.thumbprint === thumbprint)
    ? { trust: 'matches', trustDetail: `${thumbprint} is ${signerPhrase(signers.origin)}` }
    : {
        trust: 'does-not-match',
        trustDetail: `${thumbprint} is not ${signerPhrase(signers.origin)} (${expected})`,
      }
}

/**
 * The verdict on the enveloped signature directly inside `element` (named `label`), or null
 * when it carries none. SHA-1 is verified here (the verdict is about soundness); whether the
 * org accepts SHA-1 is the ACS check's to say.
 */
export function inspectEnvelopedSignature(
  element: Element,
  label: string,
  signers: Expected<readonly TrustedSigner[]> | null,
  at: number,
  authorities: CertificateAuthorities | null,
): SignatureFacts | null {
  const signature = elementChildren(element).find(
    (c) => c.namespaceURI === DSIG_NS && c.localName === 'Signature',
  )
  if (!signature) return null
  const info = childNamed(signature, DSIG_NS, 'SignedInfo')
  const method = info ? childNamed(info, DSIG_NS, 'SignatureMethod') : null
  const reference = info ? childNamed(info, DSIG_NS, 'Reference') : null
  const digest = reference ? childNamed(reference, DSIG_NS, 'DigestMethod') : null
  const embedded = embeddedCertificate(signature)
  const embeddedTrust = embedded ? trusted(embedded) : null
  const candidates = embeddedTrust
    ? [embeddedTrust]
    : embedded
      ? []
      : (signers?.value ?? []).flatMap((s) => (s.der ? [trusted(s.der)].filter((t) => t !== null) : []))
  const keyInfoCertificate = embedded
    ? describeCertificate(embedded, `the certificate in the ${label}'s KeyInfo`, at, authorities)
    : null
  const base = {
    signedElement: label,
    signedId: attributeOf(element, 'ID'),
    reference: reference ? attributeOf(reference, 'URI') : null,
    signatureAlgorithm: method ? attributeOf(method, 'Algorithm') : null,
    digestAlgorithm: digest ? attributeOf(digest, 'Algorithm') : null,
    keyInfoCertificate,
  }
  if (candidates.length === 0) {
    const detail = embedded
      ? "the KeyInfo holds bytes that are not a certificate, so the signature's key is unknown"
      : 'the signature carries no certificate and none was given to verify it with (give --cert, --idp-metadata or --app)'
    return {
      report: { ...base, verdict: 'not-verified', detail, ...trustOf(null, signers) },
      certificate: null,
    }
  }
  const verified = verifyEnvelopedSignature(element, { trusted: candidates, allowSha1: true })
  if (!verified.ok) {
    const verdict =
      verified.error.code in VERDICTS ? VERDICTS[verified.error.code as keyof typeof VERDICTS] : 'invalid'
    return {
      report: { ...base, verdict, detail: verified.error.message, ...trustOf(embedded, signers) },
      certificate: embedded,
    }
  }
  const signer = verified.value.certificate.der
  const withWhat = embedded ? 'with the certificate it carries' : `with ${thumbprintOf(signer)}`
  return {
    report: { ...base, verdict: 'valid', detail: `valid ${withWhat}`, ...trustOf(signer, signers) },
    certificate: signer,
  }
}

function keyOf(der: Buffer): KeyObject | null {
  try {
    return new X509Certificate(der).publicKey
  } catch {
    return null
  }
}

/** The verdict on a Redirect-binding query signature (SigAlg + Signature over the raw query). */
export function inspectRedirectSignature(
  signature: RedirectSignature,
  parameter: string,
  signers: Expected<readonly TrustedSigner[]> | null,
  at: number,
  authorities: CertificateAuthorities | null,
): SignatureFacts {
  const base = {
    signedElement: `${parameter} query string`,
    signedId: null,
    reference: null,
    signatureAlgorithm: signature.sigAlg || null,
    digestAlgorithm: null,
    keyInfoCertificate: null,
  }
  const withKeys = (signers?.value ?? []).flatMap((s) => {
    const key = s.der ? keyOf(s.der) : null
    return key && s.der ? [{ der: s.der, key }] : []
  })
  if (withKeys.length === 0)
    return {
      report: {
        ...base,
        verdict: 'not-verified',
        detail:
          "signed in the query string; give the sender's certificate (--cert, --sp-metadata, --idp-metadata or --org) to verify it",
        ...trustOf(null, null),
      },
      certificate: null,
    }
  let detail = ''
  for (const { der, key } of withKeys) {
    const verified = verifyRedirectSignature(signature, [key], true)
    if (verified.ok) {
      const report = describeCertificate(
        der,
        'the certificate that verifies the query signature',
        at,
        authorities,
      )
      return {
        report: {
          ...base,
          verdict: 'valid',
          detail: `valid (${verified.value}) with ${report?.subject ?? 'the given certificate'}`,
          ...trustOf(der, signers),
        },
        certificate: der,
      }
    }
    detail = verified.error.message
  }
  const unsupported = /not accepted/.test(detail)
  return {
    report: {
      ...base,
      verdict: unsupported ? 'unsupported-algorithm' : 'invalid',
      detail,
      ...trustOf(null, signers),
    },
    certificate: null,
  }
}

/** The certificate report of a signature's certificate, for the report's certificate list. */
export function signingCertificateReport(
  facts: SignatureFacts,
  at: number,
  authorities: CertificateAuthorities | null,
): CertificateReport | null {
  if (!facts.certificate) return null
  return (
    facts.report.keyInfoCertificate ??
    describeCertificate(
      facts.certificate,
      `the certificate that signed the ${facts.report.signedElement}`,
      at,
      authorities,
    )
  )
}
