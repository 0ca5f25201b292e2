import { execFileSync } from 'node:child_process'
import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { testKeys } from '../../../../test/support/test-runtime'
import { certificateToDer } from './certificate'
import {
  createSandboxCa,
  issueEntraStyleCertificate,
  issueLeafCertificate,
  randomSerialHex,
  type SandboxCa,
} from './certificate-authority'
import {
  type CertificateProblem,
  checkStandaloneCertificate,
  validateCertificateChain,
} from './chain-validation'
import { keyPairFromPem, type RsaKeyPair } from './keys'
import { buildCertificate, type CertificateSpec, readCertificateStructure } from './x509'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 10, 28, 12)
let ca: SandboxCa
let keys: RsaKeyPair[]
let leafDer: Buffer
let rootDer: Buffer
let intermediateDer: Buffer

const der = (pem: string): Buffer => certificateToDer(pem) as Buffer

beforeAll(async () => {
  keys = await testKeys()
  ca = createSandboxCa(keys[0] as RsaKeyPair, keys[1] as RsaKeyPair, { now: NOW })
  rootDer = der(ca.root.certificatePem)
  intermediateDer = der(ca.intermediate.certificatePem)
  leafDer = der(
    issueLeafCertificate(ca, {
      profile: 'saml-signing',
      commonName: 'idp',
      key: keys[2] as RsaKeyPair,
      validityDays: 365,
      now: NOW,
    }).certificatePem,
  )
})

/** A leaf signed directly by the issuing CA with a hand-made spec (for the broken variants). */
/** A certificate the sandbox root signs for keys[4] with these extensions: a would-be issuer. */
function issuerUnderRoot(commonName: string, extensions: CertificateSpec['extensions']): Buffer {
  const root = readCertificateStructure(rootDer)
  return buildCertificate(
    {
      serialHex: randomSerialHex(),
      subject: [{ shortName: 'CN', value: commonName }],
      issuer: root.subject,
      notBefore: new Date(NOW - DAY),
      notAfter: new Date(NOW + 30 * DAY),
      subjectPublicKey: (keys[4] as RsaKeyPair).publicKey,
      extensions: {
        ...extensions,
        subjectKeyIdentifier: true,
        authorityKeyIdentifierHex: root.subjectKeyIdentifierHex,
      },
    },
    ca.root.key.privateKey,
  )
}

/**
 * Validates a leaf that the would-be issuer `issuerDer` (keys[4]) signed with these extensions,
 * offered with that issuer, against the sandbox root: it must be refused with `code`.
 */
function expectRefusedThrough(
  issuerDer: Buffer,
  leafExtensions: CertificateSpec['extensions'],
  code: CertificateProblem,
): void {
  const issuer = readCertificateStructure(issuerDer)
  const leaf = leafWith(
    {
      issuer: issuer.subject,
      extensions: {
        basicConstraints: { ca: false },
        ...leafExtensions,
        authorityKeyIdentifierHex: issuer.subjectKeyIdentifierHex,
      },
    },
    keys[4] as RsaKeyPair,
  )
  expectRefusal(
    validateCertificateChain({ leaf, intermediates: [issuerDer], anchors: [rootDer], at: NOW }),
    code,
  )
}

function leafWith(overrides: Partial<CertificateSpec>, signer: RsaKeyPair = ca.intermediate.key): Buffer {
  const issuer = readCertificateStructure(intermediateDer)
  return buildCertificate(
    {
      serialHex: randomSerialHex(),
      subject: [{ shortName: 'CN', value: 'broken leaf' }],
      issuer: issuer.subject,
      notBefore: new Date(NOW - DAY),
      notAfter: new Date(NOW + 30 * DAY),
      subjectPublicKey: (keys[2] as RsaKeyPair).publicKey,
      extensions: {
        basicConstraints: { ca: false },
        keyUsage: ['digitalSignature'],
        authorityKeyIdentifierHex: issuer.subjectKeyIdentifierHex,
      },
      ...overrides,
    },
    signer.privateKey,
  )
}

function expectRefusal(result: ReturnType<typeof validateCertificateChain>, code: CertificateProblem): void {
  expect(result).toMatchObject({ ok: false, error: { code } })
  if (!result.ok) {
    expect(result.error.certificate).toMatch(/thumbprint [0-9A-F]{40}|signing certificate/)
    expect(result.error.reason.length).toBeGreaterThan(10)
  }
}

