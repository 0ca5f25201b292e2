import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  certificateToDer,
  childNamed,
  decryptElement,
  fixedClock,
  issueLeafCertificate,
  NS,
  parseXml,
  type RsaKeyPair,
  seededIds,
  signIn,
  trustCertificate,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, redirectUrl, setUpSamlApp } from '../test-support/saml-app'
import { XMLSEC1 } from '../test-support/xmlsec'

let t: TestIdp
let spId: string
let spKey: RsaKeyPair
let spCertificate: string
beforeEach(async () => {
  t = await createTestIdp()
  ;({ spId } = await setUpSamlApp(t))
  spKey = await t.runtime.keys.take()
  spCertificate = issueLeafCertificate(t.runtime.ca, {
    profile: 'saml-encryption',
    commonName: 'SP encryption',
    key: spKey,
    validityDays: 30,
    now: t.runtime.clock.now(),
  }).certificatePem
})

async function encryptedResponse(): Promise<Document> {
  const result = await signIn({
    startUrl: redirectUrl(t, authnRequestXml()),
    username: 'admin@contoso.com',
    password: t.adminPassword,
    browser: t.browser(),
  })
  if (!result.ok) throw new Error(result.error.message)
  const doc = parseXml(result.value.samlResponse.xml, { maxBytes: 1 << 20, maxDepth: 64 })
  if (!doc.ok) throw new Error(doc.error.message)
  return doc.value
}

const signingKey = () => {
  const app = t.store.read().apps[0]
  return trustCertificate(certificateToDer(app?.saml.certificates[0]?.certificatePem ?? '') as Buffer)
}

function xmlsecDecrypt(xml: string, keyPem: string): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'idp-decrypt-'))
  writeFileSync(join(dir, 'key.pem'), keyPem)
  writeFileSync(join(dir, 'response.xml'), xml)
  return new Promise((resolve) => {
    execFile(
      XMLSEC1,
      ['--decrypt', '--privkey-pem', join(dir, 'key.pem'), join(dir, 'response.xml')],
      (error, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true })
        resolve({ ok: error === null, output: `${stdout}${stderr}` })
      },
    )
  })
}

describe('assertion encryption (token encryption)', () => {
  it('is off by default', async () => {
    const doc = await encryptedResponse()
    expect(childNamed(doc.documentElement, NS.assertion, 'Assertion')).not.toBeNull()
    expect(childNamed(doc.documentElement, NS.assertion, 'EncryptedAssertion')).toBeNull()
  })

  it.each(['aes256-cbc', 'aes128-cbc', 'aes256-gcm', 'aes128-gcm'] as const)(
    'encrypts the signed assertion for the app’s certificate with RSA-OAEP and %s',
    async (method) => {
      const set = await t.services.samlConfig.setEncryption(spId, {
        enabled: true,
        certificatePem: spCertificate,
        method,
      })
      expect(set.ok).toBe(true)
      const doc = await encryptedResponse()
      expect(childNamed(doc.documentElement, NS.assertion, 'Assertion')).toBeNull()
      const wrapper = childNamed(doc.documentElement, NS.assertion, 'EncryptedAssertion') as Element
      expect(wrapper.toString()).toContain('http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p')
      expect(wrapper.toString()).not.toContain('admin@contoso.com')
      const assertion = decryptElement(wrapper, spKey.privateKey)
      if (!assertion.ok) throw new Error(assertion.error.message)
      expect(assertion.value.localName).toBe('Assertion')
      expect(
        verifyEnvelopedSignature(assertion.value, { trusted: [signingKey()], allowSha1: false }).ok,
      ).toBe(true)
    },
  )

  it('is decrypted by xmlsec1 too, and a response signature covers the EncryptedAssertion', async () => {
    await t.services.samlConfig.setEncryption(spId, { enabled: true, certificatePem: spCertificate })
    await t.services.samlConfig.setSigningOptions(spId, { signingOption: 'both' })
    const doc = await encryptedResponse()
    expect(
      verifyEnvelopedSignature(doc.documentElement, { trusted: [signingKey()], allowSha1: false }).ok,
    ).toBe(true)
    const decrypted = await xmlsecDecrypt(doc.documentElement.toString(), spKey.privateKeyPem)
    expect(decrypted.ok).toBe(true)
    expect(decrypted.output).toContain(
      '<NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">admin@contoso.com</NameID>',
    )
  })

  it('cannot be read with another key', async () => {
    await t.services.samlConfig.setEncryption(spId, { enabled: true, certificatePem: spCertificate })
    const doc = await encryptedResponse()
    const other = await t.runtime.keys.take()
    const wrapper = childNamed(doc.documentElement, NS.assertion, 'EncryptedAssertion') as Element
    expect(
      decryptElement(wrapper, other === spKey ? (await t.runtime.keys.take()).privateKey : other.privateKey)
        .ok,
    ).toBe(false)
  })
})

describe('assertion encryption with seeded ids (the deterministic mode)', () => {
  it('repeats the EncryptedAssertion byte for byte (content key, IV, OAEP seed), and it still decrypts', async () => {
    const encryptedWithSeed = async (seed: string): Promise<string> => {
      const seeded = await createTestIdp({ ids: seededIds(seed), clock: fixedClock(Date.UTC(2026, 0, 1)) })
      const { spId: seededSpId } = await setUpSamlApp(seeded)
      await seeded.services.samlConfig.setEncryption(seededSpId, {
        enabled: true,
        certificatePem: spCertificate,
      })
      const result = await signIn({
        startUrl: redirectUrl(seeded, authnRequestXml({ id: '_seeded-request' })),
        username: 'admin@contoso.com',
        password: seeded.adminPassword,
        browser: seeded.browser(),
      })
      if (!result.ok) throw new Error(result.error.message)
      const doc = parseXml(result.value.samlResponse.xml, { maxBytes: 1 << 20, maxDepth: 64 })
      if (!doc.ok) throw new Error(doc.error.message)
      return childNamed(doc.value.documentElement, NS.assertion, 'EncryptedAssertion')?.toString() ?? ''
    }
    const [first, again, other] = [
      await encryptedWithSeed('same'),
      await encryptedWithSeed('same'),
      await encryptedWithSeed('other'),
    ]
    expect(first).toContain('xenc:CipherValue')
    expect(again).toBe(first)
    expect(other).not.toBe(first)
    const parsed = parseXml(first, { maxBytes: 1 << 20, maxDepth: 64 })
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(decryptElement(parsed.value.documentElement, spKey.privateKey).ok).toBe(true)
  })
})
