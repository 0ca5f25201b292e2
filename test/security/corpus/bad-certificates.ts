import { execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  certificateToDer,
  createSandboxCa,
  issueEntraStyleCertificate,
  issueLeafCertificate,
  keyPairFromPem,
  type RsaKeyPair,
  randomSerialHex,
  type SandboxCa,
} from '@sandbox/shared'
import {
  buildCertificate,
  type CertificateSpec,
  readCertificateStructure,
} from '../../../packages/shared/src/pki/x509'
import { testKeys } from '../../support/test-runtime'

/**
 * Signing certificates the CA-signed trust mode must refuse (a CA used as signer, an issuer without
 * basicConstraints, an untrusted root, validity, keyUsage, weak signatures and keys), each issued
 * with the sandbox's own CA (the one the SP trusts), so that only the named defect is wrong.
 * Each entry: the certificates to put in the metadata's X509Data (signing leaf first) and the
 * refusal code expected.
 */
export interface BadCertificate {
  readonly name: string
  readonly x509Data: readonly Buffer[]
  readonly code: string
}

const DAY = 86_400_000
const der = (pem: string): Buffer => certificateToDer(pem) as Buffer

export async function badCertificates(ca: SandboxCa, now: number): Promise<BadCertificate[]> {
  const keys = await testKeys()
  const key = keys[5] as RsaKeyPair
  const intermediateDer = der(ca.intermediate.certificatePem)
  const intermediate = readCertificateStructure(intermediateDer)
  const leafWith = (overrides: Partial<CertificateSpec>, signer = ca.intermediate.key): Buffer =>
    buildCertificate(
      {
        serialHex: randomSerialHex(),
        subject: [{ shortName: 'CN', value: 'Broken IdP signing' }],
        issuer: intermediate.subject,
        notBefore: new Date(now - DAY),
        notAfter: new Date(now + 30 * DAY),
        subjectPublicKey: key.publicKey,
        extensions: {
          basicConstraints: { ca: false },
          keyUsage: ['digitalSignature'],
          authorityKeyIdentifierHex: intermediate.subjectKeyIdentifierHex,
        },
        ...overrides,
      },
      signer.privateKey,
    )

  // An "intermediate" with neither basicConstraints nor keyUsage, issued by the real issuing CA.
  const fakeCaKey = keys[6] as RsaKeyPair
  const fakeCa = buildCertificate(
    {
      serialHex: randomSerialHex(),
      subject: [{ shortName: 'CN', value: 'Not a CA' }],
      issuer: intermediate.subject,
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 30 * DAY),
      subjectPublicKey: fakeCaKey.publicKey,
      extensions: {
        subjectKeyIdentifier: true,
        authorityKeyIdentifierHex: intermediate.subjectKeyIdentifierHex,
      },
    },
    ca.intermediate.key.privateKey,
  )
  const fakeStructure = readCertificateStructure(fakeCa)
  const throughFakeCa = leafWith(
    {
      issuer: fakeStructure.subject,
      extensions: {
        basicConstraints: { ca: false },
        keyUsage: ['digitalSignature'],
        authorityKeyIdentifierHex: fakeStructure.subjectKeyIdentifierHex,
      },
    },
    fakeCaKey,
  )

  // A CA (basicConstraints CA:TRUE) whose keyUsage allows signing documents but not certificates.
  const documentSignerKey = keys[4] as RsaKeyPair
  const documentSigner = buildCertificate(
    {
      serialHex: randomSerialHex(),
      subject: [{ shortName: 'CN', value: 'Signs documents only' }],
      issuer: intermediate.subject,
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 30 * DAY),
      subjectPublicKey: documentSignerKey.publicKey,
      extensions: {
        basicConstraints: { ca: true, pathLen: 0 },
        keyUsage: ['digitalSignature'],
        subjectKeyIdentifier: true,
        authorityKeyIdentifierHex: intermediate.subjectKeyIdentifierHex,
      },
    },
    ca.intermediate.key.privateKey,
  )
  const documentSignerStructure = readCertificateStructure(documentSigner)
  const throughDocumentSigner = leafWith(
    {
      issuer: documentSignerStructure.subject,
      extensions: {
        basicConstraints: { ca: false },
        keyUsage: ['digitalSignature'],
        authorityKeyIdentifierHex: documentSignerStructure.subjectKeyIdentifierHex,
      },
    },
    documentSignerKey,
  )

  const foreignCa = createSandboxCa(keys[6] as RsaKeyPair, keys[7] as RsaKeyPair, { now })
  const foreignLeaf = issueLeafCertificate(foreignCa, {
    profile: 'saml-signing',
    commonName: 'Foreign IdP signing',
    key,
    validityDays: 30,
    now,
  })
  const small = generateKeyPairSync('rsa', { modulusLength: 1024 })
  return [
    { name: 'ca-certificate-as-signing-certificate', x509Data: [intermediateDer], code: 'CERT_IS_CA' },
    {
      name: 'intermediate-without-basic-constraints',
      x509Data: [throughFakeCa, fakeCa, intermediateDer],
      code: 'ISSUER_NOT_CA',
    },
    {
      name: 'issuer-without-key-cert-sign',
      x509Data: [throughDocumentSigner, documentSigner],
      code: 'ISSUER_CANNOT_SIGN_CERTIFICATES',
    },
    {
      name: 'untrusted-root',
      x509Data: [der(foreignLeaf.certificatePem), der(foreignCa.intermediate.certificatePem)],
      code: 'CHAIN_UNTRUSTED',
    },
    {
      name: 'expired',
      x509Data: [
        leafWith({ notBefore: new Date(now - 30 * DAY), notAfter: new Date(now - DAY) }),
        intermediateDer,
      ],
      code: 'CERT_EXPIRED',
    },
    {
      name: 'not-yet-valid',
      x509Data: [
        leafWith({ notBefore: new Date(now + DAY), notAfter: new Date(now + 30 * DAY) }),
        intermediateDer,
      ],
      code: 'CERT_NOT_YET_VALID',
    },
    {
      name: 'no-digital-signature-key-usage',
      x509Data: [
        leafWith({ extensions: { basicConstraints: { ca: false }, keyUsage: ['keyEncipherment'] } }),
        intermediateDer,
      ],
      code: 'LEAF_CANNOT_SIGN',
    },
    {
      name: 'sha1-signed',
      x509Data: [leafWith({ digest: 'sha1' }), intermediateDer],
      code: 'WEAK_SIGNATURE_ALGORITHM',
    },
    {
      name: 'md5-signed',
      x509Data: [leafWith({ digest: 'md5' }), intermediateDer],
      code: 'WEAK_SIGNATURE_ALGORITHM',
    },
    {
      name: 'rsa-1024',
      x509Data: [leafWith({ subjectPublicKey: small.publicKey }), intermediateDer],
      code: 'KEY_TOO_SMALL',
    },
    { name: 'ec-p256', x509Data: [ecLeafFrom(ca), intermediateDer], code: 'UNSUPPORTED_KEY_TYPE' },
  ]
}

