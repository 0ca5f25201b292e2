/**
 * The only module that imports node-forge. node-forge builds and reads certificate structure;
 * every signature is made by `node:crypto` (forge's pure-JS RSA costs ~46 ms a signature,
 * native ~1 ms), and keys come in as native `KeyObject`s.
 */
import { type KeyObject, sign, X509Certificate } from 'node:crypto'
import forge from 'node-forge'

const { asn1, pki } = forge

/** forge exports `getTBSCertificate` at run time but its type definitions omit it. */
const getTbsCertificate = (
  pki as unknown as { getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1 }
).getTBSCertificate

/** One relative distinguished name attribute, e.g. `{ name: 'commonName', value: 'Sandbox Root CA' }`. */
export interface NameAttribute {
  readonly shortName: 'CN' | 'O' | 'OU' | 'C' | 'L' | 'ST'
  readonly value: string
}

/** The v3 extensions the sandbox PKI issues. An empty list gives a v3 certificate with none (Entra's shape). */
export interface ExtensionSpec {
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLen?: number }
  readonly keyUsage?: readonly KeyUsageBit[]
  readonly extKeyUsage?: readonly ('serverAuth' | 'clientAuth')[]
  readonly subjectAltName?: { readonly dns: readonly string[]; readonly ip: readonly string[] }
  /** Adds a subject key identifier (SHA-1 of the public key, RFC 5280 §4.2.1.2 method 1). */
  readonly subjectKeyIdentifier?: boolean
  /** Hex key identifier of the issuer, for the authority key identifier extension. */
  readonly authorityKeyIdentifierHex?: string
}

export type KeyUsageBit =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyCertSign'
  | 'cRLSign'

/** Everything needed to build and sign one certificate. */
export interface CertificateSpec {
  /** Hex serial number; must encode a positive integer (top bit of the first byte clear). */
  readonly serialHex: string
  readonly subject: readonly NameAttribute[]
  readonly issuer: readonly NameAttribute[]
  readonly notBefore: Date
  readonly notAfter: Date
  readonly subjectPublicKey: KeyObject
  readonly extensions: ExtensionSpec
  /** Signature digest; SHA-256 unless a test deliberately builds a weak certificate. */
  readonly digest?: 'sha256' | 'sha384' | 'sha512' | 'sha1' | 'md5'
  /** When a name is PrintableString-safe, Entra encodes it as PrintableString; forge's default too. */
  readonly utf8Names?: boolean
}

const SIGNATURE_OIDS: Record<NonNullable<CertificateSpec['digest']>, string> = {
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
  sha1: '1.2.840.113549.1.1.5',
  md5: '1.2.840.113549.1.1.4',
}

function toForgeAttributes(
  attributes: readonly NameAttribute[],
  utf8: boolean,
): forge.pki.CertificateField[] {
  return attributes.map((a) => ({
    shortName: a.shortName,
    value: a.value,
    ...(utf8 ? { valueTagClass: asn1.Type.UTF8 as unknown as forge.asn1.Class } : {}),
  }))
}

function toForgeExtensions(spec: ExtensionSpec): Record<string, unknown>[] {
  const extensions: Record<string, unknown>[] = []
  if (spec.basicConstraints) {
    extensions.push({
      name: 'basicConstraints',
      critical: true,
      cA: spec.basicConstraints.ca,
      ...(spec.basicConstraints.pathLen === undefined
        ? {}
        : { pathLenConstraint: spec.basicConstraints.pathLen }),
    })
  }
  if (spec.keyUsage) {
    const usage: Record<string, unknown> = { name: 'keyUsage', critical: true }
    for (const bit of spec.keyUsage) usage[bit] = true
    extensions.push(usage)
  }
  if (spec.extKeyUsage) {
    const usage: Record<string, unknown> = { name: 'extKeyUsage' }
    for (const purpose of spec.extKeyUsage) usage[purpose] = true
    extensions.push(usage)
  }
  if (spec.subjectAltName) {
    extensions.push({
      name: 'subjectAltName',
      altNames: [
        ...spec.subjectAltName.dns.map((value) => ({ type: 2, value })),
        ...spec.subjectAltName.ip.map((ip) => ({ type: 7, ip })),
      ],
    })
  }
  if (spec.subjectKeyIdentifier) extensions.push({ name: 'subjectKeyIdentifier' })
  if (spec.authorityKeyIdentifierHex) {
    extensions.push({
      name: 'authorityKeyIdentifier',
      keyIdentifier: forge.util.hexToBytes(spec.authorityKeyIdentifierHex),
    })
  }
  return extensions
}

/**
 * Builds the certificate described by `spec` and signs it natively with `issuerKey`.
 * Returns the DER bytes.
 */
