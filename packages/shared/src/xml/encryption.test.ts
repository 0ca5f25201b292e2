import { describe, expect, it } from 'vitest'
import { testKeys } from '../../../../test/support/test-runtime'
import { seededIds } from '../ids'
import { childNamed } from './dom'
import { DATA_ENCRYPTION, type DataEncryption, decryptElement, encryptElement, XENC_NS } from './encryption'
import { parseXml, SAML_MESSAGE_LIMITS } from './parse'
import { signEnveloped } from './signature'
import { verifyEnvelopedSignature } from './signature-verification'

const A = 'urn:oasis:names:tc:SAML:2.0:assertion'
const P = 'urn:oasis:names:tc:SAML:2.0:protocol'

function response(): { doc: Document; assertion: Element } {
  const parsed = parseXml(
    `<samlp:Response xmlns:samlp="${P}" ID="_r"><saml:Assertion xmlns:saml="${A}" ID="_a"><saml:Issuer>i</saml:Issuer><saml:Subject><saml:NameID>b.simon@contoso.com</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>`,
    SAML_MESSAGE_LIMITS,
  )
  if (!parsed.ok) throw new Error(parsed.error.message)
  return { doc: parsed.value, assertion: childNamed(parsed.value.documentElement, A, 'Assertion') as Element }
}

