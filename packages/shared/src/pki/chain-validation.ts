import { X509Certificate } from 'node:crypto'
import { err, ok, type Result } from '../result'
import { summarizeCertificate } from './certificate'
import { type CertificateStructure, readCertificateStructure, UNDERSTOOD_EXTENSION_NAMES } from './x509'

/**
 * Why a certificate was refused. Each code is one check of RFC 5280 path validation as
 * "Require certificate signed by a certificate authority" needs it; node-forge's `verifyCertificateChain` alone skips several of them (a self-signed leaf in
 * the store, a CA certificate used as the leaf, an issuer without basicConstraints).
 */
export type CertificateProblem =
  | 'NOT_A_CERTIFICATE'
  | 'CERT_SELF_SIGNED'
  | 'CERT_IS_CA'
  | 'CERT_IS_TRUST_ANCHOR'
  | 'CERT_EXPIRED'
  | 'CERT_NOT_YET_VALID'
  | 'CHAIN_UNTRUSTED'
  | 'CHAIN_BAD_SIGNATURE'
  | 'ISSUER_NOT_CA'
  | 'ISSUER_CANNOT_SIGN_CERTIFICATES'
  | 'PATH_LENGTH_EXCEEDED'
  | 'LEAF_CANNOT_SIGN'
  | 'KEY_TOO_SMALL'
  | 'UNSUPPORTED_KEY_TYPE'
  | 'WEAK_SIGNATURE_ALGORITHM'
  | 'UNKNOWN_CRITICAL_EXTENSION'

/** A refusal that names the certificate and says, in plain words, what is wrong with it. */
export interface CertificateRefusal {
  readonly code: CertificateProblem
  /** Subject and thumbprint of the certificate at fault, e.g. `CN=Foo (thumbprint 51C2…)`. */
  readonly certificate: string
  readonly reason: string
  /** For CHAIN_UNTRUSTED: the issuer that was not found (name and key identifier), to say what to add. */
  readonly missingIssuer?: string
}

/** A certificate path from the leaf up to (and including) a trust anchor. */
export interface ValidatedChain {
  readonly path: readonly X509Certificate[]
  /** The window in which every certificate of the path is valid (re-checked at each sign-in). */
  readonly validFrom: number
  readonly validUntil: number
}

/** Input to {@link validateCertificateChain}; every certificate is DER. */
export interface ChainInput {
  readonly leaf: Buffer
  /**
   * CA certificates the path may pass through but that are not trusted by themselves: those
   * offered with the leaf, and the intermediates the relying party already knows (as an OS
   * trust store keeps intermediate CAs beside its roots).
   */
  readonly intermediates: readonly Buffer[]
  /** The trust store's roots (trust anchors). */
  readonly anchors: readonly Buffer[]
  /** The instant at which validity is judged (ms). */
  readonly at: number
}

interface Parsed {
  readonly der: Buffer
  readonly x509: X509Certificate
  readonly structure: CertificateStructure
  readonly label: string
}

const WEAK_ALGORITHMS = new Set(['md5WithRSAEncryption', 'sha1WithRSAEncryption'])
const MINIMUM_RSA_BITS = 2048

function parse(der: Buffer): Parsed | null {
  try {
    const x509 = new X509Certificate(der)
    const summary = summarizeCertificate(der)
    return {
      der,
      x509,
      structure: readCertificateStructure(der),
      label: `${summary.subject} (thumbprint ${summary.thumbprint})`,
    }
  } catch {
    return null
  }
}

function refuse(
  code: CertificateProblem,
  cert: Parsed | string,
  reason: string,
): Result<never, CertificateRefusal> {
  return err({ code, certificate: typeof cert === 'string' ? cert : cert.label, reason })
}

