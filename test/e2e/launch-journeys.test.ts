import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type RunningSandbox, startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CspViolations, launchChromium, recordCspViolations } from '../support/browser'
import { signInAtMicrosoft } from '../support/console-sign-in'
import { setUpTutorial, setUpTutorialOverTls, type TutorialSetUp } from '../support/tutorial-setup'

// Every journey starts signed out, in a fresh context, and fails on any CSP violation: Chromium
// silently drops a form submission (or a redirect answering one) that the page's form-action
// does not allow, which an HTTP client never notices.

interface Target {
  readonly sandbox: RunningSandbox
  readonly setUp: TutorialSetUp
}

const targets = new Map<'http' | 'https', Target>()
let browser: Browser

/** Configuration calls go to the servers' handlers in-process; only the browser uses the sockets. */
async function api(
  sandbox: RunningSandbox,
  server: 'idp' | 'sp',
  method: string,
  path: string,
  body?: unknown,
) {
  const running = server === 'idp' ? sandbox.idp : sandbox.sp
  const token = server === 'idp' ? sandbox.idp.graphApiToken : sandbox.sp.adminApiToken
  const response = await running.fetch(
    new Request(new URL(path, running.url), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  )
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as unknown
}

beforeAll(async () => {
  const [plain, secure] = await Promise.all([startSandbox(), startSandbox({ https: true })])
  const rootPem = secure.runtime.ca.root.certificatePem
  const [plainSetUp, secureSetUp, launched] = await Promise.all([
    setUpTutorial(plain, 6),
    setUpTutorialOverTls(secure, 6, rootPem),
    launchChromium({ trustedRootsPem: [rootPem] }),
  ])
  targets.set('http', { sandbox: plain, setUp: plainSetUp })
  targets.set('https', { sandbox: secure, setUp: secureSetUp })
  browser = launched
}, 90_000)

afterAll(async () => {
  await Promise.all([browser?.close(), ...[...targets.values()].map((t) => t.sandbox.close())])
})

/** A signed-out browser (no cookies) that records CSP violations. */
async function signedOut(): Promise<{ context: BrowserContext; page: Page; violations: CspViolations }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const violations = await recordCspViolations(context)
  return { context, page: await context.newPage(), violations }
}

/** Fills Entra's sign-in form as B.Simon and presses "Sign in". */
async function signInAsBSimon(page: Page, target: Target): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true)
  await signInAtMicrosoft(page, { login: 'B.Simon@contoso.com', password: target.setUp.password })
}

/**
 * Waits for the page to reach `path` on the Webex emulator. A blocked submission leaves the
 * browser where it was, so the violations are checked first: they say why.
 */
async function expectToReach(page: Page, target: Target, path: string, violations: CspViolations) {
  const origin = new URL(target.sandbox.sp.url).origin
  const arrived = await Promise.race([
    page
      .waitForURL((url) => url.origin === origin && url.pathname.startsWith(path), { timeout: 10_000 })
      .then(
        () => true,
        () => false,
      ),
    violations.first.then(() => false),
  ])
  expect(violations.list).toEqual([])
  expect(arrived, `still at ${page.url()}`).toBe(true)
}

async function expectSignedInToWebex(page: Page, target: Target, violations: CspViolations) {
  await expectToReach(page, target, '/webex/home', violations)
  await expect(page.locator('#signed-in-user').textContent()).resolves.toBe('b.simon@contoso.com')
}

