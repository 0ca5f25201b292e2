import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { listen, type RunningHttpServer } from '../server/http-server'
import {
  attachmentDisposition,
  isSendableHeaderValue,
  locationHeaderValue,
  sendableHeaders,
} from './header-values'

describe('isSendableHeaderValue', () => {
  it('accepts what Node writes and refuses control characters and characters above U+00FF', () => {
    expect(isSendableHeaderValue('attachment; filename="a b.xml"\t')).toBe(true)
    expect(isSendableHeaderValue('caf\u00e9')).toBe(true)
    for (const bad of ['\u0000', '\u0001', '\u001f', '\u007f', '\r', '\n', '\u20ac'])
      expect(isSendableHeaderValue(`/a${bad}b`)).toBe(false)
  })
})

describe('locationHeaderValue', () => {
  it('percent-encodes everything outside visible ASCII as UTF-8 and keeps existing escapes', () => {
    expect(locationHeaderValue('/a b\u0001\u007f')).toBe('/a%20b%01%7F')
    expect(locationHeaderValue('/caf\u00e9?q=\u20ac&r=%41')).toBe('/caf%C3%A9?q=%E2%82%AC&r=%41')
    expect(locationHeaderValue('/\u{1F600}')).toBe('/%F0%9F%98%80')
    expect(locationHeaderValue('/\uD800x')).toBe('/%EF%BF%BDx')
    expect(locationHeaderValue('https://idp.example.com/saml2?SAMLRequest=abc%2B')).toBe(
      'https://idp.example.com/saml2?SAMLRequest=abc%2B',
    )
  })
})

describe('attachmentDisposition', () => {
  it('quotes a plain ASCII name as it is', () => {
    expect(attachmentDisposition('Cisco Webex.cer')).toBe('attachment; filename="Cisco Webex.cer"')
  })

  it('replaces quotes, separators and control characters and adds filename* for a non-ASCII name', () => {
    const value = attachmentDisposition('Caf\u00e9 "Webex"/..\\\u0001\u20ac.xml')
    expect(value).toBe(
      `attachment; filename="Caf_ _Webex__..___.xml"; filename*=UTF-8''Caf%C3%A9%20%22Webex%22_..__%E2%82%AC.xml`,
    )
    expect(isSendableHeaderValue(value)).toBe(true)
    expect(attachmentDisposition('\u0001')).toBe('attachment; filename="_"')
    expect(attachmentDisposition('  ')).toBe('attachment; filename="download"')
  })
})

describe('sendableHeaders', () => {
  let server: RunningHttpServer | undefined
  afterEach(async () => {
    await server?.close(0)
    server = undefined
  })

  const app = (logged: string[]) =>
    new Hono()
      .use(sendableHeaders())
      .get('/bad', (c) => c.redirect('/home\u0001', 303))
      .get('/cookie', (c) => {
        c.header('Set-Cookie', 'a=1')
        c.header('X-Name', 'caf\u0001')
        return c.text('ok')
      })
      .get('/good', (c) => c.redirect('/home', 303))
      .onError((error, c) => {
        logged.push(error.message)
        return c.text('internal error', 500)
      })

  it('turns an unsendable header into the app’s onError answer without that header', async () => {
    const logged: string[] = []
    const bad = await app(logged).request('/bad')
    expect(bad.status).toBe(500)
    expect(bad.headers.get('location')).toBeNull()
    expect(await bad.text()).toBe('internal error')
    const other = await app(logged).request('/cookie')
    expect(other.status).toBe(500)
    expect(other.headers.get('x-name')).toBeNull()
    expect(logged).toEqual([
      "the response's location header carries a character Node cannot send",
      "the response's x-name header carries a character Node cannot send",
    ])
    expect((await app(logged).request('/good')).headers.get('location')).toBe('/home')
  })

  it('never lets Node’s own error text reach a client over a socket', async () => {
    server = await listen({ host: '127.0.0.1', port: 0 }, 'test')
    server.handle(app([]).fetch)
    const answer = await fetch(`http://127.0.0.1:${server.port}/bad`, { redirect: 'manual' })
    expect(answer.status).toBe(500)
    expect(await answer.text()).toBe('internal error')
  })
})
