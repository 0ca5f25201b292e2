import {
  certificateToDer,
  decodeRedirectBinding,
  encodePostBinding,
  NS,
  parseXml,
  signIn,
  trustCertificate,
  verifyRedirectSignature,
} from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, redirectUrl, SP, setUpSamlApp } from '../test-support/saml-app'
import { STAY_SIGNED_IN_ANSWERED_NO, submitCredentials } from '../test-support/sign-in-steps'

let t: TestIdp
let spId: string
beforeEach(async () => {
  t = await createTestIdp()
  ;({ spId } = await setUpSamlApp(t))
  await t.services.samlConfig.configureBasicSaml(spId, { relayState: '/welcome' })
})

const login = { username: 'admin@contoso.com' }
async function signedInBrowser() {
  const browser = t.browser()
  const result = await signIn({
    startUrl: redirectUrl(t, authnRequestXml()),
    ...login,
    password: t.adminPassword,
    browser,
  })
  if (!result.ok) throw new Error(result.error.message)
  browser.hops.length = 0
  return browser
}

function decodeFormResponse(page: {
  facts: { forms: readonly { fields: readonly { name: string; value: string }[] }[] }
}) {
  const fields = page.facts.forms[0]?.fields ?? []
  const xml = Buffer.from(fields.find((f) => f.name === 'SAMLResponse')?.value ?? '', 'base64').toString()
  const doc = parseXml(xml, { maxBytes: 1 << 20, maxDepth: 64 })
  if (!doc.ok) throw new Error(doc.error.message)
  return { root: doc.value.documentElement, relayState: fields.find((f) => f.name === 'RelayState')?.value }
}

