import { attributeOf, childNamed, NS, parseXml, STATUS, signIn, textOf } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, postToSaml2, redirectUrl, SP, setUpSamlApp } from '../test-support/saml-app'

let t: TestIdp
beforeEach(async () => {
  t = await createTestIdp()
  await setUpSamlApp(t)
})

function parse(xml: string): Element {
  const doc = parseXml(xml, { maxBytes: 1 << 20, maxDepth: 64 })
  if (!doc.ok) throw new Error(doc.error.message)
  return doc.value.documentElement
}

async function signInAsAdmin(startUrl: string, browser = t.browser()) {
  const result = await signIn({ startUrl, username: 'admin@contoso.com', password: t.adminPassword, browser })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

describe('SP-initiated sign-in at /{tenant}/saml2', () => {
  it('shows the sign-in page for a Redirect-binding AuthnRequest, then POSTs a Response to the reply URL', async () => {
    const result = await signInAsAdmin(redirectUrl(t, authnRequestXml(), { relayState: 'state-123' }))
    expect(result.hops.map((h) => [h.method, new URL(h.url).pathname, h.status])).toEqual([
      ['GET', `/${t.tenantId}/saml2`, 302],
      ['GET', `/${t.tenantId}/login`, 200],
      ['POST', `/${t.tenantId}/login`, 200],
      ['POST', `/${t.tenantId}/login`, 200],
      ['POST', `/${t.tenantId}/kmsi`, 200],
      ['POST', '/saml/acs', 200],
    ])
    expect(result.samlResponse).toMatchObject({ binding: 'post', to: SP.acs, relayState: 'state-123' })
    const response = parse(result.samlResponse.xml)
    expect(response.getAttribute('Destination')).toBe(SP.acs)
    expect(response.getAttribute('InResponseTo')).toBe('id6c1c178c166d486687be4aaf5e482730')
    const assertion = childNamed(response, NS.assertion, 'Assertion') as Element
    const audience = assertion.getElementsByTagNameNS(NS.assertion, 'Audience')[0] as Element
    expect(textOf(audience)).toBe(SP.entityId)
    const nameId = assertion.getElementsByTagNameNS(NS.assertion, 'NameID')[0] as Element
    expect(textOf(nameId)).toBe('admin@contoso.com')
  })

  it('accepts the POST binding too', async () => {
    const login = await postToSaml2(t, authnRequestXml(), { RelayState: 'r' })
    expect(login.status).toBe(302)
    expect(login.headers.get('location')).toMatch(new RegExp(`^/${t.tenantId}/login\\?ctx=`))
  })

  it('signs a second app in from the IdP session without a password, and sets a rotated, HttpOnly, Lax cookie', async () => {
    const browser = t.browser()
    const first = await signInAsAdmin(redirectUrl(t, authnRequestXml()), browser)
    const [cookie] = first.browser.jar.cookiesFor(new URL(t.url))
    expect(cookie).toMatchObject({ name: 'idp_session', httpOnly: true, sameSite: 'lax', secure: false })
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43,}$/)
    expect(cookie?.value).not.toContain('Response')
    await setUpSamlApp(t, { name: 'Second', entityId: 'urn:second', acs: 'https://second.test/acs' })
    browser.hops.length = 0
    const page = await browser.open(
      redirectUrl(
        t,
        authnRequestXml({ issuer: 'urn:second', acsUrl: 'https://second.test/acs', id: '_second' }),
      ),
    )
    expect(browser.hops).toHaveLength(1)
    expect(page.facts.forms[0]?.action.href).toBe('https://second.test/acs')
    expect(page.facts.forms[0]?.fields.map((f) => f.name)).toEqual(['SAMLResponse'])
    const third = await signInAsAdmin(
      redirectUrl(t, authnRequestXml({ attributes: ' ForceAuthn="true"' })),
      browser,
    )
    const rotated = third.browser.jar.cookiesFor(new URL(t.url))[0]?.value
    expect(rotated).not.toBe(cookie?.value)
    expect(third.hops.some((h) => h.url.includes('/login'))).toBe(true)
  })

  it('keeps AuthnInstant at the original sign-in across later assertions', async () => {
    const browser = t.browser()
    const first = await signInAsAdmin(redirectUrl(t, authnRequestXml()), browser)
    const instantOf = (xml: string) =>
      attributeOf(
        parse(xml).getElementsByTagNameNS(NS.assertion, 'AuthnStatement')[0] as Element,
        'AuthnInstant',
      )
    const page = await browser.open(redirectUrl(t, authnRequestXml({ id: '_again' })))
    const posted = await browser.submit(page, page.facts.forms[0] as never)
    expect(posted.status).toBe(200)
    const again = browser.samlMessages().at(-1)
    expect(instantOf(again?.xml ?? '')).toBe(instantOf(first.samlResponse.xml))
  })

  it('answers IsPassive without a session with a NoPassive error Response, and with a session silently', async () => {
    const passive = authnRequestXml({ attributes: ' IsPassive="true"' })
    const browser = t.browser()
    const page = await browser.open(redirectUrl(t, passive))
    const xml = Buffer.from(page.facts.forms[0]?.fields[0]?.value ?? '', 'base64').toString()
    const status = parse(xml).getElementsByTagNameNS(NS.protocol, 'StatusCode')
    expect([status[0]?.getAttribute('Value'), status[1]?.getAttribute('Value')]).toEqual([
      STATUS.requester,
      STATUS.noPassive,
    ])
    expect(xml).toContain('AADSTS50058')
    expect(xml).not.toContain('<Assertion')
    await signInAsAdmin(redirectUrl(t, authnRequestXml()), browser)
    const silent = await browser.open(redirectUrl(t, passive))
    expect(Buffer.from(silent.facts.forms[0]?.fields[0]?.value ?? '', 'base64').toString()).toContain(
      '<Assertion',
    )
  })

  it('signs out at /{tenant}/logout, after which a password is needed again', async () => {
    const browser = t.browser()
    await signInAsAdmin(redirectUrl(t, authnRequestXml()), browser)
    const out = await browser.open(`${t.url}/${t.tenantId}/logout`)
    expect(out.facts.text).toContain('You signed out of your account')
    expect(browser.jar.cookiesFor(new URL(t.url))).toEqual([])
    const page = await browser.open(redirectUrl(t, authnRequestXml()))
    expect(new URL(page.url).pathname).toBe(`/${t.tenantId}/login`)
  })

  it('prefills the account from login_hint', async () => {
    const page = await t.browser().open(`${redirectUrl(t, authnRequestXml())}&login_hint=admin%40contoso.com`)
    expect(page.facts.forms[0]?.fields.find((f) => f.name === 'login')?.value).toBe('admin@contoso.com')
  })
})

describe('the auto-posting form', () => {
  it('allows its form to post only to the reply URL’s origin and runs only its nonce’d script', async () => {
    const browser = t.browser()
    await signInAsAdmin(redirectUrl(t, authnRequestXml()), browser)
    const response = await t.app.request(redirectUrl(t, authnRequestXml({ id: '_csp' })).replace(t.url, ''), {
      headers: { cookie: browser.jar.headerFor(new URL(t.url), { method: 'GET', initiator: null }) },
    })
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("form-action 'self' https://sp.test")
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1]
    const html = await response.text()
    expect(html).toContain(`<script nonce="${nonce}">`)
    expect(html).toContain(
      '<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"/></noscript>',
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
  })
})