export function buildCertificate(spec: CertificateSpec, issuerKey: KeyObject): Buffer {
  const digest = spec.digest ?? 'sha256'
  const cert = pki.createCertificate()
  cert.version = 2
  cert.serialNumber = spec.serialHex
  cert.validity.notBefore = spec.notBefore
  cert.validity.notAfter = spec.notAfter
  cert.setSubject(toForgeAttributes(spec.subject, spec.utf8Names ?? false))
  cert.setIssuer(toForgeAttributes(spec.issuer, spec.utf8Names ?? false))
  const spki = spec.subjectPublicKey.export({ type: 'spki', format: 'pem' }).toString()
  cert.publicKey = pki.publicKeyFromPem(spki)
  cert.setExtensions(toForgeExtensions(spec.extensions))

  const oid = SIGNATURE_OIDS[digest]
  cert.siginfo.algorithmOid = oid
  cert.signatureOid = oid
  const tbs = getTbsCertificate(cert)
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary')
  cert.tbsCertificate = tbs
  cert.signature = sign(digest, tbsDer, issuerKey).toString('binary')
  return Buffer.from(asn1.toDer(pki.certificateToAsn1(cert)).getBytes(), 'binary')
}

/** The structural facts about a certificate that chain validation and the UIs need. */
export interface CertificateStructure {
  /** 1, 2 or 3, as printed by openssl (`Version: 3`). */
  readonly version: number
  readonly serialHex: string
  readonly subject: readonly NameAttribute[]
  readonly issuer: readonly NameAttribute[]
  /** The ASN.1 string type of each subject attribute (19 = PrintableString, 12 = UTF8String). */
  readonly subjectValueTags: readonly number[]
  readonly notBefore: Date
  readonly notAfter: Date
  readonly signatureAlgorithm: string
  readonly publicKeyAlgorithm: 'rsa' | 'other'
  readonly publicKeyBits: number
  readonly extensions: readonly ExtensionFact[]
  readonly basicConstraints: { readonly ca: boolean; readonly pathLen: number | undefined } | undefined
  readonly keyUsage: readonly KeyUsageBit[] | undefined
  readonly subjectKeyIdentifierHex: string | undefined
  readonly authorityKeyIdentifierHex: string | undefined
}

/** One extension as found in the certificate. */
export interface ExtensionFact {
  readonly oid: string
  readonly name: string
  readonly critical: boolean
}

const KEY_USAGE_BITS: readonly KeyUsageBit[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyCertSign',
  'cRLSign',
]

const SIGNATURE_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
}

function readAttributes(fields: forge.pki.CertificateField[]): NameAttribute[] {
  return fields
    .filter((f) => typeof f.value === 'string')
    .map((f) => ({
      shortName: (f.shortName ?? f.name ?? f.type) as NameAttribute['shortName'],
      value: String(f.value),
    }))
}

/**
 * Reads a certificate's structure without trusting it. Works for any certificate forge can
 * decode; EC certificates (which forge cannot read as keys) are reported with
 * `publicKeyAlgorithm: 'other'` instead of throwing, so chain validation can refuse them by name.
 */
