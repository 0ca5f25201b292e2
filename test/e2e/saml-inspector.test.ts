import { HeadlessBrowser, signIn } from '@sandbox/shared'
import type { Browser, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { signInToControlHub } from '../support/control-hub-sign-in'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'
import { readRealFixture, TERCEN_RESPONSE } from '../support/real-fixtures'
import { setUpTutorial } from '../support/tutorial-setup'

/** The SAML inspector by clicking: open it from Control Hub's navigation, paste a real Response, read the verdict. */
let browser: Browser
let sandbox: RunningSandbox
let page: Page

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox({ log: () => {} })])
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

describe('the SAML inspector in Chromium', () => {
  it('inspects a pasted real Entra Response and says it expired, with the report as text', async () => {
    await signInToControlHub(page, sandbox.sp.url, sandbox.sp.controlHubAdmin)
    await page.getByRole('link', { name: 'SAML inspector' }).click()
    await page.getByLabel('SAML message, metadata or HAR').fill(readRealFixture(TERCEN_RESPONSE))
    await page.getByLabel('Judge times as of').fill('2022-02-23T20:52:30Z')
    await page.getByRole('button', { name: 'Inspect' }).click()
    const report = page.getByRole('region', { name: 'Inspection report' })
    await expect(report.textContent()).resolves.toContain('expired 2 h 03 min ago')
    await expect(
      page
        .getByText(/checks failed/)
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    await page.evaluate('document.fonts.ready')
    expect(JSON.stringify(await seriousAccessibilityViolations(page))).toBe('[]')
    await saveScreenshot(page, 'control-hub-saml-inspector')
  })

  it("opens a sign-in log entry's Trace in Control Hub, with Download trace", async () => {
    const setUp = await setUpTutorial(sandbox, 6)
    const result = await signIn({
      startUrl: setUp.signOnUrl,
      username: 'B.Simon@contoso.com',
      password: setUp.password,
      browser: new HeadlessBrowser(),
    })
    expect(result.ok).toBe(true)
    await page.getByRole('link', { name: 'Troubleshooting' }).click()
    await page
      .getByRole('link', { name: /^Details/ })
      .first()
      .click()
    await page.getByRole('heading', { name: 'Trace' }).waitFor()
    await expect(page.getByText('User match').first().isVisible()).resolves.toBe(true)
    await expect(page.getByRole('link', { name: 'Download trace' }).isVisible()).resolves.toBe(true)
    expect(JSON.stringify(await seriousAccessibilityViolations(page))).toBe('[]')
    await saveScreenshot(page, 'control-hub-sign-in-trace')
  })
})