for (const scheme of ['http', 'https'] as const) {
  describe(`signed out, over ${scheme}: every way into Webex works in Chromium`, () => {
    const target = (): Target => targets.get(scheme) as Target
    const spId = () => target().setUp.facts.servicePrincipalId ?? ''

    it('the Webex Sign-on URL (SP-initiated, Redirect binding)', async () => {
      const { context, page, violations } = await signedOut()
      await page.goto(target().setUp.signOnUrl)
      await signInAsBSimon(page, target())
      await expectSignedInToWebex(page, target(), violations)
      if (scheme === 'https') {
        const response = await page.reload()
        const details = await response?.securityDetails()
        expect(details?.issuer).toBe('SSO Rehearsal Sandbox Issuing CA')
      }
      await context.close()
    })

    it('"Test this application" on Entra (the app has a Sign-on URL: Webex starts the sign-in)', async () => {
      const { context, page, violations } = await signedOut()
      await page.goto(`${target().sandbox.idp.url}/sandbox/applications/${spId()}/test`)
      await signInAsBSimon(page, target())
      await expectSignedInToWebex(page, target(), violations)
      await context.close()
    })

    it('a My Apps launch link', async () => {
      const { context, page, violations } = await signedOut()
      await page.goto(`${target().sandbox.idp.url}/myapps/launch/${spId()}`)
      await signInAsBSimon(page, target())
      await expectSignedInToWebex(page, target(), violations)
      await context.close()
    })

    it('the Cisco Webex tile of My Apps, after signing in to My Apps', async () => {
      const { context, page, violations } = await signedOut()
      await page.goto(`${target().sandbox.idp.url}/myapps`)
      await signInAsBSimon(page, target())
      await page.waitForURL('**/myapps')
      await page.getByRole('link', { name: 'Cisco Webex' }).click()
      await expectSignedInToWebex(page, target(), violations)
      await context.close()
    })

    it('"Test this application" without a Sign-on URL (IdP-initiated Response to the reply URL)', async () => {
      const { sandbox, setUp } = target()
      const path = `/sandbox/api/servicePrincipals/${spId()}/saml/basic`
      await api(sandbox, 'idp', 'PUT', path, { signOnUrl: null })
      try {
        const { context, page, violations } = await signedOut()
        await page.goto(`${sandbox.idp.url}/sandbox/applications/${spId()}/test`)
        await signInAsBSimon(page, target())
        await expectSignedInToWebex(page, target(), violations)
        await context.close()
      } finally {
        await api(sandbox, 'idp', 'PUT', path, { signOnUrl: setUp.signOnUrl })
      }
    })

    it('the Sign-on URL when Webex sends its AuthnRequest with the POST binding', async () => {
      const { sandbox } = target()
      await api(sandbox, 'sp', 'PATCH', '/api/v1/sso/settings', { authnRequestBinding: 'post' })
      try {
        const { context, page, violations } = await signedOut()
        await page.goto(target().setUp.signOnUrl)
        await signInAsBSimon(page, target())
        await expectSignedInToWebex(page, target(), violations)
        await context.close()
      } finally {
        await api(sandbox, 'sp', 'PATCH', '/api/v1/sso/settings', { authnRequestBinding: 'redirect' })
      }
    })

    it('Test SSO Connection from Control Hub (after importing the Entra metadata again)', async () => {
      const { sandbox, setUp } = target()
      await api(sandbox, 'sp', 'POST', '/api/v1/sso/idp-metadata', {
        xml: setUp.facts.federationMetadataXml,
        trustMode: 'ca-signed',
      })
      const test = (await api(sandbox, 'sp', 'POST', '/api/v1/sso/test')) as { url: string }
      const { context, page, violations } = await signedOut()
      await page.goto(new URL(test.url, sandbox.sp.url).href)
      await signInAsBSimon(page, target())
      await expectToReach(page, target(), '/idb/Consumer/', violations)
      await expect(page.getByRole('heading', { name: 'Single Sign-On succeeded' }).isVisible()).resolves.toBe(
        true,
      )
      await context.close()
    })

    it('Sign out of Webex ends the Entra session too (single logout), then a password is needed again', async () => {
      const { context, page, violations } = await signedOut()
      await page.goto(target().setUp.signOnUrl)
      await signInAsBSimon(page, target())
      await expectSignedInToWebex(page, target(), violations)
      await page.getByRole('link', { name: 'Sign out' }).click()
      await expectToReach(page, target(), '/idb/SPSloRedirect/', violations)
      await expect(page.getByRole('heading', { name: 'You signed out' }).isVisible()).resolves.toBe(true)
      await page.goto(`${target().sandbox.idp.url}/sandbox/applications/${spId()}/test`)
      await expect(page.getByLabel('Email, phone, or Skype').isVisible()).resolves.toBe(true)
      expect(violations.list).toEqual([])
      await context.close()
    })
  })
}
