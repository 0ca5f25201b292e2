import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './browser'
import { signInToAdminCenter } from './console-sign-in'
import { type ProvisioningSandbox, startProvisioningSandbox } from './provisioning-setup'

/**
 * Chromium at 1280x800 signed in to the admin center of a provisioning sandbox (the tutorial up to
 * B.Simon's assignment and a SCIM token issued by Control Hub; no cycle runs unless asked).
 */
export async function openProvisioningConsole(): Promise<{
  browser: Browser
  p: ProvisioningSandbox
  context: BrowserContext
  page: Page
}> {
  const [browser, p] = await Promise.all([launchChromium(), startProvisioningSandbox()])
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await signInToAdminCenter(page, p.sandbox)
  return { browser, p, context, page }
}
