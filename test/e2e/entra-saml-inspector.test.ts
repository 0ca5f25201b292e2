import type { Browser, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { signInToAdminCenter } from '../support/console-sign-in'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'
import { readRealFixture, TERCEN_RESPONSE } from '../support/real-fixtures'

/** The admin center's SAML inspector by clicking: from Monitoring & health, paste a real Response, read the verdict. */
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

describe('the Entra admin center SAML inspector in Chromium', () => {
  it('inspects a pasted real Entra Response and says it expired, as text that is never rendered as markup', async () => {
    await signInToAdminCenter(page, sandbox)
    await page.getByRole('link', { name: 'SAML inspector' }).click()
    await page.getByLabel('SAML message, metadata or HAR').fill(readRealFixture(TERCEN_RESPONSE))
    await page.getByLabel('Judge times as of').fill('2022-02-23T20:52:30Z')
    await page.getByRole('button', { name: 'Inspect' }).click()
    const report = page.getByRole('region', { name: 'Inspection report', exact: true })
    await report.waitFor()
    await expect(report.textContent()).resolves.toContain('expired 2 h 03 min ago')
    const text = page.getByRole('region', { name: 'Inspection report text', exact: true })
    await expect(text.textContent()).resolves.toContain('<samlp:Response')
    expect(JSON.stringify(await seriousAccessibilityViolations(page))).toBe('[]')
    await saveScreenshot(page, 'entra-saml-inspector')
  })
})
