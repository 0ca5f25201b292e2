import { beforeEach, describe, expect, it } from 'vitest'
import { CONSOLE_COOKIE, CONSOLE_LIFETIME_SECONDS } from '../../sessions/console-sessions'
import { csrfTokenOf, signInToConsole } from '../../test-support/console'
import { createTestIdp, type TestIdp } from '../../test-support/harness'

let idp: TestIdp
let now = Date.parse('2026-03-02T09:00:00Z')
const ADMIN = 'admin@contoso.com'

beforeEach(async () => {
  now = Date.parse('2026-03-02T09:00:00Z')
  idp = await createTestIdp({ clock: { now: () => now } })
})

function admin() {
  return { login: ADMIN, password: idp.adminPassword }
}

describe('the admin center sign-in', () => {
  it('sends an anonymous visit to the Entra sign-in page and, after signing in, back to the page asked for', async () => {
    const browser = idp.browser()
    const first = await browser.open(`${idp.url}/?from=bookmark`)
    expect(first.url.pathname).toBe(`/${idp.tenantId}/login`)
    const landed = await signInToConsole(idp, browser, admin(), '/?from=bookmark')
    expect(landed.status).toBe(200)
    expect(`${landed.url.pathname}${landed.url.search}`).toBe('/?from=bookmark')
    expect(landed.facts.title).toContain('Microsoft Entra admin center')
    const cookie = browser.jar.cookiesFor(new URL(idp.url)).find((c) => c.name === CONSOLE_COOKIE)
    expect(cookie?.httpOnly).toBe(true)
    expect(cookie?.sameSite).toBe('lax')
    // The jar reads Max-Age against the wall clock.
    expect(cookie?.expiresAt).toBeGreaterThan(Date.now())
    expect(cookie?.expiresAt).toBeLessThanOrEqual(Date.now() + CONSOLE_LIFETIME_SECONDS * 1000)
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{16,128}\.[A-Za-z0-9_-]{43}$/)
  })

  it('sets a console cookie of bounded lifetime, separate from the SAML session cookie', async () => {
    const browser = idp.browser()
    await signInToConsole(idp, browser, admin())
    const names = browser.jar.cookiesFor(new URL(idp.url)).map((c) => c.name)
    expect(names).toContain(CONSOLE_COOKIE)
    expect(names).toContain('idp_session')
    const saml = browser.jar.cookiesFor(new URL(idp.url)).find((c) => c.name === 'idp_session')
    const onlySaml = await idp.app.request('/', { headers: { cookie: `idp_session=${saml?.value}` } })
    expect(onlySaml.status).toBe(302)
    expect(CONSOLE_LIFETIME_SECONDS).toBeLessThanOrEqual(12 * 3600)
  })

  it('refuses a forged or tampered cookie and a session whose lifetime has passed', async () => {
    const browser = idp.browser()
    await signInToConsole(idp, browser, admin())
    const real = browser.jar.cookiesFor(new URL(idp.url)).find((c) => c.name === CONSOLE_COOKIE)?.value ?? ''
    const ok = await idp.app.request('/', { headers: { cookie: `${CONSOLE_COOKIE}=${real}` } })
    expect(ok.status).toBe(200)
    const [id, mac] = real.split('.')
    const tampered = `${id?.slice(0, -1)}${id?.endsWith('A') ? 'B' : 'A'}.${mac}`
    for (const value of [tampered, `${id}.${'A'.repeat(43)}`, id ?? '', `${real}x`]) {
      const response = await idp.app.request('/', { headers: { cookie: `${CONSOLE_COOKIE}=${value}` } })
      expect(response.status, value).toBe(302)
      expect(response.headers.get('location')).toMatch(/\/login\?ctx=/)
    }
    now += CONSOLE_LIFETIME_SECONDS * 1000 + 1000
    const late = await idp.app.request('/', { headers: { cookie: `${CONSOLE_COOKIE}=${real}` } })
    expect(late.status).toBe(302)
  })

  it('never returns to another site, whatever the page asked for', async () => {
    for (const path of ['//evil.test/', '/\\evil.test/']) {
      const browser = idp.browser()
      const landed = await signInToConsole(idp, browser, admin(), path)
      expect(landed.url.origin).toBe(new URL(idp.url).origin)
    }
  })

  it('tells a signed-in user without an admin role that the console is not for them', async () => {
    const created = await idp.services.directory.createUser({
      userPrincipalName: 'b.simon@contoso.com',
      displayName: 'B.Simon',
      password: 'Sandbox-Passw0rd!',
    })
    expect(created.ok).toBe(true)
    const browser = idp.browser()
    const landed = await signInToConsole(idp, browser, {
      login: 'b.simon@contoso.com',
      password: 'Sandbox-Passw0rd!',
    })
    expect(landed.status).toBe(403)
    expect(landed.facts.text).toContain('doesn’t have permission to use the Microsoft Entra admin center')
    const names = browser.jar.cookiesFor(new URL(idp.url)).map((c) => c.name)
    expect(names).not.toContain(CONSOLE_COOKIE)
  })
})

describe('console forms', () => {
  it('refuse a POST without the session’s CSRF token or from another origin, and Sign out ends both sessions', async () => {
    const browser = idp.browser()
    const home = await signInToConsole(idp, browser, admin())
    const cookie = browser.jar
      .cookiesFor(new URL(idp.url))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ')
    const post = (body: string, origin = idp.url) =>
      idp.app.request('/console/sign-out', {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      })
    expect((await post('')).status).toBe(403)
    expect((await post('csrfToken=wrong')).status).toBe(403)
    const token = csrfTokenOf(home)
    expect((await post(`csrfToken=${token}`, 'https://evil.test')).status).toBe(403)
    expect((await idp.app.request('/', { headers: { cookie } })).status).toBe(200)

    const signOut = home.facts.forms.find((f) => f.action.pathname === '/console/sign-out')
    if (!signOut) throw new Error('no Sign out form')
    const out = await browser.submit(home, signOut)
    expect(out.status).toBe(200)
    expect(out.facts.text).toContain('You signed out of your account')
    expect((await idp.app.request('/', { headers: { cookie } })).status).toBe(302)
    expect(idp.services.sessions.get(/idp_session=([^;]+)/.exec(cookie)?.[1])).toBeNull()
  })
})
