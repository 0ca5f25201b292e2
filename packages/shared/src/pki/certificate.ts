import { createHash, X509Certificate } from 'node:crypto'

/**
 * A certificate as the sandbox stores and exports it. `pem` is the canonical form; the other
 * shapes are derived from it.
 */
export interface CertificateSummary {
  readonly pem: string
  /** DER bytes: Entra's "Certificate (Raw)" download and Windows' `.cer`. */
  readonly der: Buffer
  /** Base64 of the DER on one line: what goes into `<X509Certificate>` in metadata. */
  readonly base64: string
  /** Uppercase SHA-1 hex without separators, as Entra shows the thumbprint. */
  readonly thumbprint: string
  /** Uppercase colon-separated SHA-256 fingerprint, as browsers and openssl show it. */
  readonly sha256Fingerprint: string
  readonly subject: string
  readonly issuer: string
  readonly serialNumber: string
  readonly notBefore: Date
  readonly notAfter: Date
}

const PEM_BODY = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/

/** Wraps DER bytes as a PEM certificate (64-column lines, as openssl writes them). */
export function derToPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`
}

/**
 * Reads the first certificate of a PEM document, or a bare Base64 DER (as found in metadata).
 * Returns null when the text holds no decodable certificate.
 */
export function certificateToDer(pemOrBase64: string): Buffer | null {
  const match = PEM_BODY.exec(pemOrBase64)
  const body = (match ? match[1] : pemOrBase64)?.replace(/\s+/g, '') ?? ''
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null
  const der = Buffer.from(body, 'base64')
  return der.length > 0 ? der : null
}

function colonHex(hex: string): string {
  return (hex.toUpperCase().match(/.{2}/g) ?? []).join(':')
}

/** Summarises a certificate for display and export. Throws only on bytes that are not a certificate. */
export function summarizeCertificate(pemOrDer: string | Buffer): CertificateSummary {
  const der = typeof pemOrDer === 'string' ? certificateToDer(pemOrDer) : pemOrDer
  if (!der) throw new TypeError('not a certificate: expected PEM or Base64 DER')
  const x509 = new X509Certificate(der)
  return {
    pem: derToPem(der),
    der,
    base64: der.toString('base64'),
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    sha256Fingerprint: colonHex(createHash('sha256').update(der).digest('hex')),
    subject: x509.subject.replace(/\n/g, ', '),
    issuer: x509.issuer.replace(/\n/g, ', '),
    serialNumber: x509.serialNumber.toUpperCase(),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
  }
}