describe('validateCertificateChain (Require certificate signed by a CA)', () => {
  it('accepts a CA-issued leaf with the issuing CA offered and the root trusted', () => {
    const result = validateCertificateChain({
      leaf: leafDer,
      intermediates: [intermediateDer],
      anchors: [rootDer],
      at: NOW,
    })
    expect(result.ok && result.value.path.length).toBe(3)
  })

  it('refuses a self-signed certificate even when it is pasted into the trust store', () => {
    const self = der(issueEntraStyleCertificate({ key: keys[3] as RsaKeyPair, now: NOW }).certificatePem)
    expectRefusal(
      validateCertificateChain({ leaf: self, intermediates: [], anchors: [rootDer], at: NOW }),
      'CERT_SELF_SIGNED',
    )
    expectRefusal(
      validateCertificateChain({ leaf: self, intermediates: [], anchors: [rootDer, self], at: NOW }),
      'CERT_IS_TRUST_ANCHOR',
    )
  })

  it('calls a self-signed certificate self-signed even when its keyUsage lacks keyCertSign', () => {
    // Node's checkIssued needs keyCertSign in keyUsage, so this one once passed as "issued by
    // someone not in the trust store" (CHAIN_UNTRUSTED).
    const key = keys[3] as RsaKeyPair
    const name = [{ shortName: 'CN' as const, value: 'idp.example.org' }]
    const namedAsOwnIssuer = (extensions: CertificateSpec['extensions'], signer = key): Buffer =>
      buildCertificate(
        {
          serialHex: randomSerialHex(),
          subject: name,
          issuer: name,
          notBefore: new Date(NOW - DAY),
          notAfter: new Date(NOW + 365 * DAY),
          subjectPublicKey: key.publicKey,
          extensions,
        },
        signer.privateKey,
      )
    for (const extensions of [
      { keyUsage: ['digitalSignature'] as const },
      { basicConstraints: { ca: false }, keyUsage: ['digitalSignature', 'keyEncipherment'] as const },
      { keyUsage: ['digitalSignature'] as const, subjectKeyIdentifier: true },
    ]) {
      const leaf = namedAsOwnIssuer({ ...extensions, keyUsage: [...extensions.keyUsage] })
      expect(readCertificateStructure(leaf).keyUsage).not.toContain('keyCertSign')
      expectRefusal(
        validateCertificateChain({ leaf, intermediates: [intermediateDer], anchors: [rootDer], at: NOW }),
        'CERT_SELF_SIGNED',
      )
    }
    // Named as its own issuer but signed by another key: not self-signed, and no issuer found.
    const selfIssued = namedAsOwnIssuer({ keyUsage: ['digitalSignature'] }, keys[4] as RsaKeyPair)
    expectRefusal(
      validateCertificateChain({ leaf: selfIssued, intermediates: [], anchors: [rootDer], at: NOW }),
      'CHAIN_UNTRUSTED',
    )
  })

  it('refuses an issuer whose keyUsage lacks keyCertSign as such, not as a missing issuer', () => {
    const cannotSign = issuerUnderRoot('Signs documents only', {
      basicConstraints: { ca: true, pathLen: 0 },
      keyUsage: ['digitalSignature'],
    })
    expectRefusedThrough(cannotSign, { keyUsage: ['digitalSignature'] }, 'ISSUER_CANNOT_SIGN_CERTIFICATES')
  })

  it('builds the path through a known intermediate when only the leaf is offered, telling same-named CAs apart', () => {
    const other = createSandboxCa(keys[5] as RsaKeyPair, keys[6] as RsaKeyPair, { now: NOW })
    const otherLeaf = der(
      issueLeafCertificate(other, {
        profile: 'saml-signing',
        commonName: 'idp',
        key: keys[2] as RsaKeyPair,
        validityDays: 30,
        now: NOW,
      }).certificatePem,
    )
    const otherIntermediate = der(other.intermediate.certificatePem)
    const anchors = [rootDer, der(other.root.certificatePem)]
    // Both issuing CAs carry the same name; only the key identifier and the signature tell them apart.
    const both = validateCertificateChain({
      leaf: otherLeaf,
      intermediates: [intermediateDer, otherIntermediate],
      anchors,
      at: NOW,
    })
    expect(both.ok && both.value.path.map((c) => c.fingerprint256)).toEqual(
      [otherLeaf, otherIntermediate, der(other.root.certificatePem)].map(
        (d) => new X509Certificate(d).fingerprint256,
      ),
    )
    const missing = validateCertificateChain({
      leaf: otherLeaf,
      intermediates: [intermediateDer],
      anchors,
      at: NOW,
    })
    expectRefusal(missing, 'CHAIN_UNTRUSTED')
    const keyId = readCertificateStructure(otherIntermediate).subjectKeyIdentifierHex?.toUpperCase()
    expect(missing).toMatchObject({
      error: {
        missingIssuer: `O=SSO Rehearsal Sandbox, CN=SSO Rehearsal Sandbox Issuing CA, key identifier ${keyId}`,
      },
    })
  })

  it('refuses a CA certificate presented as the signing certificate', () => {
    expectRefusal(
      validateCertificateChain({ leaf: intermediateDer, intermediates: [], anchors: [rootDer], at: NOW }),
      'CERT_IS_CA',
    )
  })

  it('refuses a chain through an issuer without basicConstraints (CVE-2026-33896)', () => {
    const fakeCa = issuerUnderRoot('Not a CA', {})
    expectRefusedThrough(fakeCa, {}, 'ISSUER_NOT_CA')
  })

  it('refuses an untrusted root, with the missing issuer named', () => {
    const other = createSandboxCa(keys[5] as RsaKeyPair, keys[6] as RsaKeyPair, { now: NOW })
    const result = validateCertificateChain({
      leaf: leafDer,
      intermediates: [intermediateDer],
      anchors: [der(other.root.certificatePem)],
      at: NOW,
    })
    expectRefusal(result, 'CHAIN_UNTRUSTED')
    if (!result.ok) expect(result.error.reason).toContain('SSO Rehearsal Sandbox Root CA')
  })

  it('refuses an expired and a not-yet-valid certificate, at import and at any later instant', () => {
    expectRefusal(
      validateCertificateChain({
        leaf: leafDer,
        intermediates: [intermediateDer],
        anchors: [rootDer],
        at: NOW + 400 * DAY,
      }),
      'CERT_EXPIRED',
    )
    expectRefusal(
      validateCertificateChain({
        leaf: leafDer,
        intermediates: [intermediateDer],
        anchors: [rootDer],
        at: NOW - 2 * DAY,
      }),
      'CERT_NOT_YET_VALID',
    )
  })

  it('refuses a leaf whose keyUsage lacks digitalSignature', () => {
    const leaf = leafWith({ extensions: { basicConstraints: { ca: false }, keyUsage: ['keyEncipherment'] } })
    expectRefusal(
      validateCertificateChain({ leaf, intermediates: [intermediateDer], anchors: [rootDer], at: NOW }),
      'LEAF_CANNOT_SIGN',
    )
  })

  it.each(['md5', 'sha1'] as const)('refuses a certificate signed with %s', (digest) => {
    expectRefusal(
      validateCertificateChain({
        leaf: leafWith({ digest }),
        intermediates: [intermediateDer],
        anchors: [rootDer],
        at: NOW,
      }),
      'WEAK_SIGNATURE_ALGORITHM',
    )
  })

  it('refuses an RSA-1024 key', () => {
    const small = keyPairFromPem(
      generateKeyPairSync('rsa', { modulusLength: 1024 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    )
    expectRefusal(
      validateCertificateChain({
        leaf: leafWith({ subjectPublicKey: small.publicKey }),
        intermediates: [intermediateDer],
        anchors: [rootDer],
        at: NOW,
      }),
      'KEY_TOO_SMALL',
    )
  })

  it('refuses an EC certificate with a clear reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec-'))
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
        '-subj',
        '/CN=ec',
        '-days',
        '2',
      ],
      { stdio: 'ignore' },
    )
    const ec = der(readFileSync(join(dir, 'c.pem'), 'utf8'))
    expectRefusal(checkStandaloneCertificate(ec, Date.now()), 'UNSUPPORTED_KEY_TYPE')
  })

  it('refuses garbage as NOT_A_CERTIFICATE', () => {
    expectRefusal(
      validateCertificateChain({ leaf: Buffer.from('nope'), intermediates: [], anchors: [rootDer], at: NOW }),
      'NOT_A_CERTIFICATE',
    )
  })
})

describe('checkStandaloneCertificate (Allow self-signed certificate, less secure)', () => {
  it('accepts Entra-shaped self-signed certificates within validity only', () => {
    const self = der(issueEntraStyleCertificate({ key: keys[3] as RsaKeyPair, now: NOW }).certificatePem)
    expect(checkStandaloneCertificate(self, NOW + DAY).ok).toBe(true)
    expect(checkStandaloneCertificate(self, NOW + 4 * 365 * DAY)).toMatchObject({
      ok: false,
      error: { code: 'CERT_EXPIRED' },
    })
  })
})
