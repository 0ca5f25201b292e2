import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningSandbox, startSandbox } from '../../scripts/lib/start-sandbox'
import { launchChromium } from '../support/browser'
import { ROOT } from '../support/cli'
import { signInToControlHub } from '../support/control-hub-sign-in'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'

let browser: Browser
let sandbox: RunningSandbox
const SCREENSHOTS = join(ROOT, 'test-results')

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox()])
  mkdirSync(SCREENSHOTS, { recursive: true })
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

describe('admin landing pages in Chromium', () => {
  it('shows the Entra admin center overview in the console chrome with the tenant id and no CSP violations', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text())
    })
    await page.goto(`${sandbox.idp.url}/`)
    await expect(page.title()).resolves.toContain('Microsoft Entra admin center')
    await expect(page.getByText(sandbox.idp.tenantId).count()).resolves.toBeGreaterThan(0)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/ \| Overview$/)
    await expect(page.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    )
    // The Entra admin center shares the Azure portal's shell, whose default theme draws a solid
    // #0078D4 bar with white text.
    const background = await page
      .locator('header.topbar')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(background).toBe('rgb(0, 120, 212)')
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, 'entra-overview')
    expect(violations).toEqual([])
  })

  it('shows the Webex Control Hub overview with the org id', async () => {
    const page = await browser.newPage()
    await signInToControlHub(page, sandbox.sp.url, sandbox.sp.controlHubAdmin)
    await expect(page.title()).resolves.toContain('Cisco Cloud Collaboration Management')
    await expect(page.getByText(sandbox.sp.orgId).first().isVisible()).resolves.toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'control-hub-overview.png') })
  })
})
