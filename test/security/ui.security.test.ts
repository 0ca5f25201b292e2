import { encodeRedirectBinding, signIn } from '@sandbox/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { authnRequestXml } from '../../packages/idp/src/test-support/saml-app'
import { acsPath } from '../../packages/sp/src/sso-setup/sp-entity'
import { signedInConsole } from '../../packages/sp/src/test-support/console-client'
import { contextFor, expectAcsRefusal } from './corpus/acs-kit'
import { createSandbox, type Sandbox } from './corpus/sandbox'
import { assertionOf, first, parseCorpusXml, resign, setText, toXml } from './corpus/xml-kit'

/**
 * Stored XSS, admin calls without a valid token or from another site, and session cookies, across
 * both servers' pages and admin APIs. The IdP's own page tests
 * (packages/idp/src/http/pages.security.test.ts) cover its sign-in page and My Apps.
 */
const MARKUP = '<img src=x onerror=alert(1)>'
let sandbox: Sandbox

beforeAll(async () => {
  sandbox = await createSandbox()
})

async function signInFully(s: Sandbox) {
  const browser = s.browser()
  const result = await signIn({
    startUrl: `${s.sp.url}${acsPath(s.sp.orgId)}`,
    username: s.idp.adminUpn,
    password: s.idp.adminPassword,
    browser,
  })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return { browser, result: result.value }
}

function expectScriptFreeCsp(headers: Headers): void {
  const csp = headers.get('content-security-policy') ?? ''
  expect(csp).toMatch(/script-src 'nonce-[^']+'/)
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).toContain("frame-ancestors 'none'")
}

describe('stored XSS: markup in names via the IdP and via SCIM, and in a NameID', () => {
  it('renders every value as text on the Webex home page, Control Hub and the refusal page, under a CSP', async () => {
    const admin = sandbox.idp.idp.store.read().users[0]?.id ?? ''
    await sandbox.idp.idp.services.directory.updateUser(admin, { displayName: `${MARKUP} idp` })
    const webexUser = sandbox.sp.services.users.findSignInUser(sandbox.idp.adminUpn)
    const token = sandbox.sp.services.scimToken.current()
    const patched = await sandbox.sp.app.request(
      `/identity/scim/${sandbox.sp.orgId}/v2/Users/${webexUser?.id}`,
      {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', path: 'displayName', value: `${MARKUP} scim` }],
        }),
      },
    )
    expect(patched.status).toBe(200)

    const { browser } = await signInFully(sandbox)
    const home = await browser.open(`${sandbox.sp.url}/webex/home`)
    expect(home.status).toBe(200)
    expect(home.body).not.toContain('<img')
    expect(home.body).toContain('&lt;img src=x onerror=alert(1)&gt; idp')
    expect(home.body).toContain('&lt;img src=x onerror=alert(1)&gt; scim')
    const cookie = browser.jar
      .cookiesFor(new URL(sandbox.sp.url))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ')
    expectScriptFreeCsp((await sandbox.sp.app.request('/webex/home', { headers: { cookie } })).headers)

    const controlHub = await (await signedInConsole(sandbox.sp)).get('/admin')
    expect(await controlHub.text()).not.toContain('<img')
    expectScriptFreeCsp(controlHub.headers)

    // A NameID with markup in a validly signed assertion: the refusal page shows it as text.
    const intercepted = await sandbox.intercept()
    const ctx = await contextFor(sandbox, intercepted)
    const doc = parseCorpusXml(intercepted.responseXml)
    const assertion = assertionOf(doc)
    setText(first(assertion, 'NameID'), `<script>alert(1)</script>${MARKUP}`)
    for (const attribute of Array.from(assertion.getElementsByTagName('Attribute') as unknown as Element[])) {
      if (attribute.getAttribute('Name') === 'uid')
        setText(first(attribute, 'AttributeValue'), `${MARKUP}@contoso.com`)
    }
    resign(assertion, {
      privateKey: ctx.idpKey.privateKey,
      certificatesBase64: [ctx.idpKey.certificateBase64],
    })
    const refusal = await sandbox.postToAcs(intercepted.browser, toXml(doc))
    const html = await refusal.text()
    expect(refusal.status).toBe(403)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script>alert')
    expectScriptFreeCsp(refusal.headers)
  })

  it('escapes a markup RelayState in the IdP’s auto-post page, whose only script carries a nonce', async () => {
    const browser = sandbox.idp.idp.browser()
    const sso = (relayState?: string) =>
      `${sandbox.idp.idp.url}/${sandbox.idp.idp.tenantId}/saml2?${encodeRedirectBinding({
        parameter: 'SAMLRequest',
        xml: authnRequestXml({ issuer: sandbox.idp.sp.entityId, acsUrl: sandbox.idp.sp.acsUrl }),
        ...(relayState ? { relayState } : {}),
      })}`
    const first = await signIn({
      startUrl: sso(),
      username: sandbox.idp.adminUpn,
      password: sandbox.idp.adminPassword,
      browser,
    })
    expect(first.ok).toBe(true)
    const page = await browser.open(sso(`"><script>alert(1)</script>`))
    expect(page.status).toBe(200)
    expect(page.body).not.toContain('<script>alert(1)')
    expect(page.facts.forms[0]?.fields.find((f) => f.name === 'RelayState')?.value).toBe(
      `"><script>alert(1)</script>`,
    )
    const scripts = page.body.match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBe(1)
    expect(scripts[0]).toMatch(/nonce="[^"]+"/)
  })
})

