import type { Browser, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { signInToControlHub } from '../support/control-hub-sign-in'
import { collectCspViolations, saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'

/**
 * Organization Settings > SCIM by clicking: generate a token for each of two connectors (each
 * shown once), revoke one after the confirmation, and read the SCIM activity log of the calls
 * the connectors made with them (the revoked one refused).
 */
let browser: Browser
let sandbox: RunningSandbox
let page: Page
let csp: string[]
const tokens: Record<string, string> = {}

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox({ log: () => {} })])
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
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

function createUser(token: string, userName: string): Promise<Response> {
  return fetch(`${sandbox.sp.url}/identity/scim/${sandbox.sp.orgId}/v2/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      name: { givenName: 'B', familyName: 'Simon' },
    }),
  })
}

describe('Control Hub SCIM tokens and activity in Chromium', () => {
  it('generates a token for each of two connectors, each shown once, and lists both', async () => {
    await signInToControlHub(page, sandbox.sp.url, sandbox.sp.controlHubAdmin)
    for (const name of ['Entra provisioning connector', 'Staging connector']) {
      await page.goto(`${sandbox.sp.url}/admin/settings`)
      await page.getByLabel('Token name').fill(name)
      await page.getByRole('button', { name: 'Generate token' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: `New token for ${name}` })
        .waitFor()
      tokens[name] = (await page.locator('#new-scim-token').textContent()) ?? ''
      expect(tokens[name]?.length).toBeGreaterThanOrEqual(32)
    }
    const table = page.getByRole('table', { name: 'SCIM tokens' })
    await expect(table.getByRole('row').count()).resolves.toBe(4)
    await page.locator('#scim').scrollIntoViewIfNeeded()
    await expectCleanPage('control-hub-scim-tokens')
  })

  it('revokes one token after the confirmation; SCIM refuses it and accepts the other', async () => {
    await page
      .getByRole('row', { name: /Staging connector/ })
      .getByRole('button', { name: 'Revoke' })
      .click()
    const dialog = page.getByRole('alertdialog', { name: 'Revoke token' })
    await dialog.waitFor()
    await expectCleanPage('control-hub-scim-revoke-confirm')
    await dialog.getByRole('button', { name: 'Revoke' }).click()
    await page.getByText('Token revoked.').first().waitFor()
    await expect(page.getByRole('row', { name: /Staging connector/ }).count()).resolves.toBe(0)
    expect((await createUser(tokens['Staging connector'] as string, 'x@contoso.com')).status).toBe(401)
    expect(
      (await createUser(tokens['Entra provisioning connector'] as string, 'b.simon@contoso.com')).status,
    ).toBe(201)
  })

  it('shows the SCIM activity log: who called, what changed, the result, newest first', async () => {
    await page.reload()
    const log = page.getByRole('table', { name: 'SCIM activity log' })
    const rows = log.getByRole('row')
    await expect(rows.count()).resolves.toBe(3)
    await expect(rows.nth(1).textContent()).resolves.toContain('Entra provisioning connector')
    await expect(rows.nth(1).textContent()).resolves.toContain('Success (201)')
    await expect(rows.nth(1).textContent()).resolves.toContain('name.familyName = "Simon"')
    await expect(rows.nth(2).textContent()).resolves.toContain('Failure (401)')
    await log.scrollIntoViewIfNeeded()
    await expectCleanPage('control-hub-scim-activity')
  })

  it('lists the organization SCIM token with its created date and revokes it like the others', async () => {
    const organizationToken = sandbox.sp.scimToken
    expect((await createUser(organizationToken, 'org-token@contoso.com')).status).toBe(201)
    await page.reload()
    const row = page
      .getByRole('table', { name: 'SCIM tokens' })
      .getByRole('row', { name: /Organization SCIM token/ })
    await expect(row.textContent()).resolves.toMatch(
      /Organization SCIM token\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
    )
    await row.getByRole('button', { name: 'Revoke' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Revoke token' })
    await expect(dialog.textContent()).resolves.toContain('Organization SCIM token will stop working at once')
    await expectCleanPage('control-hub-scim-revoke-organization')
    await dialog.getByRole('button', { name: 'Revoke' }).click()
    await page.getByText('Token revoked.').first().waitFor()
    await expect(page.getByRole('row', { name: /Organization SCIM token/ }).count()).resolves.toBe(0)
    expect((await createUser(organizationToken, 'refused@contoso.com')).status).toBe(401)
  })
})
