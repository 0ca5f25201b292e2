import { defineConfig } from '@playwright/test'

// `sso-sandbox start --json` prints one line of JSON once both servers listen; Playwright waits
// for it and hands the named groups to the tests as environment variables (SANDBOX_WEBEX_URL…).
export default defineConfig({
  testDir: '.',
  webServer: {
    command: 'npx sso-sandbox start --json --ephemeral --idp-port 0 --sp-port 0',
    wait: {
      stdout:
        /"webex":\{"url":"(?<sandbox_webex_url>[^"]+)".*"admin":\{"email":"(?<sandbox_admin_email>[^"]+)","password":"(?<sandbox_admin_password>[^"]+)"\}/,
    },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
  },
  // A Chromium of your own (e.g. CHROMIUM_PATH=/usr/bin/chromium), else Playwright's.
  use: process.env.CHROMIUM_PATH ? { launchOptions: { executablePath: process.env.CHROMIUM_PATH } } : {},
})