/** Checks that apply to every certificate on the path. */
function checkCommon(cert: Parsed, at: number): Result<true, CertificateRefusal> {
  const s = cert.structure
  if (s.publicKeyAlgorithm !== 'rsa') {
    return refuse(
      'UNSUPPORTED_KEY_TYPE',
      cert,
      'it does not carry an RSA key; SAML signing here supports RSA only',
    )
  }
  if (s.publicKeyBits < MINIMUM_RSA_BITS) {
    return refuse('KEY_TOO_SMALL', cert, `its RSA key is ${s.publicKeyBits} bits; at least 2048 are required`)
  }
  if (WEAK_ALGORITHMS.has(s.signatureAlgorithm)) {
    return refuse(
      'WEAK_SIGNATURE_ALGORITHM',
      cert,
      `it is signed with ${s.signatureAlgorithm}; use SHA-256 or better`,
    )
  }
  const unknownCritical = s.extensions.find((e) => e.critical && !UNDERSTOOD_EXTENSION_NAMES.has(e.name))
  if (unknownCritical) {
    return refuse(
      'UNKNOWN_CRITICAL_EXTENSION',
      cert,
      `it has a critical extension this SP does not understand (${unknownCritical.oid})`,
    )
  }
  if (at < s.notBefore.getTime()) {
    return refuse('CERT_NOT_YET_VALID', cert, `it is not valid before ${s.notBefore.toISOString()}`)
  }
  if (at > s.notAfter.getTime()) {
    return refuse('CERT_EXPIRED', cert, `it expired on ${s.notAfter.toISOString()}`)
  }
  return ok(true)
}

/**
 * Self-signed: it names itself as its issuer and its signature verifies with its own key.
 * Node's `checkIssued` is not used for this: it also requires keyCertSign whenever keyUsage is
 * present, so a self-signed leaf whose keyUsage is digitalSignature alone would not count.
 */
function isSelfSigned(cert: Parsed): boolean {
  return cert.x509.subject === cert.x509.issuer && cert.x509.verify(cert.x509.publicKey)
}

/**
 * Whether `issuer` is a candidate issuer of `child`: the child names it, and where both carry
 * key identifiers they match (two CAs may share a name). Key usage is judged afterwards, so
 * an issuer without keyCertSign is reported as such rather than as missing.
 */
function namesAsIssuer(issuer: Parsed, child: Parsed): boolean {
  if (child.x509.issuer !== issuer.x509.subject) return false
  const authorityKey = child.structure.authorityKeyIdentifierHex
  const subjectKey = issuer.structure.subjectKeyIdentifierHex
  return authorityKey === undefined || subjectKey === undefined || authorityKey === subjectKey
}

/** How the refusal names an issuer that could not be found: its name and, if known, its key id. */
function describeIssuerOf(cert: Parsed): string {
  const name = cert.x509.issuer.replace(/\n/g, ', ')
  const keyId = cert.structure.authorityKeyIdentifierHex
  return keyId ? `${name}, key identifier ${keyId.toUpperCase()}` : name
}

/**
 * Validates "Require certificate signed by a certificate authority" at import and at every sign-in:
 * the leaf is not a CA, not self-signed and not itself an anchor, may sign, and chains through
 * CA certificates that may sign certificates and respect pathLen, to an anchor of the trust
 * store, with every signature verified natively and every certificate valid at `at`.
 */