describe('My Apps', () => {
  it('asks for a sign-in first, then lists only assigned, visible SAML apps as tiles', async () => {
    const hidden = await setUpSamlApp(t, {
      name: 'Hidden app',
      entityId: 'urn:hidden',
      acs: 'https://hidden.test/acs',
    })
    await t.services.apps.updateServicePrincipal(hidden.spId, { visibleToUsers: false })
    await setUpSamlApp(t, {
      name: 'Not assigned',
      entityId: 'urn:other',
      acs: 'https://other.test/acs',
      assignAdmin: false,
    })
    const browser = t.browser()
    const first = await browser.open(`${t.url}/myapps`)
    expect(new URL(first.url).pathname).toBe(`/${t.tenantId}/login`)
    const form = first.facts.forms[0]
    if (!form) throw new Error('no sign-in form')
    const page = await submitCredentials(browser, first, { login: login.username, password: t.adminPassword })
    expect(new URL(page.url).pathname).toBe('/myapps')
    expect(page.facts.text).toContain('Tercen')
    expect(page.facts.text).not.toContain('Hidden app')
    expect(page.facts.text).not.toContain('Not assigned')
    expect(page.body).toContain(`href="/myapps/launch/${spId}"`)
  })

  it('searches with a GET form (/myapps?q=) filtered by the server, case-insensitively, and says how many match', async () => {
    await setUpSamlApp(t, { name: 'Salesforce', entityId: 'urn:sf', acs: 'https://sf.test/acs' })
    const browser = await signedInBrowser()
    const all = await browser.open(`${t.url}/myapps`)
    const search = all.facts.forms.find((f) => f.method === 'GET' && f.fields.some((x) => x.name === 'q'))
    if (!search) throw new Error('My Apps has no search form')
    expect(search.action.pathname).toBe('/myapps')
    expect(all.body).toMatch(/<input[^>]*aria-label="Search apps"[^>]*>/)
    expect(all.facts.text).toContain('Salesforce')
    const found = await browser.submit(all, search, { q: '  SALES ' })
    expect(`${found.url.pathname}${found.url.search}`).toBe('/myapps?q=++SALES+')
    expect(found.facts.text).toContain('Salesforce')
    expect(found.facts.text).not.toContain('Tercen')
    expect(found.facts.text).toContain('1 of 2 apps match “SALES”.')
    expect(found.body).toMatch(/value="SALES"/)
    const none = await browser.open(`${t.url}/myapps?q=${encodeURIComponent('<b>zzz</b>')}`)
    expect(none.facts.text).toContain('0 of 2 apps match “<b>zzz</b>”.')
    expect(none.body).not.toContain('<b>zzz</b>')
  })

  it('puts the name and "Sign out" in the avatar menu button, and "Manage your application" in each tile menu', async () => {
    const browser = await signedInBrowser()
    const page = await browser.open(`${t.url}/myapps`)
    expect(page.body).toMatch(
      /<summary role="button" aria-haspopup="menu" aria-controls="my-apps-account-menu"><span class="visually-hidden">Account manager for [^<]+<\/span>/,
    )
    expect(page.body).toMatch(
      new RegExp(
        `<div role="menu" id="my-apps-account-menu"[^>]*><a role="menuitem" href="/${t.tenantId}/logout">Sign out</a>`,
      ),
    )
    expect(page.body).toContain('<span class="visually-hidden">More options for Tercen</span>')
    const manage = new RegExp(
      `<a role="menuitem" href="(/myapps/apps/${spId})">Manage your application</a>`,
    ).exec(page.body)
    expect(manage).not.toBeNull()
    const details = await browser.open(`${t.url}${manage?.[1]}`)
    expect(details.status).toBe(200)
    expect(details.facts.title).toBe('Tercen - My Apps (sandbox)')
    expect(details.facts.text).toContain('Publisher')
    const tenantName = t.store.read().tenant.displayName
    expect(details.body).toContain(`<dt>Publisher</dt><dd>${tenantName}</dd>`)
    expect(details.facts.text).not.toContain('Microsoft Corporation')
    expect(details.facts.text).toContain('In the sandbox this page only shows the app')
    expect(details.body).toContain(`href="/myapps/launch/${spId}"`)
    const other = await setUpSamlApp(t, {
      name: 'Not mine',
      entityId: 'urn:nm',
      acs: 'https://nm.test/acs',
      assignAdmin: false,
    })
    const refused = await browser.open(`${t.url}/myapps/apps/${other.spId}`)
    expect(refused.status).toBe(404)
    expect(refused.facts.text).toContain('This app isn’t in your apps')
    expect(refused.facts.text).not.toContain('Not mine')
    const anonymous = await t.browser().open(`${t.url}/myapps/apps/${spId}`)
    expect(anonymous.url.pathname).toBe(`/${t.tenantId}/login`)
  })

  it('launches a tile IdP-initiated to the reply URL: no InResponseTo, the configured Relay State', async () => {
    const browser = await signedInBrowser()
    const page = await browser.open(`${t.url}/myapps/launch/${spId}`)
    expect(page.facts.forms[0]?.action.href).toBe(SP.acs)
    const { root, relayState } = decodeFormResponse(page)
    expect(relayState).toBe('/welcome')
    expect(root.hasAttribute('InResponseTo')).toBe(false)
    const confirmation = root.getElementsByTagNameNS(NS.assertion, 'SubjectConfirmationData')[0]
    expect(confirmation?.hasAttribute('InResponseTo')).toBe(false)
    expect(root.getElementsByTagNameNS(NS.assertion, 'Audience')[0]?.textContent).toBe(SP.entityId)
    expect(t.services.signInLog.list()[0]).toMatchObject({ errorCode: 0, initiatedBy: 'idp' })
  })

  it('redirects to the Sign-on URL instead when one is set (SP-initiated, the Webex case)', async () => {
    await t.services.samlConfig.configureBasicSaml(spId, { signOnUrl: 'https://sp.test/login' })
    const browser = await signedInBrowser()
    await browser.open(`${t.url}/myapps/launch/${spId}`)
    expect(browser.hops[0]).toMatchObject({ status: 302, location: 'https://sp.test/login' })
  })

  it('needs a default among several reply URLs (AADSTS900971), and refuses IdP-initiated for signed-request apps (AADSTS76021)', async () => {
    await t.services.samlConfig.configureBasicSaml(spId, {
      replyUrls: [
        { url: SP.acs, index: 0 },
        { url: 'https://sp.test/saml/acs2', index: 1 },
      ],
    })
    const browser = await signedInBrowser()
    const ambiguous = await browser.open(`${t.url}/myapps/launch/${spId}`)
    expect(ambiguous.status).toBe(400)
    expect(ambiguous.facts.text).toContain('AADSTS900971: No reply address provided.')
    await t.services.samlConfig.configureBasicSaml(spId, {
      replyUrls: [
        { url: SP.acs, index: 0 },
        { url: 'https://sp.test/saml/acs2', index: 1, isDefault: true },
      ],
    })
    const chosen = await browser.open(`${t.url}/myapps/launch/${spId}`)
    expect(chosen.facts.forms[0]?.action.href).toBe('https://sp.test/saml/acs2')
    await t.services.samlConfig.setRequestVerification(spId, {
      required: true,
      certificates: [t.runtime.ca.intermediate.certificatePem],
    })
    const signedOnly = await browser.open(`${t.url}/myapps/launch/${spId}`)
    expect(signedOnly.facts.text).toContain('AADSTS76021')
    expect(signedOnly.facts.forms).toEqual([])
  })
})

