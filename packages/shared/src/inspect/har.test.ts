import { beforeAll, describe, expect, it } from 'vitest'
import { signInHar } from '../test-support/har'
import {
  buildAuthnRequest,
  buildLogoutRequest,
  buildResponse,
  SP,
  testSigners,
} from '../test-support/saml-messages'
import { detectInput } from './detect-input'

let response: string
beforeAll(async () => {
  response = buildResponse((await testSigners()).idp)
})

describe('detectInput on a HAR file', () => {
  it('finds every SAML message in order, from query strings, POST bodies and auto-post forms, each once', () => {
    for (const options of [{}, { base64Content: true }, { paramsOnly: true }]) {
      const result = detectInput(signInHar(response, options))
      if (!result.ok) throw new Error(result.error.message)
      expect(result.value).toMatchObject({
        form: 'har',
        description: 'a HAR file: 3 SAML messages in 5 entries',
      })
      const [request, posted, logout] = result.value.messages
      expect(request).toMatchObject({
        location: expect.stringMatching(
          /^HAR entry 2: GET https:\/\/login\.microsoftonline\.com\/tenant\/saml2\?… \(query string\)$/,
        ),
        parameter: 'SAMLRequest',
        relayState: '/webex/home',
        decoded: { ok: true, value: buildAuthnRequest() },
      })
      expect(posted).toMatchObject({
        location: `HAR entry 4: POST ${SP.acsUrl} (form body)`,
        parameter: 'SAMLResponse',
        relayState: '/webex/home',
        decoded: { ok: true, value: response },
        alsoSeenIn: [
          `HAR entry 3: POST https://login.microsoftonline.com/tenant/login (response body) (auto-post form to ${SP.acsUrl})`,
        ],
      })
      expect(logout).toMatchObject({
        parameter: 'SAMLRequest',
        decoded: { ok: true, value: buildLogoutRequest() },
      })
    }
  })

  it('keeps an auto-post form that the browser never submitted', () => {
    const har = JSON.parse(signInHar(response)) as { log: { entries: unknown[] } }
    har.log.entries.splice(3, 1)
    const result = detectInput(JSON.stringify(har))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.messages.map((m) => m.location)).toEqual([
      expect.stringContaining('HAR entry 2'),
      expect.stringContaining(
        'HAR entry 3: POST https://login.microsoftonline.com/tenant/login (response body)',
      ),
      expect.stringContaining('HAR entry 4'),
    ])
  })

  it('lists a message that does not decode, saying why, beside the others', () => {
    const har = {
      log: {
        entries: [{ request: { method: 'GET', url: 'https://idp/saml2?SAMLRequest=bm90IGRlZmxhdGVk' } }],
      },
    }
    const result = detectInput(JSON.stringify(har))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.messages[0]?.decoded).toEqual({
      ok: false,
      error: expect.stringContaining('not DEFLATE-compressed'),
    })
  })

  it('refuses a HAR without SAML, saying where it looked', () => {
    const har = {
      log: {
        entries: [
          {
            request: { method: 'GET', url: 'https://example.com/' },
            response: { content: { text: '<html></html>' } },
          },
        ],
      },
    }
    expect(detectInput(JSON.stringify(har))).toMatchObject({
      ok: false,
      error: {
        code: 'HAR_WITHOUT_SAML',
        message: expect.stringContaining('has 1 entries but no SAML message'),
      },
    })
  })
})