export function validateCertificateChain(input: ChainInput): Result<ValidatedChain, CertificateRefusal> {
  const leaf = parse(input.leaf)
  if (!leaf)
    return refuse(
      'NOT_A_CERTIFICATE',
      'the signing certificate',
      'it could not be decoded as an X.509 certificate',
    )
  const anchors = input.anchors.map(parse).filter((a): a is Parsed => a !== null)
  const candidates = input.intermediates.map(parse).filter((c): c is Parsed => c !== null)

  if (anchors.some((a) => a.der.equals(leaf.der))) {
    return refuse(
      'CERT_IS_TRUST_ANCHOR',
      leaf,
      'it is a trust anchor itself; the IdP must sign with a certificate issued by a CA',
    )
  }
  if (leaf.structure.basicConstraints?.ca === true) {
    return refuse(
      'CERT_IS_CA',
      leaf,
      'it is a CA certificate (basicConstraints CA:TRUE); a signing certificate must not be a CA',
    )
  }
  if (isSelfSigned(leaf)) {
    return refuse(
      'CERT_SELF_SIGNED',
      leaf,
      'it is self-signed; choose "Allow self-signed certificate in metadata (less secure)" or use a CA-issued certificate',
    )
  }
  const leafUsage = leaf.structure.keyUsage
  if (leafUsage && !leafUsage.includes('digitalSignature')) {
    return refuse('LEAF_CANNOT_SIGN', leaf, 'its keyUsage does not include digitalSignature')
  }
  const leafCheck = checkCommon(leaf, input.at)
  if (!leafCheck.ok) return leafCheck

  const path: Parsed[] = [leaf]
  let current = leaf
  // Bounded: a path can be at most as long as the certificates offered.
  for (let depth = 0; depth <= candidates.length; depth += 1) {
    const child = current
    // Anchors first; among certificates of the same name, the one whose key verifies.
    const unused = candidates.filter((c) => !path.some((p) => p.der.equals(c.der)))
    const named = [...anchors, ...unused].filter((c) => namesAsIssuer(c, child))
    const issuer = named.find((c) => child.x509.verify(c.x509.publicKey))
    if (!issuer) {
      const [first] = named
      if (first)
        return refuse(
          'CHAIN_BAD_SIGNATURE',
          child,
          `its signature does not verify with the key of ${first.label}`,
        )
      const missing = describeIssuerOf(child)
      return err({
        code: 'CHAIN_UNTRUSTED',
        certificate: child.label,
        reason: `its issuer (${missing}) is neither a trusted root nor a known intermediate CA, and was not supplied with it`,
        missingIssuer: missing,
      })
    }
    const anchor = anchors.includes(issuer) ? issuer : undefined
    const constraints = issuer.structure.basicConstraints
    if (constraints?.ca !== true) {
      return refuse(
        'ISSUER_NOT_CA',
        issuer,
        'it issued a certificate but is not a CA (no basicConstraints CA:TRUE)',
      )
    }
    const usage = issuer.structure.keyUsage
    if (usage && !usage.includes('keyCertSign')) {
      return refuse('ISSUER_CANNOT_SIGN_CERTIFICATES', issuer, 'its keyUsage does not include keyCertSign')
    }
    // pathLen counts the CA certificates below this one, leaf excluded (RFC 5280 §4.2.1.9).
    const casBelow = path.length - 1
    if (constraints.pathLen !== undefined && casBelow > constraints.pathLen) {
      return refuse(
        'PATH_LENGTH_EXCEEDED',
        issuer,
        `its pathLen of ${constraints.pathLen} allows fewer CAs below it`,
      )
    }
    const issuerCheck = checkCommon(issuer, input.at)
    if (!issuerCheck.ok) return issuerCheck
    path.push(issuer)
    if (anchor) {
      return ok({
        path: path.map((p) => p.x509),
        validFrom: Math.max(...path.map((p) => p.structure.notBefore.getTime())),
        validUntil: Math.min(...path.map((p) => p.structure.notAfter.getTime())),
      })
    }
    current = issuer
  }
  return refuse('CHAIN_UNTRUSTED', leaf, 'no path to a trusted root was found')
}

/**
 * What a trust store needs to know of a CA certificate before keeping it: whether it is a root
 * (self-signed) and whether it is a CA at all. Null when it cannot be decoded.
 */
export function describeCaCertificate(der: Buffer): { selfSigned: boolean; isCa: boolean } | null {
  const cert = parse(der)
  if (!cert) return null
  return { selfSigned: isSelfSigned(cert), isCa: cert.structure.basicConstraints?.ca === true }
}

/**
 * The "less secure" mode: a self-signed (or any) certificate is accepted as long as it can be
 * read, is RSA ≥ 2048 and is valid at `at`.
 */
export function checkStandaloneCertificate(
  der: Buffer,
  at: number,
): Result<ValidatedChain, CertificateRefusal> {
  const cert = parse(der)
  if (!cert)
    return refuse(
      'NOT_A_CERTIFICATE',
      'the signing certificate',
      'it could not be decoded as an X.509 certificate',
    )
  const common = checkCommon(cert, at)
  if (!common.ok) return common
  return ok({
    path: [cert.x509],
    validFrom: cert.structure.notBefore.getTime(),
    validUntil: cert.structure.notAfter.getTime(),
  })
}
