import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { type RunningSandbox, startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, recordCspViolations } from '../support/browser'
import { ROOT } from '../support/cli'
import { signInAtMicrosoft } from '../support/console-sign-in'
import { setUpTutorial } from '../support/tutorial-setup'

let browser: Browser
let sandbox: RunningSandbox
let password = ''
let signOnUrl = ''
const SCREENSHOTS = join(ROOT, 'test-results')

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox()])
  mkdirSync(SCREENSHOTS, { recursive: true })
  const setUp = await setUpTutorial(sandbox, 6)
  password = setUp.password
  signOnUrl = setUp.signOnUrl
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

describe('B.Simon signs in to Webex in a real browser', () => {
  it('SP-initiated: Sign-on URL, Entra sign-in form, auto-posted Response, Webex home', async () => {
    const context = await browser.newContext()
    const violations = await recordCspViolations(context)
    const page = await context.newPage()
    await page.goto(signOnUrl)
    await Promise.all([
      page.waitForURL('**/webex/home'),
      signInAtMicrosoft(page, { login: 'B.Simon@contoso.com', password }),
    ])
    await expect(page.locator('#signed-in-user').textContent()).resolves.toBe('b.simon@contoso.com')
    await page.screenshot({ path: join(SCREENSHOTS, 'webex-home.png'), fullPage: true })
    const cookies = await context.cookies()
    const session = cookies.find((c) => c.name === 'webex_sandbox_session')
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
    expect(violations.list).toEqual([])
    await context.close()
  })

  it('shows a Webex error page naming the cause when the Webex user is missing', async () => {
    const users = (await fetch(`${sandbox.sp.url}/api/v1/users`, {
      headers: { authorization: `Bearer ${sandbox.sp.adminApiToken}` },
    }).then((r) => r.json())) as { items: { id: string }[] }
    for (const user of users.items)
      await fetch(`${sandbox.sp.url}/api/v1/users/${user.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${sandbox.sp.adminApiToken}` },
      })
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(signOnUrl)
    await Promise.all([
      page.waitForURL(/\/idb\/Consumer\//),
      signInAtMicrosoft(page, { login: 'B.Simon@contoso.com', password }),
    ])
    await expect(page.locator('.error-code code').textContent()).resolves.toBe('SSO_USER_NOT_FOUND')
    await expect(page.getByText('Control Hub > Users').count()).resolves.toBeGreaterThan(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'webex-error.png'), fullPage: true })
    await context.close()
  })
})
