import { describe, expect, it } from 'vitest'
import {
  readRealFixture,
  TERCEN_CERTIFICATE,
  TERCEN_RESPONSE,
  WIREAPP_METADATA,
  WIREAPP_RESPONSE,
} from '../../../../test/support/real-fixtures'
import { certificateToDer } from '../pki/certificate'
import { generateRsaKeyPair } from '../pki/keys'
import { childNamed } from './dom'
import { METADATA_LIMITS, parseXml, SAML_MESSAGE_LIMITS } from './parse'
import { DSIG_NS, signEnveloped } from './signature'
import { trustCertificate, verifyEnvelopedSignature } from './signature-verification'

const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion'

function assertionOf(doc: Document): Element {
  return childNamed(doc.documentElement, ASSERTION_NS, 'Assertion') as Element
}

function embeddedCertificate(xml: string): Buffer {
  const base64 = /<X509Certificate>([^<]+)<\/X509Certificate>/.exec(xml)?.[1] ?? ''
  return Buffer.from(base64, 'base64')
}

const tercenXml = readRealFixture(TERCEN_RESPONSE)
const tercenCert = trustCertificate(certificateToDer(readRealFixture(TERCEN_CERTIFICATE)) as Buffer)

describe('verifyEnvelopedSignature on real Entra samples', () => {
  it('accepts the 2022 Entra response assertion signed by its app certificate', () => {
    const doc = parseXml(tercenXml, SAML_MESSAGE_LIMITS)
    if (!doc.ok) throw new Error(doc.error.message)
    const result = verifyEnvelopedSignature(assertionOf(doc.value), {
      trusted: [tercenCert],
      allowSha1: false,
    })
    expect(result).toMatchObject({ ok: true })
  })

  it('accepts the 2018 tenant-key response and the tenant metadata with their embedded certificate', () => {
    for (const name of [WIREAPP_RESPONSE, WIREAPP_METADATA]) {
      const xml = readRealFixture(name)
      const doc = parseXml(xml, METADATA_LIMITS)
      if (!doc.ok) throw new Error(doc.error.message)
      const signed = name === WIREAPP_RESPONSE ? assertionOf(doc.value) : doc.value.documentElement
      const trusted = trustCertificate(embeddedCertificate(xml))
      expect(verifyEnvelopedSignature(signed, { trusted: [trusted], allowSha1: false }).ok).toBe(true)
    }
  })

  it('refuses the response once one byte of the signed NameID changes', () => {
    const tampered = tercenXml.replace('test@alexandremaurelgmail', 'tast@alexandremaurelgmail')
    expect(tampered).not.toBe(tercenXml)
    const doc = parseXml(tampered, SAML_MESSAGE_LIMITS)
    if (!doc.ok) throw new Error(doc.error.message)
    const result = verifyEnvelopedSignature(assertionOf(doc.value), {
      trusted: [tercenCert],
      allowSha1: false,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'DIGEST_MISMATCH' } })
  })

  it('refuses a signature whose embedded certificate is not the trusted one', async () => {
    const other = await generateRsaKeyPair()
    const doc = parseXml(tercenXml, SAML_MESSAGE_LIMITS)
    if (!doc.ok) throw new Error(doc.error.message)
    const stranger = { der: Buffer.from('not-this-one'), publicKey: other.publicKey }
    const result = verifyEnvelopedSignature(assertionOf(doc.value), { trusted: [stranger], allowSha1: false })
    expect(result).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_NOT_TRUSTED' } })
  })
})

describe('signEnveloped', () => {
  it('produces a signature that our verifier and node:crypto accept, in Entra shape', async () => {
    const key = await generateRsaKeyPair()
    const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r"><Assertion xmlns="${ASSERTION_NS}" ID="_a" IssueInstant="2026-01-01T00:00:00.000Z" Version="2.0"><Issuer>https://sts.windows.net/t/</Issuer><Subject><NameID>a&amp;b@c</NameID></Subject></Assertion></samlp:Response>`
    const doc = parseXml(xml, SAML_MESSAGE_LIMITS)
    if (!doc.ok) throw new Error(doc.error.message)
    const assertion = assertionOf(doc.value)
    signEnveloped(
      assertion,
      childNamed(assertion, ASSERTION_NS, 'Issuer') as Element,
      { privateKey: key.privateKey, certificatesBase64: [] },
      'rsa-sha256',
    )
    const signature = childNamed(assertion, DSIG_NS, 'Signature') as Element
    expect((signature.previousSibling as Element).localName).toBe('Issuer')
    const trusted = { der: Buffer.alloc(0), publicKey: key.publicKey }
    expect(verifyEnvelopedSignature(assertion, { trusted: [trusted], allowSha1: false }).ok).toBe(true)
  })

  it('refuses SHA-1 signatures unless allowed', async () => {
    const key = await generateRsaKeyPair()
    const doc = parseXml(
      `<Assertion xmlns="${ASSERTION_NS}" ID="_a"><Issuer>x</Issuer></Assertion>`,
      SAML_MESSAGE_LIMITS,
    )
    if (!doc.ok) throw new Error(doc.error.message)
    const assertion = doc.value.documentElement
    signEnveloped(
      assertion,
      childNamed(assertion, ASSERTION_NS, 'Issuer') as Element,
      { privateKey: key.privateKey, certificatesBase64: [] },
      'rsa-sha1',
    )
    const trusted = { der: Buffer.alloc(0), publicKey: key.publicKey }
    expect(verifyEnvelopedSignature(assertion, { trusted: [trusted], allowSha1: false })).toMatchObject({
      ok: false,
      error: { code: 'DEPRECATED_ALGORITHM' },
    })
    expect(verifyEnvelopedSignature(assertion, { trusted: [trusted], allowSha1: true }).ok).toBe(true)
  })
})
