import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { focusedName, overflowingElements, wrapPointsOf } from '../support/layout-checks'
import { collectCspViolations, saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'
import { createSpecimenApp, type SpecimenControls } from '../support/specimen-app'

/**
 * The look of Control Hub and the Webex end-user pages: representative pages built from the
 * console components (test/support/*-specimens.tsx) behind the real asset routes and security
 * headers, in Chromium at 1280x800, with and without JavaScript.
 */
let browser: Browser
let server: ServerType
let base = ''
const controls: SpecimenControls = { testVersion: 0, refusedPosts: 0 }
const METADATA =
  '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sts.windows.net/x/"/>'
const WIZARD = '/admin/settings/authentication/sso'

beforeAll(async () => {
  const app = createSpecimenApp(controls)
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

async function open(path: string, options: { javaScript?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled: options.javaScript !== false,
  })
  const page = await context.newPage()
  const csp = collectCspViolations(page)
  await page.goto(base + path)
  if (options.javaScript !== false) await page.evaluate('document.fonts.ready')
  return { page, csp, close: () => context.close() }
}

/**
 * axe-core needs JavaScript, so a page opened without it is checked in a second browser where
 * JavaScript runs but the console's script is blocked: the same no-script page, checkable.
 */
async function accessibilityOf(page: Page, javaScript: boolean) {
  if (javaScript) return seriousAccessibilityViolations(page)
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const twin = await context.newPage()
  await twin.route('**/assets/control-hub.js*', (route) => route.abort())
  await twin.goto(page.url())
  const found = await seriousAccessibilityViolations(twin)
  await context.close()
  return found
}

async function expectCleanPage(
  page: Page,
  csp: string[],
  screenshot: string,
  javaScript = true,
): Promise<void> {
  expect(await accessibilityOf(page, javaScript)).toEqual([])
  if (javaScript) expect(await overflowingElements(page)).toEqual([])
  expect(csp).toEqual([])
  await saveScreenshot(page, screenshot)
}

const markWindow = (page: Page) => page.evaluate('window.__lookMarker = "kept"')
const windowMark = (page: Page) => page.evaluate('window.__lookMarker')

describe('Control Hub look in Chromium', () => {
  it('shows Organization Settings with the Authentication row in Control Hub chrome', async () => {
    const { page, csp, close } = await open('/admin/settings')
    expect(await page.title()).toBe('Organization Settings - Cisco Cloud Collaboration Management (sandbox)')
    await page.keyboard.press('Tab')
    expect(await focusedName(page)).toBe('Skip to main content')
    await expect(page.getByRole('link', { name: 'Skip to main content' }).isVisible()).resolves.toBe(true)
    const nav = page.getByRole('navigation', { name: 'Control Hub' })
    for (const name of ['Overview', 'Users', 'Organization Settings', 'Troubleshooting'])
      await expect(nav.getByRole('link', { name, exact: true }).isVisible()).resolves.toBe(true)
    expect(await nav.getByRole('link', { name: 'Organization Settings' }).getAttribute('aria-current')).toBe(
      'page',
    )
    expect(await page.locator('[aria-current]').count()).toBe(1)
    expect(await nav.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(20, 20, 20)')
    await expect(page.getByText('SANDBOX', { exact: true }).isVisible()).resolves.toBe(true)
    const section = page.getByRole('region', { name: 'Authentication' })
    await expect(section.getByRole('heading', { name: 'Single Sign-On' }).isVisible()).resolves.toBe(true)
    await expect(section.getByText('Disabled').isVisible()).resolves.toBe(true)
    const modify = section.getByRole('button', { name: 'Modify' })
    expect(await modify.evaluate((el) => getComputedStyle(el).borderRadius)).toBe('9999px')
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Sandbox Inter')
    expect(await page.evaluate(() => document.fonts.check('16px "Sandbox Inter"'))).toBe(true)
    await page.locator('summary', { hasText: 'Account: Admin Contoso' }).click()
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(false)
    expect(await focusedName(page)).toMatch(/^Account: Admin Contoso/)
    await expectCleanPage(page, csp, 'look-settings')
    await close()
  })

  it('renders the wizard at the step its URL names and moves on by full page loads without JavaScript', async () => {
    const { page, csp, close } = await open(`${WIZARD}?step=import`, { javaScript: false })
    const dialog = page.getByRole('dialog', { name: 'Enterprise Settings' })
    await expect(dialog.isVisible()).resolves.toBe(true)
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog')
    await expect(dialog.getByRole('button', { name: 'file browser' }).count()).resolves.toBe(1)
    const fileInput = dialog.getByLabel('file browser')
    expect(await fileInput.getAttribute('type')).toBe('file')
    const ca = dialog.getByRole('radio', {
      name: 'Require certificate signed by a certificate authority in Metadata (more secure)',
      exact: true,
    })
    expect(await ca.isChecked()).toBe(true)
    await expect(dialog.getByRole('button', { name: 'Upload' }).isVisible()).resolves.toBe(true)
    await expectCleanPage(page, csp, 'look-wizard-import', false)
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab')
      const outside = await page.evaluate(
        () => document.activeElement !== document.body && !document.activeElement?.closest('[role="dialog"]'),
      )
      expect(outside, `Tab ${i + 1} left the dialog`).toBe(false)
    }
    await fileInput.setInputFiles({
      name: 'Cisco Webex.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from(METADATA),
    })
    await Promise.all([page.waitForURL(/result=ok/), dialog.getByRole('button', { name: 'Upload' }).click()])
    await expect(dialog.getByText('Successfully imported IdP metadata file').isVisible()).resolves.toBe(true)
    await expect(dialog.getByRole('button', { name: 'Cancel' }).isVisible()).resolves.toBe(true)
    const toast = page.getByRole('status', { name: 'Notifications' })
    await expect(toast.textContent()).resolves.toContain('Successfully imported IdP metadata file')
    await expectCleanPage(page, csp, 'look-wizard-imported-no-js', false)
    await Promise.all([page.waitForURL(/step=test/), dialog.getByRole('button', { name: 'Next' }).click()])
    expect(await dialog.getByRole('button', { name: 'Next' }).isEnabled()).toBe(true)
    await expect(dialog.getByRole('button', { name: 'Refresh' }).isVisible()).resolves.toBe(true)
    await Promise.all([page.waitForURL(/step=import/), dialog.getByRole('button', { name: 'Back' }).click()])
    await close()
  })

  it('with JavaScript, opens, steps through and closes the wizard without a reload, keeping focus in it', async () => {
    const { page, csp, close } = await open('/admin/settings')
    await markWindow(page)
    await page.getByRole('button', { name: 'Modify' }).click()
    const dialog = page.getByRole('dialog', { name: 'Enterprise Settings' })
    await dialog.waitFor()
    expect(page.url()).toBe(`${base}${WIZARD}?step=init`)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog')
    const order: string[] = []
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab')
      order.push(await focusedName(page))
    }
    expect(order).toEqual(['Close', 'Integrate a 3rd-party identity provider. (Advanced)', 'Next', 'Close'])
    await page.keyboard.press('Shift+Tab')
    expect(await focusedName(page)).toBe('Next')
    await dialog.getByRole('button', { name: 'Next' }).click()
    await dialog.getByRole('button', { name: 'Download Metadata File' }).waitFor()
    await dialog.getByRole('button', { name: 'Next' }).click()
    await dialog.getByRole('button', { name: 'file browser' }).waitFor()
    expect(page.url()).toBe(`${base}${WIZARD}?step=import`)
    await expect(dialog.getByRole('button', { name: 'Upload' }).isVisible()).resolves.toBe(false)
    const dataTransfer = await page.evaluateHandle((xml) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([xml], 'Cisco Webex.xml', { type: 'text/xml' }))
      return transfer
    }, METADATA)
    await page.dispatchEvent('[data-drop-zone]', 'dragover', { dataTransfer })
    await page.dispatchEvent('[data-drop-zone]', 'drop', { dataTransfer })
    await dialog.locator('.import-result.success').waitFor()
    await page
      .getByRole('status', { name: 'Notifications' })
      .getByText('Successfully imported IdP metadata file')
      .waitFor()
    expect(page.url()).toBe(`${base}${WIZARD}?step=import&result=ok`)
    expect(await windowMark(page)).toBe('kept')
    await expectCleanPage(page, csp, 'look-wizard-imported-toast')
    await page.keyboard.press('Escape')
    await page.waitForURL(`${base}/admin/settings`)
    await expect(page.getByRole('dialog').count()).resolves.toBe(0)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sso-modify')
    expect(await windowMark(page)).toBe('kept')
    await page.goBack()
    await dialog.waitFor()
    expect(await windowMark(page)).toBe('kept')
    await close()
  })

  it('refuses a bad file with the reason and a tracking ID, and keeps Next of the test step off until an outcome', async () => {
    const { page, csp, close } = await open(`${WIZARD}?step=import`)
    await markWindow(page)
    await page.getByLabel('file browser').setInputFiles({
      name: 'not-metadata.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from('<html/>'),
    })
    const dialog = page.getByRole('dialog', { name: 'Enterprise Settings' })
    await dialog.getByText('Failed to import IdP Metadata File').waitFor()
    await expect(dialog.getByRole('button', { name: 'Try Again' }).isVisible()).resolves.toBe(true)
    const toasts = page.getByRole('status', { name: 'Notifications' })
    await toasts.getByText('Tracking ID: SANDBOX_4f2a9c').waitFor()
    expect(await toasts.locator('.toast.error').evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe(
      'rgb(219, 31, 46)',
    )
    const toastBox = await toasts.locator('.toast').boundingBox()
    const dialogBox = await dialog.boundingBox()
    expect(toastBox && dialogBox && toastBox.y + toastBox.height <= dialogBox.y).toBe(true)
    await expectCleanPage(page, csp, 'look-wizard-import-failed')
    await toasts.getByRole('button', { name: 'Dismiss' }).click()
    await expect(toasts.locator('.toast').count()).resolves.toBe(0)
    await page.goto(`${base}${WIZARD}?step=test`)
    await markWindow(page)
    const next = dialog.getByRole('button', { name: 'Next' })
    expect(await next.isDisabled()).toBe(true)
    controls.testVersion = 1
    await dialog.getByText('Last test: Single Sign-on succeeded.').waitFor()
    expect(await windowMark(page)).toBe('kept')
    await dialog.getByRole('radio', { name: 'This test was successful. Enable Single Sign-On' }).check()
    expect(await next.isEnabled()).toBe(true)
    await expectCleanPage(page, csp, 'look-wizard-test')
    await close()
  })

  it('shows a POST answered without a page as an error toast and never sends it twice', async () => {
    const { page, csp, close } = await open(`${WIZARD}?step=init`)
    await page.evaluate(() => {
      const form = document.createElement('form')
      form.method = 'post'
      form.action = '/specimen/refuse'
      form.setAttribute('data-enhance', '')
      document.body.append(form)
      form.requestSubmit()
    })
    await page
      .getByRole('status', { name: 'Notifications' })
      .getByText('Forbidden: the form carries no valid CSRF token.')
      .waitFor()
    expect(controls.refusedPosts).toBe(1)
    expect(page.url()).toBe(`${base}${WIZARD}?step=init`)
    expect(csp).toEqual([])
    await close()
  })

  it('asks with the SSO Warning alert dialog; Escape cancels and goes back to the wizard', async () => {
    const { page, csp, close } = await open(`${WIZARD}?step=import&warning=1`)
    const alert = page.getByRole('alertdialog', { name: 'SSO Warning' })
    await expect(alert.isVisible()).resolves.toBe(true)
    expect(await focusedName(page)).toBe('Cancel')
    await expect(alert.getByRole('button', { name: 'Ok' }).isVisible()).resolves.toBe(true)
    await expectCleanPage(page, csp, 'look-sso-warning')
    await page.keyboard.press('Escape')
    await page.waitForURL(`${base}${WIZARD}?step=import`)
    await expect(page.getByRole('alertdialog').count()).resolves.toBe(0)
    await expect(page.getByRole('dialog', { name: 'Enterprise Settings' }).isVisible()).resolves.toBe(true)
    await close()
  })

  it('lists 5 000 users with search, sortable columns, status pills, paging and an empty state', async () => {
    const { page, csp, close } = await open('/admin/users')
    await expect(page.getByRole('searchbox', { name: 'Search for a user' }).isVisible()).resolves.toBe(true)
    await expect(page.getByText('1–50 of 5,000').isVisible()).resolves.toBe(true)
    expect(await page.getByRole('columnheader', { name: 'Last Name' }).getAttribute('aria-sort')).toBe(
      'ascending',
    )
    await expect(page.getByText('Invite Pending').first().isVisible()).resolves.toBe(true)
    await expectCleanPage(page, csp, 'look-users')
    await page.getByRole('link', { name: 'Next page' }).click()
    await page.getByText('51–100 of 5,000').waitFor()
    await page.getByRole('link', { name: 'First Name' }).click()
    await page.waitForURL(/sort=firstName/)
    expect(await page.getByRole('columnheader', { name: 'First Name' }).getAttribute('aria-sort')).toBe(
      'ascending',
    )
    await page.getByRole('searchbox', { name: 'Search for a user' }).fill('nobody-like-this')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'No users found' }).waitFor()
    await expectCleanPage(page, csp, 'look-users-empty')
    await close()
  })

  it('shows Manually Add or Modify Users with the plus sign, the license services and the duplicate-address error', async () => {
    const { page, csp, close } = await open('/admin/users?manage=1')
    const dialog = page.getByRole('dialog', { name: 'Manually Add or Modify Users' })
    expect(await dialog.getByRole('radio', { name: 'Names and Email address' }).isChecked()).toBe(true)
    for (const name of ['First Name', 'Last Name', 'Email address'])
      await expect(dialog.getByRole('textbox', { name, exact: true }).isVisible()).resolves.toBe(true)
    await expect(dialog.getByRole('button', { name: 'Add', exact: true }).isVisible()).resolves.toBe(true)
    await expect(dialog.getByRole('group', { name: 'Add Services for Users' }).isVisible()).resolves.toBe(
      true,
    )
    for (const service of ['Message', 'Meeting', 'Call'])
      await expect(dialog.getByRole('checkbox', { name: service }).isVisible()).resolves.toBe(true)
    await expect(
      dialog
        .getByRole('alert')
        .getByText('Unable to proceed. There are duplicate or invalid email addresses.')
        .isVisible(),
    ).resolves.toBe(true)
    await expectCleanPage(page, csp, 'look-manage-users')
    await close()
  })
})

