import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type Sandbox, startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { signInToAdminCenter } from '../support/console-sign-in'
import { signInToControlHub } from '../support/control-hub-sign-in'
import { collectCspViolations, saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'
import { setUpTutorial } from '../support/tutorial-setup'

/**
 * Training mode by clicking: the switch in one console turns the panel on in both; the panel's
 * states follow real changes on both servers; its next-step link opens the right screen, across
 * servers; the disclosure works from the keyboard and is remembered; the trainer view and a
 * handout (one A4 page when printed); and Control Hub going down is said in the Entra panel.
 */
let browser: Browser
let sandbox: Sandbox
let context: BrowserContext
let page: Page
let csp: string[]
let spClosed = false

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox({ keyCache: false })])
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
  csp = collectCspViolations(page)
})
afterAll(async () => {
  await Promise.all([browser?.close(), spClosed ? sandbox?.idp.close() : sandbox?.close()])
})

async function expectCleanPage(name: string): Promise<void> {
  expect(JSON.stringify(await seriousAccessibilityViolations(page))).toBe('[]')
  expect(csp).toEqual([])
  await saveScreenshot(page, name)
}

const panel = () => page.getByRole('complementary', { name: 'Training progress' })
const stepStatus = (step: number) =>
  panel()
    .getByRole('list', { name: 'Tutorial steps' })
    .locator(':scope > li')
    .nth(step - 1)
    .locator('.training-step-head')

describe('Training mode in Chromium', () => {
  it('turns training mode on from the admin center, and the panel shows a fresh class at step 1', async () => {
    await signInToAdminCenter(page, sandbox, '/')
    const toggle = page.getByRole('switch', { name: 'Training mode' })
    expect(await toggle.getAttribute('aria-checked')).toBe('false')
    expect(await panel().count()).toBe(0)
    await toggle.click()
    await page.getByRole('switch', { name: 'Training mode', checked: true }).waitFor()
    await panel().getByText('0 of 7 steps done').waitFor()
    expect(await stepStatus(1).textContent()).toContain('Not done')
    const next = panel().getByRole('link', { name: 'Open it in the Microsoft Entra admin center' })
    expect(await next.getAttribute('href')).toBe('/enterprise-apps/gallery')
    await expectCleanPage('training-entra-fresh')
  })

  it('shows the panel in Control Hub too, following the switch made in the other console', async () => {
    await signInToControlHub(page, sandbox.webex.url, sandbox.sp.controlHubAdmin)
    await page.getByRole('switch', { name: 'Training mode', checked: true }).waitFor()
    await panel().getByText('0 of 7 steps done').waitFor()
    await expectCleanPage('training-control-hub-fresh')
  })

  it('follows real state: after steps 1-4 the next step is in Control Hub, and its link opens the import screen', async () => {
    await setUpTutorial(sandbox, 4)
    await page.goto(`${sandbox.entra.url}/users`)
    await panel().getByText('4 of 7 steps done').waitFor()
    for (const step of [1, 2, 3, 4]) expect(await stepStatus(step).textContent()).toContain('Done')
    expect(await stepStatus(5).textContent()).toContain('Not done')
    await panel().getByText('The Entra Federation Metadata XML is imported in Control Hub').first().waitFor()
    await expectCleanPage('training-entra-step-5-next')
    await panel().getByRole('link', { name: 'Open it in Control Hub' }).click()
    await page.waitForURL((url) => url.origin === new URL(sandbox.webex.url).origin)
    expect(new URL(page.url()).pathname).toBe('/admin/settings/authentication/sso')
    await panel().getByText('4 of 7 steps done').waitFor()
  })

  it('shows step 5 done in Control Hub once the metadata is imported and SSO enabled', async () => {
    await setUpTutorial(sandbox, 5)
    await page.goto(`${sandbox.webex.url}/admin/users`)
    expect(await stepStatus(5).textContent()).toContain('Done')
    await expectCleanPage('training-control-hub-step-5-done')
  })

  it('collapses and opens the panel from the keyboard, and remembers it on the next page', async () => {
    const disclosure = page.getByRole('button', { name: 'Training progress' })
    expect(await disclosure.getAttribute('aria-expanded')).toBe('true')
    await disclosure.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Training progress', expanded: false }).waitFor()
    expect(await page.locator('#training-panel-body').isVisible()).toBe(false)
    await page.goto(`${sandbox.webex.url}/admin`)
    expect(await page.getByRole('button', { name: 'Training progress' }).getAttribute('aria-expanded')).toBe(
      'false',
    )
    await expectCleanPage('training-control-hub-collapsed')
    await page.getByRole('button', { name: 'Training progress' }).focus()
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Training progress', expanded: true }).waitFor()
  })

  it('opens the trainer view and a handout that prints on one A4 page', async () => {
    await page.goto(`${sandbox.entra.url}/`)
    await panel().getByRole('link', { name: 'Trainer view' }).click()
    await page.getByRole('heading', { level: 1, name: /Trainer view/ }).waitFor()
    expect(await page.getByRole('row', { name: /Create the Webex user B Simon/ }).textContent()).toContain(
      'Not done',
    )
    expect(await page.locator('body').getAttribute('data-refresh-seconds')).toBe('5')
    // The page script reloads it: a navigation happens without anyone clicking.
    await page.waitForEvent('framenavigated', { timeout: 15_000 })
    await page.getByRole('heading', { level: 1, name: /Trainer view/ }).waitFor()
    await expectCleanPage('training-trainer-view')
    await page.getByRole('link', { name: 'Exercise handouts' }).click()
    await page.getByRole('heading', { name: 'Exercise handouts' }).waitFor()
    await expectCleanPage('training-handouts')
    await page.getByRole('link', { name: "The Reply URL on Entra is not Webex's ACS URL" }).click()
    await page.getByRole('heading', { name: 'Fix' }).waitFor()
    await expectCleanPage('training-handout')
    for (const id of [
      'reply-url-mismatch',
      'certificate-rollover-not-reimported',
      'sso-enabled-test-unsuccessful',
    ]) {
      await page.goto(`${sandbox.entra.url}/training/handouts/${id}`)
      const pdf = await page.pdf({ format: 'A4', printBackground: true })
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
      expect(`${id}: ${pages.length}`).toBe(`${id}: 1`)
    }
  })

  it('says in the Entra panel that the Webex emulator is down once it is closed', async () => {
    await sandbox.sp.close()
    spClosed = true
    await page.goto(`${sandbox.entra.url}/`)
    await panel()
      .getByText(/^The Webex emulator is not answering, so its steps are unknown/)
      .waitFor()
    expect(await stepStatus(5).textContent()).toContain('Unknown')
    expect(await stepStatus(1).textContent()).toContain('Done')
    await expectCleanPage('training-entra-webex-down')
  })
})