/** An Entra-shaped self-signed certificate, as the real Entra signs with. */
export async function selfSignedCertificate(now: number): Promise<Buffer> {
  const keys = await testKeys()
  return der(issueEntraStyleCertificate({ key: keys[5] as RsaKeyPair, now }).certificatePem)
}

/**
 * A self-signed certificate whose keyUsage is digitalSignature alone, as `openssl req -x509`
 * with a signing-only profile or many IdPs' generated keys make: self-signed, though Node's
 * `checkIssued` does not see it so (it wants keyCertSign).
 */
export async function selfSignedWithoutKeyCertSign(now: number): Promise<Buffer> {
  const keys = await testKeys()
  const key = keys[5] as RsaKeyPair
  const name = [{ shortName: 'CN' as const, value: 'idp.example.org' }]
  return buildCertificate(
    {
      serialHex: randomSerialHex(),
      subject: name,
      issuer: name,
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
      subjectPublicKey: key.publicKey,
      extensions: {
        basicConstraints: { ca: false },
        keyUsage: ['digitalSignature'],
        subjectKeyIdentifier: true,
      },
    },
    key.privateKey,
  )
}

/** An EC P-256 leaf issued by the sandbox's issuing CA (node-forge cannot build EC; openssl can). */
function ecLeafFrom(ca: SandboxCa): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ec-leaf-'))
  const path = (name: string): string => join(dir, name)
  writeFileSync(path('ca.pem'), ca.intermediate.certificatePem)
  writeFileSync(path('ca.key'), keyPairFromPem(ca.intermediate.key.privateKeyPem).privateKeyPem)
  writeFileSync(path('ext.cnf'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=digitalSignature\n')
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' })
  }
  run(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', path('ec.key')])
  run(['req', '-new', '-key', path('ec.key'), '-subj', '/CN=EC IdP signing', '-out', path('ec.csr')])
  run([
    'x509',
    '-req',
    '-in',
    path('ec.csr'),
    '-CA',
    path('ca.pem'),
    '-CAkey',
    path('ca.key'),
    '-CAcreateserial',
    '-days',
    '30',
    '-sha256',
    '-extfile',
    path('ext.cnf'),
    '-out',
    path('ec.pem'),
  ])
  return der(readFileSync(path('ec.pem'), 'utf8'))
}