describe('launching signed out: the sign-in POST is answered with a page, never a cross-site redirect', () => {
  // Chromium checks a redirect that answers a form POST against the sign-in page's
  // form-action 'self' and blocks it; the headless browser makes the same check.
  async function launchSignedOut(path: string) {
    await t.services.samlConfig.configureBasicSaml(spId, { signOnUrl: 'https://sp.test/login' })
    const browser = t.browser()
    const result = await signIn({ startUrl: `${t.url}${path}`, ...login, password: t.adminPassword, browser })
    return { browser, result }
  }

  for (const [name, path] of [
    ['"Test this application"', () => `/sandbox/applications/${spId}/test`],
    ['a My Apps launch link', () => `/myapps/launch/${spId}`],
  ] as const) {
    it(`${name} continues to the Sign-on URL from a page after the password`, async () => {
      const { browser } = await launchSignedOut(path())
      // The last POST of the sign-in ("Stay signed in?") is the one that ends it.
      const post = browser.hops.findLast((h) => h.method === 'POST')
      expect(post).toMatchObject({ status: 200, location: 'https://sp.test/login' })
      expect(browser.hops.at(-1)).toMatchObject({ method: 'GET', url: 'https://sp.test/login', status: 200 })
    })
  }

  it('serves that page without a script, with a link, and not cacheable', async () => {
    await t.services.samlConfig.configureBasicSaml(spId, { signOnUrl: 'https://sp.test/login?a=1&b="x"' })
    const browser = t.browser()
    const form = await browser.open(`${t.url}/sandbox/applications/${spId}/test`)
    const fields = Object.fromEntries(form.facts.forms[0]?.fields.map((f) => [f.name, f.value]) ?? [])
    const response = await t.app.request(`/${t.tenantId}/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: t.url,
        cookie: STAY_SIGNED_IN_ANSWERED_NO,
      },
      body: new URLSearchParams({ ...fields, login: login.username, passwd: t.adminPassword }).toString(),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()
    expect(html).toContain(
      '<meta http-equiv="refresh" content="0;url=https://sp.test/login?a=1&amp;b=%22x%22"/>',
    )
    expect(html).toContain('<a href="https://sp.test/login?a=1&amp;b=%22x%22">Continue</a>')
    expect(html).not.toContain('<script')
  })

  it('still redirects within the IdP after the password (My Apps)', async () => {
    const browser = t.browser()
    const first = await browser.open(`${t.url}/myapps`)
    const form = first.facts.forms[0]
    if (!form) throw new Error('no sign-in form')
    await submitCredentials(browser, first, { login: login.username, password: t.adminPassword })
    expect(browser.hops.findLast((h) => h.method === 'POST')).toMatchObject({
      status: 302,
      location: '/myapps',
    })
  })
})

describe('Test this application', () => {
  it('signs the admin in first, then runs the IdP-initiated sign-in', async () => {
    const browser = t.browser()
    const result = await signIn({
      startUrl: `${t.url}/sandbox/applications/${spId}/test`,
      ...login,
      password: t.adminPassword,
      browser,
    })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.samlResponse.to).toBe(SP.acs)
    expect(result.value.authnRequest).toBeUndefined()
  })

  it('refuses an app that does not use SAML yet', async () => {
    const other = await t.services.apps.instantiate('8adf8e6e-67b2-4cf2-a259-e3dc5476c621', 'No SSO')
    if (!other.ok) throw new Error(other.error.message)
    const response = await t.app.request(`/sandbox/applications/${other.value.servicePrincipal.id}/test`)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('AADSTS700016')
  })
})

describe('single logout', () => {
  const logoutRequest = (issuer: string = SP.entityId) =>
    `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_logout1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><saml:Issuer>${issuer}</saml:Issuer><saml:NameID>admin@contoso.com</saml:NameID></samlp:LogoutRequest>`

  it('ends the IdP session and answers the Logout URL with a signed Redirect-binding LogoutResponse', async () => {
    const browser = await signedInBrowser()
    await browser.open(redirectUrl(t, logoutRequest(), { relayState: 'bye' }))
    const hop = browser.hops[0]
    expect(hop?.status).toBe(302)
    const location = new URL(hop?.location ?? '')
    expect(`${location.origin}${location.pathname}`).toBe(SP.logout)
    const decoded = decodeRedirectBinding(location.search)
    if (!decoded.ok) throw new Error(decoded.error.message)
    expect(decoded.value.relayState).toBe('bye')
    expect(decoded.value.xml).toContain('<samlp:LogoutResponse ')
    expect(decoded.value.xml).toContain('InResponseTo="_logout1"')
    expect(decoded.value.xml).toContain('urn:oasis:names:tc:SAML:2.0:status:Success')
    const pem = t.store.read().apps[0]?.saml.certificates[0]?.certificatePem ?? ''
    const key = trustCertificate(certificateToDer(pem) as Buffer).publicKey
    expect(verifyRedirectSignature(decoded.value.signature as never, [key], false).ok).toBe(true)
    expect(browser.jar.cookiesFor(new URL(t.url))).toEqual([])
    const again = await browser.open(redirectUrl(t, authnRequestXml()))
    expect(new URL(again.url).pathname).toBe(`/${t.tenantId}/login`)
  })

  it('takes LogoutRequests over POST too, and shows the signed-out page when no Logout URL is set', async () => {
    await t.services.samlConfig.configureBasicSaml(spId, { logoutUrl: null })
    const browser = await signedInBrowser()
    const response = await t.app.request(`/${t.tenantId}/saml2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ SAMLRequest: encodePostBinding(logoutRequest()) }).toString(),
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('has no Logout URL')
    expect(response.headers.get('set-cookie')).toMatch(/^idp_session=;/)
    expect(browser).toBeDefined()
  })

  it('answers a POSTed LogoutRequest with a page that continues to the Logout URL, not a cross-site redirect', async () => {
    await signedInBrowser()
    const response = await t.app.request(`/${t.tenantId}/saml2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        SAMLRequest: encodePostBinding(logoutRequest()),
        RelayState: 'bye',
      }).toString(),
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1] ?? ''
    const location = new URL(refresh.replaceAll('&amp;', '&'))
    expect(`${location.origin}${location.pathname}`).toBe(SP.logout)
    const decoded = decodeRedirectBinding(location.search)
    if (!decoded.ok) throw new Error(decoded.error.message)
    expect(decoded.value.relayState).toBe('bye')
    expect(decoded.value.xml).toContain('InResponseTo="_logout1"')
  })

  it('refuses a LogoutRequest from an unknown issuer (AADSTS700016) and accepts a LogoutResponse', async () => {
    const unknown = await t.app.request(redirectUrl(t, logoutRequest('urn:unknown')).replace(t.url, ''))
    expect(await unknown.text()).toContain('AADSTS700016')
    const response = `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" ID="_r" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>`
    const signedOut = await t.app.request(
      redirectUrl(t, response, { parameter: 'SAMLResponse' }).replace(t.url, ''),
    )
    expect(await signedOut.text()).toContain('You signed out of your account')
  })
})
