import { listen, type RunningHttpServer } from '@sandbox/shared'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { createShowcaseApp } from '../support/console-showcase/showcase-app'
import { collectCspViolations, saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'

let browser: Browser
let server: RunningHttpServer
let base = ''

beforeAll(async () => {
  ;[browser, server] = await Promise.all([
    launchChromium(),
    listen({ host: '127.0.0.1', port: 0 }, 'showcase'),
  ])
  server.handle(createShowcaseApp().fetch)
  base = `http://127.0.0.1:${server.port}`
})
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()])
})

async function open(path: string, options: { javaScript?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
  })
  const page = await context.newPage()
  const csp = collectCspViolations(page)
  await page.goto(`${base}${path}`)
  return { context, page, csp }
}

/**
 * What has focus, told apart by its aria-label, id or text. Read through a locator (Playwright's
 * utility world), which works in a page whose own JavaScript is disabled.
 */
async function focused(page: Page): Promise<string> {
  const el = page.locator(':focus')
  if ((await el.count()) === 0) return ''
  const label = await el.getAttribute('aria-label')
  const id = await el.getAttribute('id')
  return label ?? (id ? `#${id}` : ((await el.textContent())?.trim() ?? ''))
}

async function tabThrough(page: Page, count: number): Promise<string[]> {
  const seen: string[] = []
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab')
    seen.push(await focused(page))
  }
  return seen
}

