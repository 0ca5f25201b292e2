import { execFileSync } from 'node:child_process'
import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readRealFixture, TERCEN_CERTIFICATE } from '../../../../test/support/real-fixtures'
import { testKeys } from '../../../../test/support/test-runtime'
import { summarizeCertificate } from './certificate'
import {
  createSandboxCa,
  issueEntraStyleCertificate,
  issueLeafCertificate,
  type SandboxCa,
} from './certificate-authority'
import { keyPairFromPem, type RsaKeyPair } from './keys'
import { readCertificateStructure } from './x509'

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0)
let ca: SandboxCa
let keys: RsaKeyPair[]

beforeAll(async () => {
  keys = await testKeys()
  ca = createSandboxCa(keys[0] as RsaKeyPair, keys[1] as RsaKeyPair, { now: NOW })
})

const structureOf = (pem: string) => readCertificateStructure(summarizeCertificate(pem).der)

function opensslVerify(leafPem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pki-'))
  writeFileSync(join(dir, 'root.pem'), ca.root.certificatePem)
  writeFileSync(join(dir, 'intermediate.pem'), ca.intermediate.certificatePem)
  writeFileSync(join(dir, 'leaf.pem'), leafPem)
  const at = String(Math.floor(NOW / 1000) + 3600)
  return execFileSync(
    'openssl',
    [
      'verify',
      '-attime',
      at,
      '-CAfile',
      join(dir, 'root.pem'),
      '-untrusted',
      join(dir, 'intermediate.pem'),
      join(dir, 'leaf.pem'),
    ],
    {
      encoding: 'utf8',
    },
  ).trim()
}

describe('sandbox CA', () => {
  it('makes a root with CA:true, pathLen 1 and keyCertSign, and an issuing CA with pathLen 0', () => {
    const root = structureOf(ca.root.certificatePem)
    const intermediate = structureOf(ca.intermediate.certificatePem)
    expect(root.basicConstraints).toEqual({ ca: true, pathLen: 1 })
    expect(root.keyUsage).toEqual(['keyCertSign', 'cRLSign'])
    expect(root.extensions.find((e) => e.name === 'basicConstraints')?.critical).toBe(true)
    expect(intermediate.basicConstraints).toEqual({ ca: true, pathLen: 0 })
    expect(intermediate.authorityKeyIdentifierHex).toBe(root.subjectKeyIdentifierHex)
    expect(root.signatureAlgorithm).toBe('sha256WithRSAEncryption')
  })

  it.each([
    ['saml-signing', ['digitalSignature'], undefined],
    ['saml-encryption', ['keyEncipherment', 'dataEncipherment'], undefined],
    ['tls-server', ['digitalSignature', 'keyEncipherment'], '1.3.6.1.5.5.7.3.1'],
  ] as const)(
    'issues %s leaves with CA:false, their key usage, key identifiers, SHA-256, verified by openssl and node:crypto',
    (profile, usage, eku) => {
      const leaf = issueLeafCertificate(ca, {
        profile,
        commonName: 'leaf',
        key: keys[2] as RsaKeyPair,
        validityDays: 365,
        now: NOW,
        dnsNames: ['localhost'],
        ipAddresses: ['127.0.0.1'],
      })
      const s = structureOf(leaf.certificatePem)
      expect(s.version).toBe(3)
      expect(s.basicConstraints).toEqual({ ca: false, pathLen: undefined })
      expect(s.keyUsage).toEqual(usage)
      expect(s.subjectKeyIdentifierHex).toMatch(/^[0-9a-f]{40}$/)
      expect(s.authorityKeyIdentifierHex).toBe(
        structureOf(ca.intermediate.certificatePem).subjectKeyIdentifierHex,
      )
      expect(s.signatureAlgorithm).toBe('sha256WithRSAEncryption')
      expect(s.publicKeyBits).toBe(2048)
      expect(s.notAfter.getTime() - s.notBefore.getTime()).toBe(365 * 86_400_000 + 60_000)
      const x509 = new X509Certificate(leaf.certificatePem)
      expect(x509.keyUsage ?? []).toEqual(eku ? [eku] : [])
      if (profile === 'tls-server') expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1')
      const issuer = new X509Certificate(ca.intermediate.certificatePem)
      const root = new X509Certificate(ca.root.certificatePem)
      expect(x509.checkIssued(issuer) && x509.verify(issuer.publicKey)).toBe(true)
      expect(issuer.checkIssued(root) && issuer.verify(root.publicKey)).toBe(true)
      expect(issuer.ca && root.ca).toBe(true)
      expect(opensslVerify(leaf.certificatePem)).toMatch(/: OK$/)
    },
  )

  it('issues 3072- and 4096-bit leaves when given such keys', () => {
    for (const bits of [3072, 4096]) {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits })
      const key = keyPairFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
      const leaf = issueLeafCertificate(ca, {
        profile: 'saml-signing',
        commonName: 'big',
        key,
        validityDays: 30,
        now: NOW,
      })
      expect(structureOf(leaf.certificatePem).publicKeyBits).toBe(bits)
    }
  })

  it('caps a leaf at the issuing CA expiry', () => {
    const leaf = issueLeafCertificate(ca, {
      profile: 'saml-signing',
      commonName: 'long',
      key: keys[2] as RsaKeyPair,
      validityDays: 99_999,
      now: NOW,
    })
    expect(structureOf(leaf.certificatePem).notAfter).toEqual(
      structureOf(ca.intermediate.certificatePem).notAfter,
    )
  })
})

