import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HeadlessBrowser, signIn } from '@sandbox/shared'
import { type RunningSandbox, startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUpTutorial } from '../support/tutorial-setup'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const dataDir = mkdtempSync(join(tmpdir(), 'sso-flow-'))
let ports: { idpPort: number; spPort: number }
let sandbox: RunningSandbox
let signOnUrl = ''
let password = ''

const start = () => startSandbox({ dataDir, ...ports })

beforeAll(async () => {
  ports = { idpPort: await freePort(), spPort: await freePort() }
  sandbox = await start()
  const setUp = await setUpTutorial(sandbox, 6)
  signOnUrl = setUp.signOnUrl
  password = setUp.password
})
afterAll(async () => {
  await sandbox?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function signedInBrowser(): Promise<HeadlessBrowser> {
  const browser = new HeadlessBrowser()
  const result = await signIn({ startUrl: signOnUrl, username: 'B.Simon@contoso.com', password, browser })
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return browser
}

const sessionStatus = async (browser: HeadlessBrowser) =>
  (await browser.open(`${sandbox.sp.url}/api/v1/session`)).status

describe('single logout', () => {
  it('from Webex: ends the Webex session, then the Entra session through a signed LogoutRequest and LogoutResponse', async () => {
    const browser = await signedInBrowser()
    expect(await sessionStatus(browser)).toBe(200)
    const page = await browser.open(`${sandbox.sp.url}/webex/logout`)
    expect(page.status).toBe(200)
    expect(page.facts.text).toContain('You signed out of Webex and of your identity provider.')
    const trail = browser.hops.slice(-3).map((h) => new URL(h.url).pathname)
    expect(trail[0]).toBe('/webex/logout')
    expect(trail[1]).toMatch(/\/saml2$/)
    expect(trail[2]).toMatch(/\/idb\/SPSloRedirect\/metaAlias\/.+\/sp$/)
    expect(await sessionStatus(browser)).toBe(401)
    // Entra's session is gone too: the next sign-in asks for the account and password again.
    const again = await browser.open(signOnUrl)
    expect(again.facts.forms.some((f) => f.fields.some((field) => field.name === 'login'))).toBe(true)
  })

  it('from Entra: signing out of Entra ends the Entra session; Webex asks Entra again at the next sign-in', async () => {
    const browser = await signedInBrowser()
    await browser.open(`${sandbox.idp.url}/${sandbox.idp.tenantId}/logout`)
    expect(await sessionStatus(browser)).toBe(200)
    const again = await browser.open(signOnUrl)
    expect(again.facts.forms.some((f) => f.fields.some((field) => field.name === 'login'))).toBe(true)
  })
})

describe('a restart of both servers in the middle of a sign-in', () => {
  it('keeps the configuration; the half-finished sign-in fails cleanly and a new one succeeds', async () => {
    const browser = new HeadlessBrowser()
    const signInPage = await browser.open(signOnUrl)
    const form = signInPage.facts.forms.find((f) => f.fields.some((field) => field.name === 'login'))
    expect(form).toBeDefined()

    await sandbox.close()
    sandbox = await start()

    const status = await fetch(`${sandbox.sp.url}/api/v1/sso`, {
      headers: { authorization: `Bearer ${sandbox.sp.adminApiToken}` },
    }).then((r) => r.json() as Promise<{ enabled: boolean }>)
    expect(status.enabled).toBe(true)

    const stale = await browser.submit(signInPage, form as NonNullable<typeof form>, {
      login: 'B.Simon@contoso.com',
      passwd: password,
    })
    expect(stale.status).toBeGreaterThanOrEqual(400)
    expect(stale.facts.text).toContain('AADSTS50089')
    expect(await sessionStatus(browser)).toBe(401)

    const fresh = await signIn({ startUrl: signOnUrl, username: 'B.Simon@contoso.com', password, browser })
    expect(fresh.ok).toBe(true)
    expect(await sessionStatus(browser)).toBe(200)
  })
})