describe('the Entra console look, in Chromium at 1280x800', () => {
  it('draws the SAML-based Sign-on blade: chrome, nav, breadcrumbs, command bar, the five numbered cards', async () => {
    const { context, page, csp } = await open('/showcase/saml')
    await expect(page.title()).resolves.toBe(
      'Cisco Webex | SAML-based Sign-on - Microsoft Entra admin center (sandbox)',
    )
    await expect(page.getByRole('banner').getByText('SANDBOX', { exact: true }).isVisible()).resolves.toBe(
      true,
    )
    await expect(
      page.getByRole('link', { name: 'Enterprise applications', exact: true }).getAttribute('aria-current'),
    ).resolves.toBe('page')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Cisco Webex | SAML-based Sign-on',
    )
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).textContent()).resolves.toContain(
      'Enterprise applications | All applications',
    )
    await expect(
      page.getByRole('link', { name: 'Single sign-on', exact: true }).getAttribute('aria-current'),
    ).resolves.toBe('page')
    await expect(page.getByRole('button', { name: 'Test this application' }).isDisabled()).resolves.toBe(true)
    const basic = page.getByRole('region', { name: 'Basic SAML Configuration' })
    // The Identifier comes filled from the gallery; the empty Reply URL is Required, the three empty URLs below it Optional.
    await expect(basic.getByText('Required', { exact: true }).count()).resolves.toBe(1)
    await expect(basic.getByText('Optional', { exact: true }).count()).resolves.toBe(3)
    await expect(
      page
        .getByRole('region', { name: 'Token signing certificate' })
        .getByRole('link', { name: 'Edit' })
        .count(),
    ).resolves.toBe(1)
    await expect(
      page.getByRole('textbox', { name: 'App Federation Metadata Url' }).inputValue(),
    ).resolves.toContain('federationmetadata.xml?appid=')
    await expect(page.getByRole('button', { name: 'Copy to clipboard' }).count()).resolves.toBe(4)
    const topBar = await page.locator('header.topbar').evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(topBar).toBe('rgb(0, 120, 212)')
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-saml-sign-on')
    await page.getByRole('link', { name: 'Change single sign-on mode' }).focus()
    await page.keyboard.press('Shift+Tab')
    await expect(focused(page)).resolves.toBe('Upload metadata file')
    const ring = await page.locator(':focus').evaluate((el) => getComputedStyle(el).outlineStyle)
    expect(ring).toBe('solid')
    await saveScreenshot(page, 'console-focus-ring')
    await page.getByRole('region', { name: 'SAML Certificates' }).scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'console-saml-sign-on-certificates')
    expect(csp).toEqual([])
    await context.close()
  })

  it('copies a value to the clipboard with the copy button', async () => {
    const { context, page } = await open('/showcase/saml')
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
    await page
      .getByRole('region', { name: 'Set up Cisco Webex' })
      .getByRole('button', { name: 'Copy to clipboard' })
      .first()
      .click()
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toMatch(
      /^https:\/\/login\.microsoftonline\.com\/.+\/saml2$/,
    )
    await page.getByRole('status').filter({ hasText: 'Copied to clipboard' }).waitFor()
    await context.close()
  })

  it('shows a pane addressed by URL without JavaScript, over an inert page, Tab starting in the pane', async () => {
    const { context, page, csp } = await open('/showcase/saml?pane=basic-saml', { javaScript: false })
    const pane = page.getByRole('dialog', { name: 'Basic SAML Configuration' })
    await expect(pane.isVisible()).resolves.toBe(true)
    await expect(pane.getAttribute('aria-modal')).resolves.toBe('true')
    expect(await tabThrough(page, 6)).toEqual([
      'Close',
      'Save',
      'Discard changes',
      '#identifier-0',
      '#identifier-default-0',
      '#identifier-1',
    ])
    await saveScreenshot(page, 'console-pane-without-js')
    await pane.getByRole('link', { name: 'Close' }).click()
    await page.waitForURL(`${base}/showcase/saml`)
    await expect(page.getByRole('dialog').count()).resolves.toBe(0)
    expect(csp).toEqual([])
    await context.close()
  })

  it('opens the pane in place with JavaScript: no reload, focus in, Tab in order, Escape closes and refocuses Edit', async () => {
    const { context, page, csp } = await open('/showcase/saml')
    await page.evaluate(() => {
      ;(window as unknown as { marker: string }).marker = 'still here'
    })
    const edit = page
      .getByRole('region', { name: 'Basic SAML Configuration' })
      .getByRole('link', { name: 'Edit' })
    await edit.click()
    const pane = page.getByRole('dialog', { name: 'Basic SAML Configuration' })
    await pane.waitFor()
    expect(page.url()).toBe(`${base}/showcase/saml?pane=basic-saml`)
    await expect(page.evaluate(() => (window as unknown as { marker?: string }).marker)).resolves.toBe(
      'still here',
    )
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('dialog')
    expect(await tabThrough(page, 7)).toEqual([
      'Close',
      'Save',
      'Discard changes',
      '#identifier-0',
      '#identifier-default-0',
      '#identifier-1',
      '#identifier-default-1',
    ])
    await expect(page.locator('#console-shell').getAttribute('inert')).resolves.toBe('')
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-pane-with-js')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog').count()).resolves.toBe(0)
    expect(page.url()).toBe(`${base}/showcase/saml`)
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Edit')
    await expect(page.locator('#console-shell').getAttribute('inert')).resolves.toBeNull()
    await page.goBack()
    await pane.waitFor()
    await expect(page.evaluate(() => (window as unknown as { marker?: string }).marker)).resolves.toBe(
      'still here',
    )
    expect(csp).toEqual([])
    await context.close()
  })

  it('answers an invalid save with the field message in the pane, a valid one with a toast after the redirect', async () => {
    const { context, page, csp } = await open('/showcase/saml?pane=basic-saml')
    const pane = page.getByRole('dialog', { name: 'Basic SAML Configuration' })
    await pane
      .getByLabel('Reply URL (Assertion Consumer Service URL)', { exact: true })
      .fill('http://idbroker.webex.com/acs')
    await pane.getByRole('button', { name: 'Save' }).click()
    const reply = page
      .getByRole('dialog', { name: 'Basic SAML Configuration' })
      .getByLabel('Reply URL (Assertion Consumer Service URL)', { exact: true })
    await expect(reply.getAttribute('aria-invalid')).resolves.toBe('true')
    const described = (await reply.getAttribute('aria-describedby')) ?? ''
    await expect(page.locator(`[id="${described.split(' ').pop()}"]`).textContent()).resolves.toContain(
      'must start with https://',
    )
    const border = await reply.evaluate((el) => getComputedStyle(el).borderTopColor)
    expect(border).toBe('rgb(164, 38, 44)')
    // The console's pane marks only the field in error (it draws no "valid" tick on the others).
    await expect(page.locator('#identifier-0').getAttribute('aria-invalid')).resolves.toBeNull()
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-pane-validation')
    await reply.fill('https://idbroker.webex.com/idb/Consumer/metaAlias/2f1e7c55/sp')
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await page.waitForURL(`${base}/showcase/saml`)
    const toast = page.getByRole('status', { name: 'Notifications' })
    await expect(toast.getByText('Saved Basic SAML Configuration').isVisible()).resolves.toBe(true)
    await expect(page.getByRole('button', { name: 'Test this application' }).count()).resolves.toBe(0)
    await expect(page.getByRole('link', { name: 'Test this application' }).count()).resolves.toBe(1)
    await saveScreenshot(page, 'console-toast')
    await toast.getByRole('button', { name: 'Dismiss notification' }).click()
    await expect(toast.locator('.toast').count()).resolves.toBe(0)
    await page.reload()
    await expect(page.getByText('Saved Basic SAML Configuration').count()).resolves.toBe(0)
    expect(csp).toEqual([])
    await context.close()
  })

  it('lists 1 000 users: search, filter pill, count, sortable header, selection enabling Delete, paging, empty state', async () => {
    const { context, page, csp } = await open('/showcase/users')
    await expect(page.getByText('1000 users found').isVisible()).resolves.toBe(true)
    const header = page.getByRole('columnheader', { name: /Display name/ })
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending')
    await expect(page.getByRole('row').count()).resolves.toBe(51)
    const remove = page.getByRole('button', { name: 'Delete' })
    await expect(remove.isDisabled()).resolves.toBe(true)
    await page.getByRole('checkbox', { name: 'Select Adele Archie 01' }).check()
    await expect(remove.isDisabled()).resolves.toBe(false)
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-users-list')
    await header.getByRole('link').click()
    await expect(
      page.getByRole('columnheader', { name: /Display name/ }).getAttribute('aria-sort'),
    ).resolves.toBe('descending')
    await page.getByRole('link', { name: 'Next' }).click()
    await expect(page.getByText('Showing 51–100 of 1000').isVisible()).resolves.toBe(true)
    await page.getByRole('searchbox', { name: 'Search by name or user principal name' }).fill('britta simon')
    await page.keyboard.press('Enter')
    await page.waitForURL(/search=britta/)
    await expect(page.getByText('10 users found').isVisible()).resolves.toBe(true)
    await page.getByRole('searchbox').fill('nobody-by-this-name')
    await page.keyboard.press('Enter')
    await page.waitForURL(/nobody/)
    await expect(
      page
        .getByRole('cell', { name: 'No users found. Check the spelling, or search by another name.' })
        .isVisible(),
    ).resolves.toBe(true)
    await expect(page.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true)
    expect(csp).toEqual([])
    await context.close()
  })

  it('lists 200 enterprise applications with logo tiles, a filter pill and Load more; the resource menu collapses keeping its names', async () => {
    const { context, page, csp } = await open('/showcase/apps')
    await expect(page.getByText('200 applications found').isVisible()).resolves.toBe(true)
    await expect(page.getByRole('row').count()).resolves.toBe(51)
    await expect(
      page.getByRole('link', { name: 'Application type == Enterprise Applications' }).isVisible(),
    ).resolves.toBe(true)
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-all-applications')
    await page.getByRole('link', { name: 'Load more' }).click()
    await page.waitForURL(/shown=100/)
    await expect(page.getByRole('row').count()).resolves.toBe(101)
    await page.getByRole('button', { name: 'Collapse the menu' }).click()
    await expect(page.getByRole('button', { name: 'Expand the menu' }).isVisible()).resolves.toBe(true)
    await expect(
      page.getByRole('link', { name: 'All applications', exact: true }).getAttribute('aria-current'),
    ).resolves.toBe('page')
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-all-applications-menu-collapsed')
    expect(csp).toEqual([])
    await context.close()
  })

  it('asks before deleting: an alert dialog whose Cancel and Escape return focus to the page', async () => {
    const { context, page, csp } = await open('/showcase/users')
    await page.getByRole('checkbox', { name: 'Select Adele Archie', exact: true }).check()
    await page.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Delete users' })
    await dialog.waitFor()
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe(
      'alertdialog',
    )
    expect(await tabThrough(page, 2)).toEqual(['OK', 'Cancel'])
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-confirm-dialog')
    await page.keyboard.press('Escape')
    await expect(dialog.count()).resolves.toBe(0)
    expect(csp).toEqual([])
    await context.close()
  })

  it('draws every field kind of Create new user, with Show password and the tabs working with and without JavaScript', async () => {
    for (const javaScript of [true, false]) {
      const { context, page, csp } = await open('/showcase/users/new', { javaScript })
      const password = page.getByLabel('Password', { exact: true })
      await expect(password.getAttribute('type')).resolves.toBe('password')
      await expect(page.getByRole('textbox', { name: 'User principal name' }).isVisible()).resolves.toBe(true)
      await expect(page.getByRole('combobox', { name: 'Domain' }).inputValue()).resolves.toBe(
        'contoso.onmicrosoft.com',
      )
      await page.getByRole('checkbox', { name: 'Show password' }).check()
      if (javaScript) await expect(password.getAttribute('type')).resolves.toBe('text')
      else await expect(page.getByText('Wuvo6194@Kabe', { exact: true }).isVisible()).resolves.toBe(true)
      if (javaScript) {
        expect(await seriousAccessibilityViolations(page)).toEqual([])
        await saveScreenshot(page, 'console-create-user')
      }
      await page.getByRole('textbox', { name: 'Display name' }).fill('Britta Simon')
      await page.getByRole('tab', { name: 'Properties' }).click()
      await page.getByRole('tabpanel', { name: 'Properties' }).waitFor()
      await expect(
        page
          .getByRole('radiogroup', { name: 'User type' })
          .or(page.getByRole('group', { name: 'User type' }))
          .first()
          .isVisible(),
      ).resolves.toBe(true)
      await page.getByRole('combobox', { name: 'Usage location' }).selectOption('GB')
      if (javaScript) await saveScreenshot(page, 'console-create-user-properties')
      await page.getByRole('tab', { name: 'Basics' }).click()
      await expect(page.getByRole('textbox', { name: 'Display name' }).inputValue()).resolves.toBe(
        'Britta Simon',
      )
      await page.getByRole('textbox', { name: 'User principal name' }).fill('b simon')
      await page.getByRole('button', { name: 'Review + create' }).click()
      const upn = page.getByRole('textbox', { name: 'User principal name' })
      await upn.waitFor()
      await expect(upn.getAttribute('aria-invalid')).resolves.toBe('true')
      await expect(page.locator('.text-box.has-state #display-name').count()).resolves.toBe(1)
      if (javaScript) await saveScreenshot(page, 'console-create-user-validation')
      expect(csp).toEqual([])
      await context.close()
    }
  })

  it('labels the file picker, shows the chosen file with the script, and keeps the native input without it', async () => {
    for (const javaScript of [true, false]) {
      const { context, page, csp } = await open('/showcase/saml?pane=upload-metadata', { javaScript })
      const picker = page.getByLabel('Select a file')
      await picker.setInputFiles({
        name: 'webex-sp-metadata.xml',
        mimeType: 'text/xml',
        buffer: Buffer.from('<md/>'),
      })
      if (javaScript) {
        await expect(page.locator('.file-picker-name').textContent()).resolves.toBe('webex-sp-metadata.xml')
        expect(await seriousAccessibilityViolations(page)).toEqual([])
        await saveScreenshot(page, 'console-upload-metadata')
      } else {
        await expect(picker.isVisible()).resolves.toBe(true)
        await saveScreenshot(page, 'console-upload-metadata-without-js')
      }
      expect(csp).toEqual([])
      await context.close()
    }
  })

  it('draws the gallery tiles and the pane a tile opens', async () => {
    const { context, page, csp } = await open('/enterprise-apps/gallery')
    await expect(page.getByRole('link', { name: 'Cisco Webex', exact: true }).isVisible()).resolves.toBe(true)
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-gallery')
    await page.getByRole('link', { name: 'Cisco Webex', exact: true }).click()
    const pane = page.getByRole('dialog', { name: 'Cisco Webex' })
    await pane.waitFor()
    await expect(pane.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe('Cisco Webex')
    await expect(pane.getByRole('button', { name: 'Create' }).isVisible()).resolves.toBe(true)
    await saveScreenshot(page, 'console-gallery-add-pane')
    await page.getByRole('dialog').getByRole('link', { name: 'Close' }).click()
    await page.getByRole('link', { name: 'Create your own application' }).click()
    await page.getByRole('dialog', { name: 'Create your own application' }).waitFor()
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-create-own-application')
    expect(csp).toEqual([])
    await context.close()
  })

  it('draws My Apps with a visible Sign out in the account menu and a tile search that filters in place', async () => {
    const { context, page, csp } = await open('/showcase/myapps')
    await page.getByRole('button', { name: 'Account manager for B.Simon' }).click()
    await expect(page.getByRole('menuitem', { name: 'Sign out' }).isVisible()).resolves.toBe(true)
    await page.keyboard.press('Escape')
    await page.getByRole('searchbox', { name: 'Search apps' }).fill('webex')
    await expect(page.getByRole('link', { name: 'Cisco Webex' }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('link', { name: 'Salesforce' }).isVisible()).resolves.toBe(false)
    await page.getByRole('searchbox', { name: 'Search apps' }).fill('')
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'my-apps')
    expect(csp).toEqual([])
    await context.close()
  })

  it('draws the sign-in card, its error state and the error page on the gradient', async () => {
    for (const [path, name] of [
      ['/showcase/sign-in', 'sign-in-card'],
      ['/showcase/sign-in?error=Your%20account%20or%20password%20is%20incorrect.', 'sign-in-card-error'],
      ['/showcase/sign-in-error', 'sign-in-error-page'],
    ] as const) {
      const { context, page, csp } = await open(path)
      await expect(page.getByRole('heading', { name: 'Sign in', level: 1 }).isVisible()).resolves.toBe(true)
      await expect(page.getByText('SANDBOX', { exact: true }).isVisible()).resolves.toBe(true)
      await expect(page.getByRole('link', { name: 'Terms of use' }).isVisible()).resolves.toBe(true)
      expect(await seriousAccessibilityViolations(page)).toEqual([])
      await saveScreenshot(page, name)
      expect(csp).toEqual([])
      await context.close()
    }
  })

  it('draws the tenant overview in the console chrome', async () => {
    const { context, page, csp } = await open('/showcase/home')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Contoso | Overview')
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'console-overview-showcase')
    expect(csp).toEqual([])
    await context.close()
  })
})