describe('Entra-style self-signed certificate', () => {
  it('matches the real Entra app signing certificate field by field', () => {
    const real = structureOf(readRealFixture(TERCEN_CERTIFICATE))
    const ours = structureOf(
      issueEntraStyleCertificate({ key: keys[3] as RsaKeyPair, now: NOW + 123 }).certificatePem,
    )
    const shape = (s: typeof real) => ({
      version: s.version,
      subject: s.subject,
      issuer: s.issuer,
      subjectValueTags: s.subjectValueTags,
      signatureAlgorithm: s.signatureAlgorithm,
      publicKeyAlgorithm: s.publicKeyAlgorithm,
      publicKeyBits: s.publicKeyBits,
      extensions: s.extensions,
      serialBytes: s.serialHex.length / 2,
      validityMs: s.notAfter.getTime() - s.notBefore.getTime(),
      wholeSeconds: s.notBefore.getTime() % 1000,
    })
    expect(shape(ours)).toEqual(shape(real))
    expect(ours.extensions).toEqual([])
    expect(ours.notBefore.getTime()).toBe(NOW)
  })

  it('has the same DER size as the real one and is self-signed (verifies with its own key)', () => {
    const pem = issueEntraStyleCertificate({ key: keys[3] as RsaKeyPair, now: NOW }).certificatePem
    const ours = new X509Certificate(pem)
    expect(ours.raw.length).toBe(new X509Certificate(readRealFixture(TERCEN_CERTIFICATE)).raw.length)
    expect(ours.checkIssued(ours) && ours.verify(ours.publicKey)).toBe(true)
    expect(ours.ca).toBe(false)
  })
})

describe('certificate export', () => {
  it('exports PEM, DER and Base64 with an uppercase SHA-1 thumbprint like Entra shows', () => {
    const real = summarizeCertificate(readRealFixture(TERCEN_CERTIFICATE))
    expect(real.thumbprint).toBe('51C2D601242429AFD1F23C23C5D7AF1AC50604F1')
    expect(real.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(Buffer.from(real.base64, 'base64').equals(real.der)).toBe(true)
    expect(summarizeCertificate(real.der).pem).toBe(real.pem)
    expect(real.subject).toBe('CN=Microsoft Azure Federated SSO Certificate')
    expect(real.notAfter.toISOString()).toBe('2025-02-23T09:21:37.000Z')
  })
})
