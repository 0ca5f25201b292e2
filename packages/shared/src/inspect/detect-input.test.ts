import { deflateRawSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeRedirectBinding } from '../saml/bindings'
import {
  buildAuthnRequest,
  buildLogoutRequest,
  buildLogoutResponse,
  buildResponse,
  buildSpMetadata,
  type TestSigner,
  testSigners,
} from '../test-support/saml-messages'
import { detectInput } from './detect-input'
import type { DetectedInput } from './located-message'

let signer: TestSigner
let response: string
beforeAll(async () => {
  signer = (await testSigners()).idp
  response = buildResponse(signer)
})

function detected(input: string): DetectedInput {
  const result = detectInput(input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const only = (d: DetectedInput) => {
  expect(d.messages).toHaveLength(1)
  const [message] = d.messages
  if (!message?.decoded.ok) throw new Error(`not decoded: ${JSON.stringify(message?.decoded)}`)
  return { ...message, xml: message.decoded.value }
}

describe('detectInput: one message in each form', () => {
  it('reads raw XML, with a BOM and surrounding whitespace', () => {
    const d = detected(`\uFEFF\n  ${response}\n`)
    expect(d).toMatchObject({ form: 'xml', description: 'raw XML' })
    expect(only(d).xml).toBe(response)
  })

  it('reads base64 as the POST binding sends it, also wrapped over lines, URL-encoded or base64url', () => {
    const base64 = Buffer.from(response).toString('base64')
    for (const input of [
      base64,
      base64.replace(/(.{76})/g, '$1\n'),
      encodeURIComponent(base64),
      base64.replace(/\+/g, '-').replace(/\//g, '_'),
    ]) {
      const d = detected(input)
      expect(d.form).toBe('base64')
      expect(only(d)).toMatchObject({ xml: response, encoding: 'base64 (HTTP-POST binding)' })
    }
  })

  it('reads deflated base64 as the Redirect binding sends it', () => {
    const d = detected(deflateRawSync(Buffer.from(buildAuthnRequest())).toString('base64'))
    expect(d.form).toBe('deflated-base64')
    expect(only(d)).toMatchObject({
      xml: buildAuthnRequest(),
      encoding: 'deflated base64 (HTTP-Redirect binding)',
    })
  })

  it('reads a full URL with the query, keeping RelayState and the query signature', () => {
    const query = encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: buildAuthnRequest(),
      relayState: '/webex/home',
      signing: { privateKey: signer.key.privateKey, algorithm: 'rsa-sha256' },
    })
    const d = detected(`https://login.microsoftonline.com/tenant/saml2?${query}#ignored`)
    expect(d.form).toBe('url')
    expect(d.description).toBe('a URL carrying SAMLRequest, signed in the query (SigAlg, Signature)')
    const message = only(d)
    expect(message).toMatchObject({
      parameter: 'SAMLRequest',
      relayState: '/webex/home',
      xml: buildAuthnRequest(),
    })
    expect(message.redirectSignature?.sigAlg).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')
  })

  it('reads a URL without a signature, and a bare query string', () => {
    const query = encodeRedirectBinding({ parameter: 'SAMLRequest', xml: buildLogoutRequest() })
    expect(only(detected(`http://127.0.0.1:4000/saml2?${query}`)).redirectSignature).toBeNull()
    const bare = detected(`?${query}`)
    expect(bare.form).toBe('redirect-query')
    expect(only(bare).xml).toBe(buildLogoutRequest())
  })

  it('reads a form-encoded POST body with RelayState', () => {
    const body = new URLSearchParams({
      SAMLResponse: Buffer.from(response).toString('base64'),
      RelayState: '/webex/home',
    }).toString()
    const d = detected(body)
    expect(d).toMatchObject({
      form: 'form-body',
      description: 'a form-encoded POST body carrying SAMLResponse',
    })
    expect(only(d)).toMatchObject({ parameter: 'SAMLResponse', relayState: '/webex/home', xml: response })
  })

  it("reads the IdP's auto-post HTML page", () => {
    const value = Buffer.from(response).toString('base64')
    const html = `<!DOCTYPE html><html><body onload="document.forms[0].submit()"><form method="post" action="https://idbroker.webex.com/acs"><input type="hidden" name="SAMLResponse" value="${value}"/><input type="hidden" name="RelayState" value="/home"/></form></body></html>`
    const d = detected(html)
    expect(d.form).toBe('html-form')
    expect(only(d)).toMatchObject({
      location: 'the HTML page (auto-post form to https://idbroker.webex.com/acs)',
      relayState: '/home',
      xml: response,
    })
  })

  it('reads metadata and logout messages as raw XML too', () => {
    expect(only(detected(buildSpMetadata(signer))).xml).toContain('SPSSODescriptor')
    expect(only(detected(buildLogoutResponse())).xml).toContain('LogoutResponse')
    const redirect = encodeRedirectBinding({ parameter: 'SAMLResponse', xml: buildLogoutResponse() })
    expect(only(detected(redirect))).toMatchObject({ parameter: 'SAMLResponse', xml: buildLogoutResponse() })
  })
})

describe('detectInput: unusable input says what was wrong and what is expected', () => {
  it.each([
    ['', 'INPUT_EMPTY', 'The input is empty.'],
    ['   \n ', 'INPUT_EMPTY', 'The input is empty.'],
    ['hello, world!', 'INPUT_NOT_RECOGNISED', 'neither XML, JSON, a URL, a form body nor base64'],
    ['aGVsbG8gd29ybGQ=', 'INPUT_NOT_DECODABLE', 'decodes neither to XML'],
    ['{"not": "a har"}', 'HAR_INVALID', 'no log.entries list'],
    ['{"log": ', 'HAR_INVALID', 'not valid JSON'],
    ['https://idbroker.webex.com/?q=1', 'URL_WITHOUT_SAML', 'no SAMLRequest or SAMLResponse'],
    ['SAMLRequest=%%%', 'INPUT_NOT_DECODABLE', 'is not valid base64'],
    ['<html><body><form><input name="q"></form></body></html>', 'HTML_WITHOUT_SAML', 'without a form field'],
  ])('%j is refused with %s', (input, code, words) => {
    const result = detectInput(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.message).toContain(words)
    expect(result.error.message).toContain('Expected a SAML message')
  })
})
