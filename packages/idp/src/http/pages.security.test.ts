import { signIn } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, redirectUrl, setUpSamlApp } from '../test-support/saml-app'

const MARKUP = '<img src=x onerror=alert(1)>'

let t: TestIdp
let spId: string
beforeEach(async () => {
  t = await createTestIdp()
  ;({ spId } = await setUpSamlApp(t))
})

describe('pages render directory and app data as text (stored XSS)', () => {
  it('escapes a user’s and an app’s markup on My Apps and on the sign-in page', async () => {
    const admin = t.store.read().users[0]?.id ?? ''
    await t.services.directory.updateUser(admin, { displayName: MARKUP })
    await t.services.apps.updateServicePrincipal(spId, { displayName: `${MARKUP} app` })
    const browser = t.browser()
    const login = await browser.open(redirectUrl(t, authnRequestXml()))
    expect(login.body).not.toContain('<img')
    expect(login.facts.text).toContain(`to continue to ${MARKUP} app`)
    const result = await signIn({
      startUrl: `${t.url}/myapps`,
      username: 'admin@contoso.com',
      password: t.adminPassword,
      browser,
    })
    // My Apps is no SAML flow: the helper signs in and stops there without a Response.
    expect(result.ok ? 'response' : result.error.code).toBe('NO_SAML_RESPONSE')
    const myApps = await browser.open(`${t.url}/myapps`)
    expect(myApps.status).toBe(200)
    expect(myApps.body).not.toContain('<img')
    expect(myApps.body).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('answers the sign-in page without a live ctx, or for another tenant, with Entra’s error page', async () => {
    const stale = await t.app.request(`/${t.tenantId}/login?ctx=nope`)
    expect(stale.status).toBe(400)
    expect(await stale.text()).toContain('AADSTS50089')
    const otherTenant = await t.app.request('/fabrikam.com/login?ctx=nope')
    expect(otherTenant.status).toBe(404)
    expect(await otherTenant.text()).toContain('AADSTS90002')
  })

  it('sends the security headers on every page', async () => {
    const response = await t.app.request(`/${t.tenantId}/login?ctx=x`)
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('referrer-policy')).toBe('same-origin')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })
})