describe('encryptElement / decryptElement', () => {
  it.each(Object.keys(DATA_ENCRYPTION) as DataEncryption[])(
    'round-trips a signed assertion with %s, signature intact',
    async (algorithm) => {
      const [, , signer, recipient] = await testKeys()
      if (!signer || !recipient) throw new Error('keys')
      const { doc, assertion } = response()
      signEnveloped(
        assertion,
        childNamed(assertion, A, 'Issuer') as Element,
        { privateKey: signer.privateKey, certificatesBase64: [] },
        'rsa-sha256',
      )
      const wrapper = encryptElement(assertion, 'EncryptedAssertion', recipient.publicKey, algorithm)
      expect(wrapper.localName).toBe('EncryptedAssertion')
      expect(childNamed(doc.documentElement, A, 'Assertion')).toBeNull()
      expect(childNamed(wrapper, XENC_NS, 'EncryptedData')).not.toBeNull()
      const decrypted = decryptElement(wrapper, recipient.privateKey)
      if (!decrypted.ok) throw new Error(decrypted.error.message)
      expect(decrypted.value.localName).toBe('Assertion')
      const trusted = { der: Buffer.alloc(0), publicKey: signer.publicKey }
      expect(verifyEnvelopedSignature(decrypted.value, { trusted: [trusted], allowSha1: false }).ok).toBe(
        true,
      )
    },
  )

  it('encrypts byte-identically from the same seeded bytes (key, IV, OAEP seed), and OpenSSL decrypts it', async () => {
    const [, , , recipient] = await testKeys()
    if (!recipient) throw new Error('keys')
    const serialize = (wrapper: Element) => wrapper.toString()
    const encryptSeeded = (seed: string) => {
      const ids = seededIds(seed)
      const { assertion } = response()
      return encryptElement(assertion, 'EncryptedAssertion', recipient.publicKey, 'aes256-gcm', ids.bytes)
    }
    const [first, again, other] = [encryptSeeded('same'), encryptSeeded('same'), encryptSeeded('other')]
    expect(serialize(again)).toBe(serialize(first))
    expect(serialize(other)).not.toBe(serialize(first))
    for (const wrapper of [first, other]) {
      const decrypted = decryptElement(wrapper, recipient.privateKey)
      if (!decrypted.ok) throw new Error(decrypted.error.message)
      expect(decrypted.value.textContent).toContain('b.simon@contoso.com')
    }
    const { assertion } = response()
    const unseeded = encryptElement(assertion, 'EncryptedAssertion', recipient.publicKey, 'aes256-gcm')
    expect(serialize(unseeded)).not.toBe(serialize(first))
  })

  it('refuses tampered ciphertext and the wrong key with one coarse error', async () => {
    const [, , , recipient, other] = await testKeys()
    if (!recipient || !other) throw new Error('keys')
    const { assertion } = response()
    const wrapper = encryptElement(assertion, 'EncryptedAssertion', recipient.publicKey, 'aes256-gcm')
    expect(decryptElement(wrapper, other.privateKey)).toMatchObject({
      ok: false,
      error: { code: 'DECRYPTION_FAILED' },
    })
    const values = wrapper.getElementsByTagNameNS(XENC_NS, 'CipherValue')
    const data = values.item(values.length - 1) as Element
    const bytes = Buffer.from(data.textContent ?? '', 'base64')
    bytes[20] = (bytes[20] ?? 0) ^ 1
    ;(data.firstChild as Text).data = bytes.toString('base64')
    expect(decryptElement(wrapper, recipient.privateKey)).toMatchObject({
      ok: false,
      error: { code: 'DECRYPTION_FAILED' },
    })
  })

  it('refuses rsa-1_5 key transport', async () => {
    const [, , , recipient] = await testKeys()
    if (!recipient) throw new Error('keys')
    const { assertion } = response()
    const wrapper = encryptElement(assertion, 'EncryptedAssertion', recipient.publicKey, 'aes128-cbc')
    const method = wrapper.getElementsByTagNameNS(XENC_NS, 'EncryptionMethod').item(1) as Element
    method.setAttribute('Algorithm', `${XENC_NS}rsa-1_5`)
    expect(decryptElement(wrapper, recipient.privateKey)).toMatchObject({
      ok: false,
      error: { code: 'DECRYPTION_FAILED' },
    })
  })

  it('answers every failure with one identical error, so that no answer depends on the plaintext', async () => {
    const [, , , recipient, other] = await testKeys()
    if (!recipient || !other) throw new Error('keys')
    const failures = new Map<string, unknown>()
    const attempt = (name: string, change: (wrapper: Element) => void, key = recipient.privateKey) => {
      const { assertion } = response()
      const wrapper = encryptElement(assertion, 'EncryptedAssertion', recipient.publicKey, 'aes256-cbc')
      change(wrapper)
      const result = decryptElement(wrapper, key)
      expect(result.ok, name).toBe(false)
      if (!result.ok) failures.set(name, result.error)
    }
    const payloadOf = (wrapper: Element): Text => {
      const values = wrapper.getElementsByTagNameNS(XENC_NS, 'CipherValue')
      return (values.item(values.length - 1) as Element).firstChild as Text
    }
    const flip = (wrapper: Element, at: (length: number) => number) => {
      const text = payloadOf(wrapper)
      const bytes = Buffer.from(text.data, 'base64')
      const index = at(bytes.length)
      bytes[index] = (bytes[index] ?? 0) ^ 0x5a
      text.data = bytes.toString('base64')
    }
    attempt('wrong key', () => undefined, other.privateKey)
    attempt('last byte (padding) changed', (w) => flip(w, (n) => n - 1))
    attempt('penultimate block changed', (w) => flip(w, (n) => n - 17))
    attempt('first block changed', (w) => flip(w, () => 16))
    attempt('truncated to the IV', (w) => {
      const text = payloadOf(w)
      text.data = Buffer.from(text.data, 'base64').subarray(0, 16).toString('base64')
    })
    attempt('wrapped key garbled', (w) => {
      const key = w.getElementsByTagNameNS(XENC_NS, 'CipherValue').item(0) as Element
      ;(key.firstChild as Text).data = Buffer.alloc(256, 7).toString('base64')
    })
    attempt('unknown content algorithm', (w) => {
      const method = w.getElementsByTagNameNS(XENC_NS, 'EncryptionMethod').item(0) as Element
      method.setAttribute('Algorithm', `${XENC_NS}tripledes-cbc`)
    })
    attempt('no EncryptedKey', (w) => {
      const key = w.getElementsByTagNameNS(XENC_NS, 'EncryptedKey').item(0) as Element
      key.parentNode?.removeChild(key)
    })
    expect(failures.size).toBe(8)
    const [firstFailure, ...rest] = [...failures.values()]
    for (const failure of rest) expect(failure).toStrictEqual(firstFailure)
    expect(firstFailure).toStrictEqual({
      code: 'DECRYPTION_FAILED',
      message: 'The encrypted element could not be decrypted with the recipient key.',
    })
  })
})
