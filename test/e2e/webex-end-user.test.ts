import type { Browser, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, recordCspViolations } from '../support/browser'
import { enterPasswordAtMicrosoft } from '../support/console-sign-in'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'
import { setUpTutorial } from '../support/tutorial-setup'

let browser: Browser
let sandbox: RunningSandbox
let password = ''

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox()])
  password = (await setUpTutorial(sandbox, 6)).password
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

async function looksRight(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await saveScreenshot(page, name)
}

describe('B.Simon signs in through the Webex email-first page', () => {
  it('enters the email address, signs in at Entra, sees what the IdP sent, and signs out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const violations = await recordCspViolations(context)
    const page = await context.newPage()
    await page.goto(`${sandbox.sp.url}/`)
    await expect(page.getByRole('heading', { name: 'Enter your email address' }).count()).resolves.toBe(1)
    await expect(page.locator('header', { hasText: 'Control Hub' }).count()).resolves.toBe(0)
    await looksRight(page, 'webex-end-user-1-email')

    await page.getByLabel('Email address').fill('nobody@contoso.com')
    await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Webex has no user with the email address nobody@contoso.com',
    )
    await looksRight(page, 'webex-end-user-2-unknown-email')

    await page.getByLabel('Email address').fill('B.Simon@contoso.com')
    await Promise.all([
      page.waitForURL((url) => url.origin === sandbox.idp.url),
      page.getByRole('button', { name: 'Next' }).click(),
    ])
    // Webex passes the address on (login_hint): Entra asks only for the password.
    await Promise.all([page.waitForURL('**/webex/home'), enterPasswordAtMicrosoft(page, password)])

    await expect(page.locator('#signed-in-user').textContent()).resolves.toBe('b.simon@contoso.com')
    const sent = page.getByRole('region', { name: 'What the IdP sent' })
    await expect(sent.getByRole('table', { name: 'Subject' }).textContent()).resolves.toMatch(
      /NameID\s*B\.Simon@contoso\.com/i,
    )
    const attributes = sent.getByRole('table', { name: /^Attributes/ })
    await expect(attributes.getByRole('rowheader', { name: 'uid' }).count()).resolves.toBe(1)
    const claim = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'
    await expect(attributes.getByRole('rowheader', { name: claim }).count()).resolves.toBe(1)
    await expect(sent.getByRole('table', { name: 'Signing certificate' }).textContent()).resolves.toMatch(
      /Subject\s*CN=/,
    )
    await expect(sent.getByRole('table', { name: 'Timing' }).textContent()).resolves.toContain('IssueInstant')
    // Long claim names wrap at their separators, inside the name column.
    const widths = await attributes
      .getByRole('rowheader', { name: claim })
      .evaluate((cell) => ({ cell: cell.clientWidth, content: cell.scrollWidth }))
    expect(widths.content).toBeLessThanOrEqual(widths.cell)
    await expect(page.getByText('Control Hub', { exact: true }).count()).resolves.toBe(0)
    await looksRight(page, 'webex-end-user-3-home')

    await Promise.all([
      page.waitForURL((url) => url.origin === sandbox.sp.url && !url.pathname.startsWith('/webex/home')),
      page.getByRole('link', { name: 'Sign out' }).click(),
    ])
    await expect(page.getByRole('heading', { name: 'You signed out' }).count()).resolves.toBe(1)
    await expect(
      page.getByText('You signed out of Webex and of your identity provider.').count(),
    ).resolves.toBe(1)
    await looksRight(page, 'webex-end-user-4-signed-out')
    await page.goto(`${sandbox.sp.url}/webex/home`)
    await expect(page.getByRole('heading', { name: 'Enter your email address' }).count()).resolves.toBe(1)
    expect(violations.list).toEqual([])
    await context.close()
  })
})
