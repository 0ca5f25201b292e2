// pki/: the sandbox CA, RSA keys, certificates and chain validation (node-forge only in x509.ts).
import { randomBytes } from 'node:crypto'
import { derToPem } from './certificate'
import type { RsaKeyPair } from './keys'
import { buildCertificate, type ExtensionSpec, type NameAttribute, readCertificateStructure } from './x509'

/** A certificate with its private key, as persisted (PEM) alongside the parsed key. */
export interface IssuedCertificate {
  readonly certificatePem: string
  readonly key: RsaKeyPair
}

/** The sandbox's two-level PKI: a root that users may trust, and the CA that issues every leaf. */
export interface SandboxCa {
  readonly root: IssuedCertificate
  readonly intermediate: IssuedCertificate
}

const DAY_MS = 86_400_000
const SANDBOX_ORGANIZATION: NameAttribute = { shortName: 'O', value: 'SSO Rehearsal Sandbox' }

/** Names of the sandbox CA certificates, shown in browsers' certificate viewers. */
const ROOT_CA_NAME = 'SSO Rehearsal Sandbox Root CA'
const ISSUING_CA_NAME = 'SSO Rehearsal Sandbox Issuing CA'

/** Entra's default signing certificate name (also Graph's `addTokenSigningCertificate` default). */
export const ENTRA_CERTIFICATE_NAME = 'Microsoft Azure Federated SSO Certificate'

/**
 * A positive DER INTEGER of 16 bytes, like Entra's serials: the first byte is 0x01–0x7f, so
 * no padding byte is needed and the value is never negative (RFC 5280 §4.1.2.2).
 */
export function randomSerialHex(): string {
  const bytes = randomBytes(16)
  bytes[0] = ((bytes[0] ?? 1) % 0x7f) + 1
  return bytes.toString('hex')
}

function subjectKeyIdOf(certificatePem: string): string {
  const der = Buffer.from(certificatePem.replace(/-----[^-]+-----|\s/g, ''), 'base64')
  const ski = readCertificateStructure(der).subjectKeyIdentifierHex
  if (!ski) throw new Error('CA certificate has no subject key identifier')
  return ski
}

/** Options shared by every issuance: when "now" is, so tests can pin validity windows. */
export interface IssueOptions {
  readonly now: number
  /**
   * Where serial numbers come from (default: {@link randomSerialHex}); the deterministic mode
   * passes a seeded source so that the same seed issues byte-identical certificates.
   */
  readonly serialHex?: () => string
}

const serialOf = (options: IssueOptions): string => (options.serialHex ?? randomSerialHex)()

/**
 * Creates the root CA (CA:true, pathLen 1, keyCertSign + cRLSign, 10 years) and the issuing
 * CA (CA:true, pathLen 0, 5 years) from two already generated keys.
 */
export function createSandboxCa(
  rootKey: RsaKeyPair,
  intermediateKey: RsaKeyPair,
  options: IssueOptions,
): SandboxCa {
  const notBefore = new Date(options.now - DAY_MS)
  const rootName: NameAttribute[] = [SANDBOX_ORGANIZATION, { shortName: 'CN', value: ROOT_CA_NAME }]
  const rootDer = buildCertificate(
    {
      serialHex: serialOf(options),
      subject: rootName,
      issuer: rootName,
      notBefore,
      notAfter: new Date(options.now + 3650 * DAY_MS),
      subjectPublicKey: rootKey.publicKey,
      extensions: {
        basicConstraints: { ca: true, pathLen: 1 },
        keyUsage: ['keyCertSign', 'cRLSign'],
        subjectKeyIdentifier: true,
      },
    },
    rootKey.privateKey,
  )
  const root: IssuedCertificate = { certificatePem: derToPem(rootDer), key: rootKey }
  const intermediateDer = buildCertificate(
    {
      serialHex: serialOf(options),
      subject: [SANDBOX_ORGANIZATION, { shortName: 'CN', value: ISSUING_CA_NAME }],
      issuer: rootName,
      notBefore,
      notAfter: new Date(options.now + 1825 * DAY_MS),
      subjectPublicKey: intermediateKey.publicKey,
      extensions: {
        basicConstraints: { ca: true, pathLen: 0 },
        keyUsage: ['keyCertSign', 'cRLSign'],
        subjectKeyIdentifier: true,
        authorityKeyIdentifierHex: subjectKeyIdOf(root.certificatePem),
      },
    },
    rootKey.privateKey,
  )
  return { root, intermediate: { certificatePem: derToPem(intermediateDer), key: intermediateKey } }
}

