import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { encodePostBinding, encodeRedirectBinding } from '../saml/bindings'
import { HeadlessBrowser } from './headless-browser'
import { readPage } from './html-forms'
import { createInProcessTransport } from './http-transport'
import { signIn } from './sign-in'

const IDP = 'http://localhost:7070'
const SP = 'http://localhost:7080'
const REQUEST = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r1"/>'
const RESPONSE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_s1" InResponseTo="_r1"/>'

/** A minimal SP and IdP pair speaking the same shapes as the sandbox's servers. */
function fakePair(password = 'Passw0rd') {
  const sp = new Hono()
    .get('/start', (c) =>
      c.redirect(
        `${IDP}/saml2?${encodeRedirectBinding({ parameter: 'SAMLRequest', xml: REQUEST, relayState: '/home' })}`,
      ),
    )
    .post('/acs', async (c) => {
      const form = await c.req.parseBody()
      if (form.SAMLResponse !== encodePostBinding(RESPONSE)) return c.text('bad response', 400)
      c.header('Set-Cookie', 'sp_session=s1; Path=/; HttpOnly; SameSite=Lax')
      return c.redirect('/home', 303)
    })
    .get('/session', (c) =>
      c.req.header('cookie')?.includes('sp_session=s1')
        ? c.json({ user: 'B.Simon@contoso.com', checks: [{ name: 'signature', passed: true }] })
        : c.json({ error: { code: 'NO_SESSION' } }, 401),
    )
    .get('/no-session', (c) => c.json({ error: { code: 'NO_SESSION' } }, 401))
    .get('/home', (c) =>
      c.html(
        `<title>Webex</title><p>Signed in: ${c.req.header('cookie')?.includes('sp_session=s1') ? 'yes' : 'no'}</p>`,
      ),
    )
  const idp = new Hono()
    .get('/saml2', (c) =>
      c.html(
        `<form method="post" action="/login?rs=${encodeURIComponent(c.req.query('RelayState') ?? '')}"><input name="loginfmt" type="email"><input name="passwd" type="password"><input type="hidden" name="ctx" value="a&amp;b"><button>Sign in</button></form>`,
      ),
    )
    .post('/login', async (c) => {
      const form = await c.req.parseBody()
      if (form.passwd !== password || form.ctx !== 'a&b') {
        return c.html(
          '<form method="post" action="/login"><input name="loginfmt"><input name="passwd" type="password"></form><div>AADSTS50126: Error validating credentials due to invalid username or password.</div>',
        )
      }
      c.header('Set-Cookie', 'idp_session=i1; Path=/; HttpOnly')
      return c.html(
        `<form method="post" action="${SP}/acs"><input type="hidden" name="SAMLResponse" value="${encodePostBinding(RESPONSE)}"><input type="hidden" name="RelayState" value="${c.req.query('rs')}"><noscript><button type="submit">Continue</button></noscript></form>`,
      )
    })
  return createInProcessTransport({ [SP]: sp.fetch, [IDP]: idp.fetch })
}

/** The test user's sign-in, started at the fake SP's sign-on URL. */
const SIMON = { startUrl: `${SP}/start`, username: 'B.Simon@contoso.com', password: 'Passw0rd' }

describe('signIn (headless)', () => {
  it('reads the session the SP opened, with its cookie, when given a session-info URL', async () => {
    const result = await signIn({
      ...SIMON,
      browser: new HeadlessBrowser({ transport: fakePair() }),
      sessionInfoUrl: `${SP}/session`,
    })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.session).toEqual({
      user: 'B.Simon@contoso.com',
      checks: [{ name: 'signature', passed: true }],
    })
  })

  it('fails with NO_SESSION when the session-info URL shows no session', async () => {
    const result = await signIn({
      ...SIMON,
      browser: new HeadlessBrowser({ transport: fakePair() }),
      sessionInfoUrl: `${SP}/no-session`,
    })
    expect(result.ok ? 'signed in' : result.error.code).toBe('NO_SESSION')
  })

  it('follows the SP redirect, fills the IdP form, posts the SAML Response and lands signed in', async () => {
    const browser = new HeadlessBrowser({ transport: fakePair() })
    const result = await signIn({
      ...SIMON,
      browser,
    })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.page.facts.text).toContain('Signed in: yes')
    expect(result.value.samlResponse).toMatchObject({
      parameter: 'SAMLResponse',
      binding: 'post',
      xml: RESPONSE,
      relayState: '/home',
    })
    expect(result.value.authnRequest).toMatchObject({
      binding: 'redirect',
      xml: REQUEST,
      relayState: '/home',
    })
    expect(result.value.spCookies.map((c) => c.name).sort()).toEqual(['idp_session', 'sp_session'])
    expect(result.value.hops.map((h) => `${h.method} ${new URL(h.url).pathname} ${h.status}`)).toEqual([
      'GET /start 302',
      'GET /saml2 200',
      'POST /login 200',
      'POST /acs 303',
      'GET /home 200',
    ])
  })

  it('stops with WRONG_CREDENTIALS and the IdP message when the password is refused', async () => {
    const result = await signIn({
      startUrl: `${SP}/start`,
      username: 'B.Simon@contoso.com',
      password: 'nope',
      browser: new HeadlessBrowser({ transport: fakePair() }),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } })
    if (!result.ok) expect(result.error.message).toContain('AADSTS50126')
  })

  it('reports an unreachable start URL', async () => {
    const result = await signIn({
      startUrl: 'http://localhost:9/start',
      username: 'u',
      password: 'p',
      browser: new HeadlessBrowser({ transport: fakePair() }),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } })
  })
})

describe('readPage', () => {
  it('collects forms as a browser submits them: hidden and text fields, not buttons or unchecked boxes', () => {
    const page = readPage(
      '<title> Sign in </title><form id=f method=POST action="/x?a=1"><input name=a value="1&amp;2"><input type=checkbox name=c><input type=checkbox name=d checked value=on><input type=submit name=go><textarea name=t></textarea></form><script>var x=1</script><p>Hello</p>',
      new URL('http://localhost:7070/page'),
    )
    expect(page.title).toBe('Sign in')
    expect(page.text).toBe('Sign in Hello')
    expect(page.forms).toHaveLength(1)
    expect(page.forms[0]?.action.href).toBe('http://localhost:7070/x?a=1')
    expect(page.forms[0]?.fields.map((f) => [f.name, f.value])).toEqual([
      ['a', '1&2'],
      ['d', 'on'],
      ['t', ''],
    ])
  })
})