describe('admin calls without a token, with a wrong one, or cross-site', () => {
  const adminCalls: ReadonlyArray<readonly [string, string, unknown]> = [
    ['POST', '/api/v1/sso/idp-metadata', { xml: '<x/>', trustMode: 'self-signed-allowed' }],
    ['PATCH', '/api/v1/sso/settings', { allowSha1: true }],
    ['POST', '/api/v1/sso/disable', undefined],
    ['POST', '/api/v1/sso/trusted-roots', { pem: 'x' }],
    ['POST', '/api/v1/sandbox/reset', undefined],
  ]

  it('refuses every Control Hub change with 401 and changes nothing, whatever the cookies or the query say', async () => {
    const { browser } = await signInFully(sandbox)
    const cookie = browser.jar
      .cookiesFor(new URL(sandbox.sp.url))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ')
    const before = sandbox.sp.store.read()
    for (const [method, path, body] of adminCalls) {
      for (const headers of [
        {} as Record<string, string>,
        { authorization: 'Bearer wrong-token-wrong-token-wrong-token-0000' },
        { cookie, origin: 'https://evil.test' },
        { authorization: `Basic ${Buffer.from(`admin:${sandbox.sp.adminToken}`).toString('base64')}` },
      ]) {
        for (const query of [
          '',
          `?access_token=${sandbox.sp.adminToken}`,
          `?token=${sandbox.sp.adminToken}`,
        ]) {
          const sent: Record<string, string> = { ...headers }
          if (body !== undefined) sent['content-type'] = 'application/json'
          const response = await sandbox.sp.app.request(`${path}${query}`, {
            method,
            headers: sent,
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          })
          await response.arrayBuffer()
          expect(response.status, `${method} ${path}${query} ${JSON.stringify(headers)}`).toBe(401)
        }
      }
    }
    expect(sandbox.sp.store.read()).toBe(before)
  })

  it('offers no CORS to another origin on either server (a cross-site page cannot send the bearer token)', async () => {
    for (const [app, path] of [
      [sandbox.sp.app, '/api/v1/sso/settings'],
      [sandbox.idp.idp.app, '/v1.0/users'],
      [sandbox.idp.idp.app, `/sandbox/api/servicePrincipals/${sandbox.idp.spId}/saml/metadata`],
    ] as const) {
      const preflight = await app.request(path, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.test',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      })
      await preflight.arrayBuffer()
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
      expect(preflight.headers.get('access-control-allow-headers')).toBeNull()
    }
  })

  it('refuses the IdP’s admin APIs without the token and changes nothing', async () => {
    const before = sandbox.idp.idp.store.read()
    for (const [method, path] of [
      ['POST', '/v1.0/users'],
      ['DELETE', `/v1.0/servicePrincipals/${sandbox.idp.spId}`],
      ['POST', `/v1.0/servicePrincipals/${sandbox.idp.spId}/addTokenSigningCertificate`],
      ['POST', `/sandbox/api/servicePrincipals/${sandbox.idp.spId}/saml/metadata`],
      ['POST', '/sandbox/api/reset'],
    ] as const) {
      const response = await sandbox.idp.idp.app.request(path, {
        method,
        headers: { origin: 'https://evil.test', 'content-type': 'application/json' },
        body: '{}',
      })
      await response.arrayBuffer()
      expect(response.status, `${method} ${path}`).toBe(401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
    }
    expect(sandbox.idp.idp.store.read()).toBe(before)
  })
})

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Lax, distinct per server, ≥128-bit random, and carry no SAML data', async () => {
    const { browser, result } = await signInFully(sandbox)
    const jar = browser.jar.cookiesFor(new URL(sandbox.sp.url))
    const names = jar.map((c) => c.name)
    expect(names).toContain('idp_session')
    expect(names).toContain('webex_sandbox_session')
    expect(new Set(names).size).toBe(names.length)
    const nameId = /<NameID[^>]*>([^<]+)</.exec(result.samlResponse.xml)?.[1] ?? ''
    expect(nameId).not.toBe('')
    for (const cookie of jar) {
      expect(cookie.httpOnly, cookie.name).toBe(true)
      expect(cookie.sameSite, cookie.name).toBe('lax')
      // base64url: 22 characters = 132 bits.
      expect(cookie.value, cookie.name).toMatch(/^[A-Za-z0-9_-]{22,}$/)
      expect(cookie.value).not.toContain(nameId)
      expect(cookie.value).not.toMatch(/PHNhbWxw|PD94|samlp/i)
    }
  })

  it('are Secure under https on both servers, and the session id changes at every sign-in', async () => {
    const secure = await createSandbox({ https: true })
    const first = await signInFully(secure)
    const sessionOf = (b: typeof first.browser) =>
      b.jar.cookiesFor(new URL(secure.sp.url)).find((c) => c.name === 'webex_sandbox_session')
    const before = sessionOf(first.browser)
    expect(before?.secure).toBe(true)
    expect(
      first.browser.jar.cookiesFor(new URL(secure.idp.idp.url)).find((c) => c.name === 'idp_session')?.secure,
    ).toBe(true)
    const again = await signIn({
      startUrl: `${secure.sp.url}${acsPath(secure.sp.orgId)}`,
      username: secure.idp.adminUpn,
      password: secure.idp.adminPassword,
      browser: first.browser,
    })
    expect(again.ok).toBe(true)
    expect(sessionOf(first.browser)?.value).not.toBe(before?.value)
  })
})

describe('stored XSS: refusals render markup as text', () => {
  it('escapes a markup NameID in the refusal even when the ACS refuses it early', async () => {
    const intercepted = await sandbox.intercept()
    const ctx = await contextFor(sandbox, intercepted)
    const doc = parseCorpusXml(intercepted.responseXml)
    const assertion = assertionOf(doc)
    setText(first(assertion, 'Audience'), `https://evil.test/${MARKUP}`)
    resign(assertion, {
      privateKey: ctx.idpKey.privateKey,
      certificatesBase64: [ctx.idpKey.certificateBase64],
    })
    const answer = await expectAcsRefusal(sandbox, intercepted, toXml(doc), 'SSO_AUDIENCE_MISMATCH')
    expect(answer.text).toContain(MARKUP)
  })
})