export function readCertificateStructure(der: Buffer): CertificateStructure {
  const asn = asn1.fromDer(der.toString('binary'))
  let cert: forge.pki.Certificate
  try {
    cert = pki.certificateFromAsn1(asn)
  } catch (error) {
    // forge reads RSA keys only ("OID is not RSA"); describe other certificates natively.
    if (String((error as Error).message).includes('OID is not RSA')) return describeNonRsa(der)
    throw error
  }
  const publicKeyAlgorithm = 'rsa' as const
  const publicKeyBits = (cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength()
  const rawExtensions = cert.extensions as Array<Record<string, unknown>>
  const basic = rawExtensions.find((e) => e.name === 'basicConstraints')
  const usage = rawExtensions.find((e) => e.name === 'keyUsage')
  const ski = rawExtensions.find((e) => e.name === 'subjectKeyIdentifier')
  const aki = rawExtensions.find((e) => e.name === 'authorityKeyIdentifier')
  const tbs = (asn.value as forge.asn1.Asn1[])[0]
  const versionWrapped = ((tbs?.value as forge.asn1.Asn1[]) ?? [])[0]
  const hasExplicitVersion = versionWrapped?.tagClass === asn1.Class.CONTEXT_SPECIFIC
  return {
    version: hasExplicitVersion ? cert.version + 1 : 1,
    serialHex: cert.serialNumber,
    subject: readAttributes(cert.subject.attributes),
    issuer: readAttributes(cert.issuer.attributes),
    subjectValueTags: cert.subject.attributes.map((a) => Number(a.valueTagClass)),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    signatureAlgorithm: SIGNATURE_NAMES[cert.signatureOid ?? ''] ?? cert.signatureOid ?? 'unknown',
    publicKeyAlgorithm,
    publicKeyBits,
    extensions: rawExtensions.map((e) => ({
      oid: String(e.id),
      name: String(e.name ?? e.id),
      critical: e.critical === true,
    })),
    basicConstraints: basic
      ? {
          ca: basic.cA === true,
          pathLen: typeof basic.pathLenConstraint === 'number' ? basic.pathLenConstraint : undefined,
        }
      : undefined,
    keyUsage: usage ? KEY_USAGE_BITS.filter((bit) => usage[bit] === true) : undefined,
    subjectKeyIdentifierHex:
      typeof ski?.subjectKeyIdentifier === 'string' ? ski.subjectKeyIdentifier : undefined,
    authorityKeyIdentifierHex: typeof aki?.value === 'string' ? readAuthorityKeyId(aki.value) : undefined,
  }
}

/** forge does not decode this extension on read: AuthorityKeyIdentifier ::= SEQUENCE { [0] keyIdentifier … }. */
function readAuthorityKeyId(extensionValueDer: string): string | undefined {
  const sequence = asn1.fromDer(extensionValueDer)
  const keyIdentifier = (sequence.value as forge.asn1.Asn1[]).find(
    (part) => part.tagClass === asn1.Class.CONTEXT_SPECIFIC && part.type === 0,
  )
  return typeof keyIdentifier?.value === 'string' ? forge.util.bytesToHex(keyIdentifier.value) : undefined
}

function describeNonRsa(der: Buffer): CertificateStructure {
  const x509 = new X509Certificate(der)
  const names = (dn: string): NameAttribute[] =>
    dn.split('\n').flatMap((line) => {
      const [key, ...rest] = line.split('=')
      return key ? [{ shortName: key as NameAttribute['shortName'], value: rest.join('=') }] : []
    })
  return {
    version: 3,
    serialHex: x509.serialNumber.toLowerCase(),
    subject: names(x509.subject),
    issuer: names(x509.issuer),
    subjectValueTags: [],
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    signatureAlgorithm: 'unknown',
    publicKeyAlgorithm: 'other',
    publicKeyBits: 0,
    extensions: [],
    basicConstraints: x509.ca ? { ca: true, pathLen: undefined } : undefined,
    keyUsage: undefined,
    subjectKeyIdentifierHex: undefined,
    authorityKeyIdentifierHex: undefined,
  }
}

/** The extensions node-forge understands; any other critical extension makes a certificate unusable. */
export const UNDERSTOOD_EXTENSION_NAMES: ReadonlySet<string> = new Set([
  'basicConstraints',
  'keyUsage',
  'extKeyUsage',
  'subjectAltName',
  'subjectKeyIdentifier',
  'authorityKeyIdentifier',
])

/** A certificate and its private key (PKCS#8), both PEM, as read from a PFX file. */
export interface Pkcs12Contents {
  readonly certificatePem: string
  readonly privateKeyPem: string
}

/**
 * Reads a PFX / PKCS#12 file ("Import Certificate": PFX + "PFX Password"): its first certificate
 * and first private key. Answers a sentence for a person when it cannot.
 */
export function readPkcs12(pfx: Buffer, password: string): Pkcs12Contents | { readonly error: string } {
  let p12: forge.pkcs12.Pkcs12Pfx
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1.fromDer(pfx.toString('binary')), password)
  } catch {
    return { error: 'The file is not a PFX file, or the PFX Password is wrong.' }
  }
  const { certBag, pkcs8ShroudedKeyBag, keyBag } = pki.oids as Record<string, string>
  const bagsOf = (bagType: string | undefined) => (bagType ? (p12.getBags({ bagType })[bagType] ?? []) : [])
  const certificate = bagsOf(certBag)[0]?.cert
  const key = [...bagsOf(pkcs8ShroudedKeyBag), ...bagsOf(keyBag)][0]?.key
  if (!certificate) return { error: 'The PFX file holds no certificate.' }
  if (!key) return { error: 'The PFX file holds no private key: export it with its private key.' }
  const rsaKey = key as forge.pki.rsa.PrivateKey
  const pkcs8 = pki.wrapRsaPrivateKey(pki.privateKeyToAsn1(rsaKey))
  return {
    certificatePem: pki.certificateToPem(certificate),
    privateKeyPem: pki.privateKeyInfoToPem(pkcs8),
  }
}

/** Builds a PFX file of `certificatePem` and its RSA `privateKeyPem` (tests and exports). */
export function buildPkcs12(certificatePem: string, privateKeyPem: string, password: string): Buffer {
  const p12 = forge.pkcs12.toPkcs12Asn1(
    pki.privateKeyFromPem(privateKeyPem),
    [pki.certificateFromPem(certificatePem)],
    password,
    { algorithm: '3des' },
  )
  return Buffer.from(asn1.toDer(p12).getBytes(), 'binary')
}
