import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { generateRsaKeyPair, type RsaKeyPair } from '../pki/keys'
import {
  decodePostBinding,
  decodeRedirectBinding,
  encodePostBinding,
  encodeRedirectBinding,
  verifyRedirectSignature,
} from './bindings'

const XML = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"/>'

/** The Redirect-binding query of {@link XML}, signed with `key`. */
function signedQuery(key: RsaKeyPair, algorithm: 'rsa-sha256' | 'rsa-sha1', relayState?: string): string {
  return encodeRedirectBinding({
    parameter: 'SAMLRequest',
    xml: XML,
    ...(relayState === undefined ? {} : { relayState }),
    signing: { privateKey: key.privateKey, algorithm },
  })
}

describe('Redirect binding', () => {
  it('round-trips a signed message and verifies the signature over the raw query', async () => {
    const key = await generateRsaKeyPair()
    const query = signedQuery(key, 'rsa-sha256', 'state with spaces & symbols')
    const decoded = decodeRedirectBinding(query)
    if (!decoded.ok) throw new Error(decoded.error.message)
    expect(decoded.value).toMatchObject({
      parameter: 'SAMLRequest',
      xml: XML,
      relayState: 'state with spaces & symbols',
    })
    const signature = decoded.value.signature
    if (!signature) throw new Error('no signature')
    expect(verifyRedirectSignature(signature, [key.publicKey], false)).toEqual({
      ok: true,
      value: 'rsa-sha256',
    })
  })

  it('refuses a signature checked over a re-encoded query', async () => {
    const key = await generateRsaKeyPair()
    const query = signedQuery(key, 'rsa-sha256', 'a b')
    const reencoded = query.replace('RelayState=a%20b', 'RelayState=a+b')
    const decoded = decodeRedirectBinding(reencoded)
    if (!decoded.ok || !decoded.value.signature) throw new Error('decode failed')
    expect(verifyRedirectSignature(decoded.value.signature, [key.publicKey], false)).toMatchObject({
      ok: false,
      error: { code: 'SIGNATURE_INVALID' },
    })
  })

  it('refuses RSA-SHA1 unless allowed, and unknown algorithms always', async () => {
    const key = await generateRsaKeyPair()
    const query = signedQuery(key, 'rsa-sha1')
    const decoded = decodeRedirectBinding(query)
    if (!decoded.ok || !decoded.value.signature) throw new Error('decode failed')
    expect(verifyRedirectSignature(decoded.value.signature, [key.publicKey], false).ok).toBe(false)
    expect(verifyRedirectSignature(decoded.value.signature, [key.publicKey], true).ok).toBe(true)
    const unknown = { ...decoded.value.signature, sigAlg: 'http://example.test/none' }
    expect(verifyRedirectSignature(unknown, [key.publicKey], true)).toMatchObject({
      error: { code: 'SIGNATURE_ALGORITHM_UNSUPPORTED' },
    })
  })

  it('stops a deflate bomb at the output limit', () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 0x41)).toString('base64')
    const result = decodeRedirectBinding(`SAMLRequest=${encodeURIComponent(bomb)}`)
    expect(result).toMatchObject({ ok: false, error: { code: 'MESSAGE_TOO_LARGE' } })
  })

  it.each([
    ['no message', 'RelayState=x', 'MESSAGE_MISSING'],
    ['a repeated parameter', 'SAMLRequest=a&SAMLRequest=b', 'PARAMETER_REPEATED'],
    ['non-base64', 'SAMLRequest=%%%', 'MESSAGE_NOT_BASE64'],
    [
      'uncompressed data',
      `SAMLRequest=${encodeURIComponent(Buffer.from(XML).toString('base64'))}`,
      'MESSAGE_NOT_DEFLATED',
    ],
  ])('refuses %s', (_label, query, code) => {
    expect(decodeRedirectBinding(query)).toMatchObject({ ok: false, error: { code } })
  })
})

describe('POST binding', () => {
  it('round-trips and refuses empty, non-base64 and oversized values', () => {
    expect(decodePostBinding(encodePostBinding(XML))).toEqual({ ok: true, value: XML })
    expect(decodePostBinding('')).toMatchObject({ error: { code: 'MESSAGE_MISSING' } })
    expect(decodePostBinding('not base64!')).toMatchObject({ error: { code: 'MESSAGE_NOT_BASE64' } })
    expect(decodePostBinding('A'.repeat(600_000))).toMatchObject({ error: { code: 'MESSAGE_TOO_LARGE' } })
  })
})
