import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type RunningSandbox, startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CspViolations, launchChromium, recordCspViolations } from '../support/browser'
import { checkPage } from '../support/clicked-exercises'
import { signInAtMicrosoft } from '../support/console-sign-in'
import { saveScreenshot } from '../support/page-checks'
import { setUpTutorial, type TutorialSetUp } from '../support/tutorial-setup'

// B.Simon's My Apps in Chromium: the search without JavaScript, the avatar and tile menus by
// keyboard, "Manage your application", and Sign out, each page checked by axe and screenshotted.

let sandbox: RunningSandbox
let setUp: TutorialSetUp
let browser: Browser

beforeAll(async () => {
  sandbox = await startSandbox()
  const [done, launched] = await Promise.all([setUpTutorial(sandbox, 6), launchChromium()])
  setUp = done
  browser = launched
}, 90_000)

afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

async function signedOut(
  options: { readonly javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; violations: CspViolations }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options })
  const violations = await recordCspViolations(context)
  return { context, page: await context.newPage(), violations }
}

/** Opens My Apps signed out and signs in as B.Simon. */
async function openMyAppsAsBSimon(page: Page): Promise<void> {
  await page.goto(`${sandbox.idp.url}/myapps`)
  await signInAtMicrosoft(page, { login: 'B.Simon@contoso.com', password: setUp.password })
  await page.waitForURL('**/myapps')
}

describe('My Apps in Chromium', () => {
  it('searches without JavaScript: the GET form filters the tiles on the server', async () => {
    const { context, page, violations } = await signedOut({ javaScriptEnabled: false })
    await openMyAppsAsBSimon(page)
    const search = page.getByRole('searchbox', { name: 'Search apps' })
    await search.fill('WEBEX')
    await search.press('Enter')
    await page.waitForURL((url) => url.pathname === '/myapps' && url.searchParams.get('q') === 'WEBEX')
    await expect(page.getByRole('link', { name: 'Cisco Webex' }).isVisible()).resolves.toBe(true)
    await expect(page.getByText('1 of 1 apps match “WEBEX”.').isVisible()).resolves.toBe(true)
    // axe needs the page's JavaScript; the JavaScript journey checks the same server-rendered pages.
    await saveScreenshot(page, 'my-apps-search-no-js')

    await page.getByRole('searchbox', { name: 'Search apps' }).fill('salesforce')
    await page.getByRole('searchbox', { name: 'Search apps' }).press('Enter')
    await page.waitForURL((url) => url.searchParams.get('q') === 'salesforce')
    await expect(page.getByRole('link', { name: 'Cisco Webex' }).count()).resolves.toBe(0)
    await expect(page.getByText('0 of 1 apps match “salesforce”.').isVisible()).resolves.toBe(true)

    // Without the script the avatar menu is a plain disclosure that still shows "Sign out".
    await page.getByRole('button', { name: 'Account manager for B.Simon' }).click()
    await expect(page.getByRole('menuitem', { name: 'Sign out' }).isVisible()).resolves.toBe(true)
    await saveScreenshot(page, 'my-apps-account-menu-no-js')
    expect(violations.list).toEqual([])
    await context.close()
  })

  it('opens the avatar and tile menus by keyboard, shows "Manage your application", and signs out for good', async () => {
    const { context, page, violations } = await signedOut()
    await openMyAppsAsBSimon(page)
    await checkPage(page, 'my-apps')
    await page.goto(`${sandbox.idp.url}/myapps?q=salesforce`)
    await expect(page.getByText('0 of 1 apps match “salesforce”.').isVisible()).resolves.toBe(true)
    await checkPage(page, 'my-apps-search-no-match')
    await page.getByRole('link', { name: 'Show all apps' }).click()
    await page.getByRole('link', { name: 'Cisco Webex' }).waitFor()

    const account = page.getByRole('button', { name: 'Account manager for B.Simon' })
    await expect(account.getAttribute('aria-haspopup')).resolves.toBe('menu')
    await expect(account.getAttribute('aria-expanded')).resolves.toBe('false')
    await account.focus()
    await page.keyboard.press('Enter')
    await expect(account.getAttribute('aria-expanded')).resolves.toBe('true')
    const signOut = page.getByRole('menuitem', { name: 'Sign out' })
    await expect(signOut.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await expect(page.getByRole('banner').getByText('B.Simon', { exact: true }).isVisible()).resolves.toBe(
      true,
    )
    await checkPage(page, 'my-apps-account-menu')
    await page.keyboard.press('Escape')
    await expect(account.getAttribute('aria-expanded')).resolves.toBe('false')
    await expect(account.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await expect(signOut.isVisible()).resolves.toBe(false)

    const more = page.getByRole('button', { name: 'More options for Cisco Webex' })
    await more.focus()
    await page.keyboard.press('ArrowDown')
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('true')
    const manage = page.getByRole('menuitem', { name: 'Manage your application' })
    await expect(manage.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await checkPage(page, 'my-apps-tile-menu')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname.startsWith('/myapps/apps/'))
    await expect(page.getByRole('heading', { name: 'Cisco Webex', level: 1 }).isVisible()).resolves.toBe(true)
    await expect(page.getByText('Cisco Systems, Inc.').isVisible()).resolves.toBe(true)
    await checkPage(page, 'my-apps-app-details')

    await account.focus()
    await page.keyboard.press('ArrowDown')
    await expect(signOut.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'You signed out of your account' }).waitFor()
    await checkPage(page, 'my-apps-signed-out')
    expect((await context.cookies()).map((c) => c.name)).toEqual([])

    await page.goto(`${sandbox.idp.url}/myapps`)
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true)
    await expect(page.getByLabel('Email, phone, or Skype').isVisible()).resolves.toBe(true)
    expect(violations.list).toEqual([])
    await context.close()
  })
})
