import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium; `npx playwright install` cannot work offline, so the system browser is used. */
export const CHROMIUM_PATH = process.env.SANDBOX_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Launches headless Chromium with the flags this machine needs: no sandbox (root in CI), no GPU,
 * and no background networking (every outbound connection is refused here anyway).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Run "bash scripts/install-test-deps.sh" (Debian package chromium).`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  })
}
