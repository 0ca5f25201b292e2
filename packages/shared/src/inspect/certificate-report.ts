import { X509Certificate } from 'node:crypto'
import { summarizeCertificate } from '../pki/certificate'
import { validateCertificateChain } from '../pki/chain-validation'
import { readCertificateStructure } from '../pki/x509'
import type { CertificateAuthorities } from './context'
import { relativeTime } from './durations'
import type { CertificateReport } from './report'

/** A certificate met in a message or its context, described for the person reading the report. */

/** The subject and thumbprint of a certificate, or null for bytes that are not one. */
export function certificateIdentity(der: Buffer): { subject: string; thumbprint: string } | null {
  try {
    const summary = summarizeCertificate(der)
    return { subject: summary.subject, thumbprint: summary.thumbprint }
  } catch {
    return null
  }
}

function validityOf(notBefore: Date, notAfter: Date, at: number): { text: string; valid: boolean } {
  if (at < notBefore.getTime())
    return {
      text: `not yet valid: valid from ${notBefore.toISOString()} (${relativeTime(notBefore.getTime(), at)})`,
      valid: false,
    }
  if (at > notAfter.getTime())
    return {
      text: `expired ${notAfter.toISOString()} (${relativeTime(notAfter.getTime(), at)})`,
      valid: false,
    }
  return {
    text: `valid until ${notAfter.toISOString()} (expires ${relativeTime(notAfter.getTime(), at)})`,
    valid: true,
  }
}

function chainOf(
  der: Buffer,
  x509: X509Certificate,
  selfSigned: boolean,
  offered: readonly Buffer[],
  authorities: CertificateAuthorities | null,
  at: number,
): string {
  if (selfSigned)
    return 'self-signed (Subject = Issuer, as Entra makes them): trusted only when imported as is, with Control Hub\'s "Allow self-signed certificate in metadata (less secure)"'
  const issuer = x509.issuer.replace(/\n/g, ', ')
  if (!authorities)
    return `issued by ${issuer}; not checked against a CA (give the sandbox's --data-dir to check it against the sandbox CA)`
  const chain = validateCertificateChain({
    leaf: der,
    intermediates: [...offered, ...authorities.intermediates],
    anchors: authorities.anchors,
    at,
  })
  if (!chain.ok) return `does not chain to ${authorities.label}: ${chain.error.reason}`
  const path = chain.value.path.slice(1).map((c) => c.subject.replace(/\n/g, ', '))
  return `chains to ${authorities.label}: ${path.join(' → ')}`
}

/**
 * Describes `der` as `role`: identity, validity at `at`, key, and the chain to `authorities`
 * (through `offered` certificates, such as others in the same X509Data). Null when the bytes
 * are not a certificate.
 */
export function describeCertificate(
  der: Buffer,
  role: string,
  at: number,
  authorities: CertificateAuthorities | null,
  offered: readonly Buffer[] = [],
): CertificateReport | null {
  let x509: X509Certificate
  try {
    x509 = new X509Certificate(der)
  } catch {
    return null
  }
  const summary = summarizeCertificate(der)
  let structure: ReturnType<typeof readCertificateStructure> | null = null
  try {
    structure = readCertificateStructure(der)
  } catch {
    // Node reads some certificates that forge cannot; the key line then says so.
    structure = null
  }
  const selfSigned = x509.subject === x509.issuer && x509.verify(x509.publicKey)
  const validity = validityOf(summary.notBefore, summary.notAfter, at)
  return {
    role,
    subject: summary.subject,
    issuer: summary.issuer,
    thumbprint: summary.thumbprint,
    sha256Fingerprint: summary.sha256Fingerprint,
    serialNumber: summary.serialNumber,
    notBefore: summary.notBefore.toISOString(),
    notAfter: summary.notAfter.toISOString(),
    validity: validity.text,
    validAtJudgedTime: validity.valid,
    publicKey: !structure
      ? 'key and signature algorithm unreadable'
      : structure.publicKeyAlgorithm === 'rsa'
        ? `RSA ${structure.publicKeyBits} bits, signed with ${structure.signatureAlgorithm}`
        : `not RSA, signed with ${structure.signatureAlgorithm}`,
    selfSigned,
    chain: chainOf(der, x509, selfSigned, offered, authorities, at),
    base64: summary.base64,
  }
}
