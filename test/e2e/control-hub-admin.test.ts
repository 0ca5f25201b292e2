import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { signInToControlHub } from '../support/control-hub-sign-in'
import { collectCspViolations, saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'

/**
 * Control Hub by clicking, from the tutorial's words: sign in with the printed administrator,
 * add B Simon by Names and Email address (and see a duplicate refused), the Users list, the
 * sign-in log after a failed sign-in, Organization Settings, and the manage-sso PIN recovery.
 */
let browser: Browser
let sandbox: RunningSandbox
let context: BrowserContext
let page: Page
let csp: string[]
const logLines: string[] = []

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([
    launchChromium(),
    startSandbox({ log: (line) => logLines.push(line) }),
  ])
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
  csp = collectCspViolations(page)
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

async function expectCleanPage(name: string): Promise<void> {
  await page.evaluate('document.fonts.ready')
  expect(JSON.stringify(await seriousAccessibilityViolations(page))).toBe('[]')
  expect(csp).toEqual([])
  await saveScreenshot(page, name)
}

describe('Control Hub administration in Chromium', () => {
  it('signs in with the email first, then the administrator password, and lands on Overview', async () => {
    await page.goto(`${sandbox.sp.url}/admin`)
    await expect(page.getByRole('heading', { name: 'Enter your email address' }).isVisible()).resolves.toBe(
      true,
    )
    await expectCleanPage('control-hub-sign-in')
    await signInToControlHub(page, sandbox.sp.url, sandbox.sp.controlHubAdmin)
    expect(await page.title()).toBe('Overview - Cisco Cloud Collaboration Management (sandbox)')
    await page.getByText(sandbox.sp.orgId).first().first().waitFor()
    await page.getByText('SANDBOX', { exact: true }).first().first().waitFor()
    await expectCleanPage('control-hub-overview')
  })

  it('adds B Simon by Names and Email address, refuses a duplicate, and lists the user', async () => {
    await page.getByRole('link', { name: 'Users' }).click()
    await page.getByRole('button', { name: 'Manage Users' }).click()
    await page.getByRole('button', { name: 'Manually Add or Modify Users' }).click()
    await page.getByRole('radio', { name: 'Names and Email address', exact: true }).check()
    await page.getByLabel('First Name').fill('B')
    await page.getByLabel('Last Name').fill('Simon')
    await page.getByRole('textbox', { name: 'Email address', exact: true }).fill('B.Simon@contoso.com')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByText('B Simon <b.simon@contoso.com>').first().waitFor()
    await expectCleanPage('control-hub-manual-add')
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await page.getByRole('dialog', { name: 'Add Services for Users' }).first().waitFor()
    await expectCleanPage('control-hub-add-services')
    await page.getByRole('button', { name: 'Add Users' }).click()
    await page.getByText('1 user added.').first().waitFor()
    await page.getByRole('button', { name: 'Finish' }).click()
    await page.getByRole('cell', { name: 'b.simon@contoso.com' }).first().waitFor()
    await expectCleanPage('control-hub-users')

    await page.getByRole('button', { name: 'Manage Users' }).click()
    await page.getByRole('button', { name: 'Manually Add or Modify Users' }).click()
    await page.getByRole('radio', { name: 'Names and Email address', exact: true }).check()
    await page.getByRole('textbox', { name: 'Email address', exact: true }).fill('b.simon@contoso.com')
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    // The refusal is the wizard's answer to Next: wait for it rather than look once.
    const refusal = page.getByText('Unable to proceed. There are duplicate or invalid email addresses.')
    await refusal.waitFor()
    await expect(refusal.isVisible()).resolves.toBe(true)
    await expectCleanPage('control-hub-duplicate-refused')
  })

  it('shows a failed sign-in in Troubleshooting with its code and checks', async () => {
    const acs = `${sandbox.sp.url}/idb/Consumer/metaAlias/${sandbox.sp.orgId}/sp`
    const forged = Buffer.from(
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>',
    ).toString('base64')
    await page.request.post(acs, { form: { SAMLResponse: forged } })
    await page.goto(`${sandbox.sp.url}/admin`)
    await page.getByRole('link', { name: 'Troubleshooting' }).click()
    await page.getByRole('cell', { name: 'Failure' }).first().first().waitFor()
    await expectCleanPage('control-hub-sign-in-log')
    await page
      .getByRole('link', { name: /Details of attempt/ })
      .first()
      .click()
    await page.getByRole('heading', { name: 'Checks the SP made' }).first().waitFor()
    await expectCleanPage('control-hub-sign-in-attempt')
  })

  it('opens Organization Settings and signs out', async () => {
    await page.getByRole('link', { name: 'Organization Settings' }).click()
    expect(await page.title()).toBe('Organization Settings - Cisco Cloud Collaboration Management (sandbox)')
    await expectCleanPage('control-hub-settings')
    await page.locator('summary').filter({ hasText: 'Account' }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByText('You have signed out of Control Hub.').first().waitFor()
  })

  it('recovers access on manage-sso with the one-time PIN the sandbox prints', async () => {
    await page.goto(`${sandbox.sp.url}/manage-sso`)
    await page.getByLabel('Email address').fill(sandbox.sp.controlHubAdmin.email)
    await page.getByRole('button', { name: 'Send PIN' }).click()
    await expectCleanPage('control-hub-manage-sso-pin')
    const pin = /recovery PIN for \S+: (\d{6})/.exec(logLines.join('\n'))?.[1] ?? ''
    await page.getByLabel('PIN', { exact: true }).fill(pin)
    await page.getByRole('button', { name: 'Sign In' }).click()
    await page.waitForURL(`${sandbox.sp.url}/admin/settings`)
    await expect(
      page.getByText('Signed in with the recovery PIN.', { exact: false }).isVisible(),
    ).resolves.toBe(true)
  })
})