/** What a leaf is for; each profile sets the matching keyUsage / extKeyUsage. */
export type LeafProfile = 'saml-signing' | 'saml-encryption' | 'tls-server'

const LEAF_EXTENSIONS: Record<LeafProfile, Pick<ExtensionSpec, 'keyUsage' | 'extKeyUsage'>> = {
  'saml-signing': { keyUsage: ['digitalSignature'] },
  'saml-encryption': { keyUsage: ['keyEncipherment', 'dataEncipherment'] },
  'tls-server': { keyUsage: ['digitalSignature', 'keyEncipherment'], extKeyUsage: ['serverAuth'] },
}

/** A leaf certificate request. */
export interface LeafRequest extends IssueOptions {
  readonly profile: LeafProfile
  readonly commonName: string
  readonly organization?: string
  readonly key: RsaKeyPair
  /** Validity in days from `now`; capped at the issuing CA's own expiry. */
  readonly validityDays: number
  /** Only for `tls-server`. */
  readonly dnsNames?: readonly string[]
  readonly ipAddresses?: readonly string[]
}

/**
 * Issues a leaf from the sandbox's issuing CA: CA:false (critical), the profile's key usage,
 * SHA-256, subject and authority key identifiers.
 */
export function issueLeafCertificate(ca: SandboxCa, request: LeafRequest): IssuedCertificate {
  const issuerDer = Buffer.from(ca.intermediate.certificatePem.replace(/-----[^-]+-----|\s/g, ''), 'base64')
  const issuer = readCertificateStructure(issuerDer)
  const notAfter = Math.min(request.now + request.validityDays * DAY_MS, issuer.notAfter.getTime())
  const subject: NameAttribute[] = [
    ...(request.organization ? [{ shortName: 'O' as const, value: request.organization }] : []),
    { shortName: 'CN', value: request.commonName },
  ]
  const der = buildCertificate(
    {
      serialHex: serialOf(request),
      subject,
      issuer: issuer.subject,
      // Backdated a minute so a peer whose clock is slightly behind still accepts it.
      notBefore: new Date(request.now - 60_000),
      notAfter: new Date(notAfter),
      subjectPublicKey: request.key.publicKey,
      extensions: {
        basicConstraints: { ca: false },
        ...LEAF_EXTENSIONS[request.profile],
        ...(request.profile === 'tls-server'
          ? { subjectAltName: { dns: request.dnsNames ?? [], ip: request.ipAddresses ?? [] } }
          : {}),
        subjectKeyIdentifier: true,
        authorityKeyIdentifierHex: issuer.subjectKeyIdentifierHex,
      },
    },
    ca.intermediate.key.privateKey,
  )
  return { certificatePem: derToPem(der), key: request.key }
}

/** An Entra-style self-signed certificate request. */
export interface SelfSignedRequest extends IssueOptions {
  readonly key: RsaKeyPair
  readonly commonName?: string
  /** Expiry; Entra's default is exactly three years after issuance, to the second. */
  readonly notAfter?: number
}

/**
 * Issues a certificate shaped exactly like Entra's app signing certificate: self-signed,
 * X.509 v3 with no extensions, CN as PrintableString, SHA-256, 16-byte serial, valid for
 * exactly three years from the current second.
 */
export function issueEntraStyleCertificate(request: SelfSignedRequest): IssuedCertificate {
  const notBefore = new Date(Math.floor(request.now / 1000) * 1000)
  const notAfter = new Date(request.notAfter ?? addUtcYears(notBefore, 3).getTime())
  const name: NameAttribute[] = [{ shortName: 'CN', value: request.commonName ?? ENTRA_CERTIFICATE_NAME }]
  const der = buildCertificate(
    {
      serialHex: serialOf(request),
      subject: name,
      issuer: name,
      notBefore,
      notAfter,
      subjectPublicKey: request.key.publicKey,
      extensions: {},
    },
    request.key.privateKey,
  )
  return { certificatePem: derToPem(der), key: request.key }
}

/** Adds calendar years in UTC; Feb 29 becomes Feb 28 in a common year, as .NET's `AddYears` does. */
export function addUtcYears(date: Date, years: number): Date {
  const next = new Date(date.getTime())
  next.setUTCFullYear(next.getUTCFullYear() + years)
  if (next.getUTCDate() !== date.getUTCDate()) next.setUTCDate(0)
  return next
}