describe('Webex end-user pages in Chromium', () => {
  it('asks for the email first, with Sign In disabled until the address is valid (enabled without JavaScript)', async () => {
    const { page, csp, close } = await open('/')
    expect(await page.title()).toBe('Sign in - Webex (sandbox)')
    await expect(page.getByRole('heading', { name: 'Enter your email address' }).isVisible()).resolves.toBe(
      true,
    )
    await expect(page.getByRole('navigation', { name: 'Control Hub' }).count()).resolves.toBe(0)
    await expect(page.getByText('SANDBOX', { exact: true }).isVisible()).resolves.toBe(true)
    const signIn = page.getByRole('button', { name: 'Sign In' })
    expect(await signIn.isDisabled()).toBe(true)
    await page.getByLabel('Email address').fill('b.simon@')
    expect(await signIn.isDisabled()).toBe(true)
    await page.getByLabel('Email address').fill('b.simon@contoso.com')
    expect(await signIn.isEnabled()).toBe(true)
    await expect(page.getByRole('link', { name: 'Terms of Service' }).isVisible()).resolves.toBe(true)
    await expectCleanPage(page, csp, 'look-webex-sign-in')
    await close()
    const plain = await open('/', { javaScript: false })
    expect(await plain.page.getByRole('button', { name: 'Sign In' }).isEnabled()).toBe(true)
    await plain.close()
  })

  it('shows the signed-in home with long claim names wrapping only after separators', async () => {
    const { page, csp, close } = await open('/webex/home')
    await expect(page.getByRole('navigation', { name: 'Control Hub' }).count()).resolves.toBe(0)
    await expect(page.getByRole('link', { name: 'Sign out' }).isVisible()).resolves.toBe(true)
    expect(await page.locator('#signed-in-user').textContent()).toBe('b.simon@contoso.com')
    const names = await wrapPointsOf(page, '#claims th')
    const wrapped = names.filter((n) => n.breaks.length > 0)
    expect(wrapped.length).toBeGreaterThanOrEqual(8)
    for (const name of names)
      for (const point of name.breaks)
        expect(`${name.text}: ${point.before}|${point.after}`).toMatch(/: [/:.#?&=@_-]\|/)
    const values = await wrapPointsOf(page, '#claims td')
    for (const value of values)
      for (const point of value.breaks)
        expect(`${value.text}: ${point.before}|${point.after}`).toMatch(/: [/:.#?&=@_-]\|/)
    const header = await page.locator('#claims th').first().boundingBox()
    const cell = await page.locator('#claims td').first().boundingBox()
    expect(Math.abs((header?.y ?? 0) - (cell?.y ?? 1))).toBeLessThan(1)
    await expectCleanPage(page, csp, 'look-webex-home')
    await close()
  })
})
