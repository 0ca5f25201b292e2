import type { HeadlessBrowser } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { CONSOLE_COOKIE } from '../sessions/console-sessions'
import { csrfTokenOf, signInToConsole } from '../test-support/console'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { SESSION_COOKIE, STAY_SIGNED_IN_COOKIE } from './request-facts'

let idp: TestIdp
beforeEach(async () => {
  idp = await createTestIdp()
})

const ADMIN = 'admin@contoso.com'

/** A browser signed in to the admin center (so also to Entra) that once ticked "Don't show this again". */
async function signedInEverywhere(): Promise<HeadlessBrowser> {
  const browser = idp.browser()
  await signInToConsole(idp, browser, { login: ADMIN, password: idp.adminPassword })
  browser.jar.store(new URL(idp.url), `${STAY_SIGNED_IN_COOKIE}=yes; Path=/; HttpOnly; SameSite=Lax`)
  return browser
}

function cookieHeader(browser: HeadlessBrowser): string {
  return browser.jar
    .cookiesFor(new URL(idp.url))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ')
}

function cookieValue(browser: HeadlessBrowser, name: string): string | undefined {
  return browser.jar.cookiesFor(new URL(idp.url)).find((c) => c.name === name)?.value
}

/** The three ways out: each answers with the raw response, so its Set-Cookie headers can be read. */
const SIGN_OUTS: ReadonlyArray<readonly [string, (browser: HeadlessBrowser) => Promise<Response>]> = [
  [
    'the Entra sign-out address',
    (browser) =>
      Promise.resolve(
        idp.app.request(`/${idp.tenantId}/logout`, { headers: { cookie: cookieHeader(browser) } }),
      ),
  ],
  [
    'My Apps’ Sign out',
    async (browser) => {
      const myApps = await browser.open(`${idp.url}/myapps`)
      const href = /<a[^>]*href="([^"]+)"[^>]*>\s*Sign out\s*</.exec(myApps.body)?.[1]
      if (!href) throw new Error('My Apps shows no Sign out link')
      return idp.app.request(href, { headers: { cookie: cookieHeader(browser) } })
    },
  ],
  [
    'the admin center’s Sign out',
    async (browser) => {
      const home = await browser.open(`${idp.url}/`)
      return idp.app.request('/console/sign-out', {
        method: 'POST',
        headers: {
          cookie: cookieHeader(browser),
          origin: idp.url,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `csrfToken=${encodeURIComponent(csrfTokenOf(home))}`,
      })
    },
  ],
]

describe('signing out', () => {
  it.each(SIGN_OUTS)(
    'from %s expires the SAML, "Stay signed in" and console cookies and ends both sessions',
    async (_, signOut) => {
      const browser = await signedInEverywhere()
      const sessionId = cookieValue(browser, SESSION_COOKIE)
      const consoleCookie = cookieValue(browser, CONSOLE_COOKIE)
      expect(idp.services.sessions.get(sessionId)).not.toBeNull()
      expect(idp.services.consoleSessions.open(consoleCookie)).not.toBeNull()
      const before = cookieHeader(browser)

      const out = await signOut(browser)
      expect(out.status).toBe(200)
      const page = await out.text()
      expect(page).toContain('You signed out of your account')
      expect(page).toContain('It’s a good idea to close all browser windows.')
      const setCookies = out.headers.getSetCookie()
      for (const name of [SESSION_COOKIE, STAY_SIGNED_IN_COOKIE, CONSOLE_COOKIE]) {
        const cleared = setCookies.find((line) => line.startsWith(`${name}=`))
        expect(cleared, `${name} is expired`).toMatch(/^[^=]+=;.*Max-Age=0/)
        expect(cleared).toMatch(/Path=\//)
      }
      // Ended at the server too: the cookies as they were before no longer open anything.
      expect(idp.services.sessions.get(sessionId)).toBeNull()
      expect(idp.services.consoleSessions.open(consoleCookie)).toBeNull()
      for (const path of ['/myapps', '/']) {
        const replay = await idp.app.request(path, { headers: { cookie: before } })
        expect(replay.status, path).toBe(302)
        expect(new URL(replay.headers.get('location') ?? '', idp.url).pathname).toBe(`/${idp.tenantId}/login`)
      }

      // The browser applies the expiry; its next visit asks for the account, then "Stay signed in?" again.
      for (const line of setCookies) browser.jar.store(new URL(idp.url), line)
      expect(browser.jar.cookiesFor(new URL(idp.url))).toEqual([])
      const again = await browser.open(`${idp.url}/myapps`)
      expect(again.url.pathname).toBe(`/${idp.tenantId}/login`)
      const account = again.facts.forms.find((f) => f.fields.some((field) => field.name === 'login'))
      if (!account) throw new Error('the revisit shows no account step')
      const password = await browser.submit(again, account, { login: ADMIN, passwd: idp.adminPassword })
      expect(password.facts.text).toContain('Stay signed in?')
    },
  )
})
