import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { bannerAdmin, signInToAdminCenter } from '../support/console-sign-in'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'

/**
 * The Entra admin center's directory half by clicking, with the tutorial's words as locators:
 * sign in as the banner's admin, create B.Simon with Show password, put her in a group, read
 * the sign-in and audit logs, and sign out. Each page is checked with axe and photographed.
 */
let browser: Browser
let sandbox: RunningSandbox
let page: Page
const cspViolations: string[] = []

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox()])
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) cspViolations.push(message.text())
  })
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

async function checked(name: string) {
  expect(await seriousAccessibilityViolations(page), name).toEqual([])
  await saveScreenshot(page, `entra-${name}`)
}

describe('the Entra admin center in Chromium', () => {
  it('sends an anonymous visit to sign-in and back to the page asked for, inside the chrome', async () => {
    await signInToAdminCenter(page, sandbox, '/users')
    expect(new URL(page.url()).pathname).toBe('/users')
    await page.getByRole('link', { name: 'Microsoft Entra admin center' }).waitFor()
    await page.getByText('SANDBOX', { exact: true }).first().waitFor()
    const nav = page.getByRole('navigation', { name: 'Left navigation' })
    for (const name of ['Overview', 'All users', 'All groups', 'Sign-in logs', 'Audit logs'])
      await expect(nav.getByRole('link', { name }).count(), name).resolves.toBe(1)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Users | All users')
    await checked('all-users')
    await nav.getByRole('link', { name: 'Overview' }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/ \| Overview$/)
    await checked('overview')
  })

  it('creates B.Simon with the generated password shown, then finds her', async () => {
    await page.getByRole('link', { name: 'All users' }).click()
    await page.getByRole('link', { name: 'New user' }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Create new user')
    await page.getByLabel('User principal name').fill('B.Simon')
    await expect(page.getByRole('combobox', { name: 'Domain' }).inputValue()).resolves.toBe('contoso.com')
    await page.getByLabel('Display name').fill('B.Simon')
    await page.getByLabel('Show password').check()
    const password = await page.getByLabel('Password', { exact: true }).inputValue()
    expect(password.length).toBeGreaterThanOrEqual(8)
    await expect(page.getByLabel('Password', { exact: true }).getAttribute('type')).resolves.toBe('text')
    await expect(page.getByLabel('Account enabled').isChecked()).resolves.toBe(true)
    await checked('create-new-user')
    await page.getByRole('button', { name: 'Review + create' }).click()
    await page.getByText('B.Simon@contoso.com').first().waitFor()
    await checked('create-new-user-review')
    await page.getByRole('button', { name: 'Create', exact: true }).click()
    await page.getByRole('status').getByText('Successfully created user').waitFor()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('B.Simon | Overview')
    await checked('user-profile')
    await page.getByRole('link', { name: 'Users', exact: true }).click()
    await page.getByRole('searchbox', { name: 'Search by name or user principal name' }).fill('simon')
    await page.keyboard.press('Enter')
    await page.getByRole('cell', { name: 'B.Simon@contoso.com' }).waitFor()
    const graph = await fetch(`${sandbox.idp.url}/v1.0/users/B.Simon@contoso.com`, {
      headers: { authorization: `Bearer ${sandbox.idp.graphApiToken}` },
    })
    expect(graph.status).toBe(200)
    expect(((await graph.json()) as { displayName: string }).displayName).toBe('B.Simon')
  })

  it('creates a security group with B.Simon as a member', async () => {
    await page.getByRole('link', { name: 'All groups' }).click()
    await page.getByRole('link', { name: 'New group' }).click()
    await expect(page.getByLabel('Group type').inputValue()).resolves.toBe('Security')
    await page.getByLabel('Group name').fill('Webex users')
    await page.getByLabel('B.Simon (B.Simon@contoso.com)').check()
    await checked('new-group')
    await page.getByRole('button', { name: 'Create' }).click()
    await page.getByRole('status').getByText('Successfully created group').waitFor()
    await page.getByRole('table', { name: 'Members' }).getByRole('link', { name: 'B.Simon' }).waitFor()
    await checked('group')
  })

  it('shows the admin’s sign-in in the Sign-in logs and each change with old and new values in the Audit logs', async () => {
    await page.getByRole('link', { name: 'Sign-in logs' }).click()
    await page
      .getByRole('cell', { name: bannerAdmin(sandbox).login })
      .first()
      .waitFor()
    await checked('sign-in-logs')
    await page.getByRole('table', { name: 'Sign-ins' }).getByRole('link').first().click()
    await page.getByRole('dialog', { name: 'Activity Details: Sign-ins' }).waitFor()
    await page.getByText('Correlation ID').waitFor()
    await checked('sign-in-details')
    await page.keyboard.press('Escape')
    // Download > Download CSV: the file Entra gives, its header first and the admin's sign-in in it.
    await page.getByRole('link', { name: 'Download', exact: true }).click()
    const downloadPane = page.getByRole('dialog', { name: 'Download' })
    await downloadPane.waitFor()
    await checked('sign-in-logs-download')
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      downloadPane.getByRole('link', { name: 'Download CSV' }).click(),
    ])
    expect(file.suggestedFilename()).toMatch(/^InteractiveSignIns_\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = readFileSync(await file.path(), 'utf8')
    expect(csv.split('\r\n')[0]).toMatch(/^Date \(UTC\),Request ID,Correlation ID,/)
    expect(csv).toContain(bannerAdmin(sandbox).login)
    await page.keyboard.press('Escape')
    await downloadPane.waitFor({ state: 'detached' })
    await page.getByRole('link', { name: 'Audit logs' }).click()
    const rows = page.getByRole('table', { name: 'Audit log entries' })
    await rows.getByRole('cell', { name: 'Add member to group' }).waitFor()
    await rows.getByRole('cell', { name: 'Add group' }).waitFor()
    await rows.getByRole('cell', { name: 'Add user' }).waitFor()
    await checked('audit-logs')
    await rows
      .getByRole('row', { name: /Add user/ })
      .getByRole('link')
      .click()
    const details = page.getByRole('dialog', { name: 'Audit Log Details' })
    await details.getByRole('cell', { name: 'B.Simon@contoso.com' }).waitFor()
    await checked('audit-details')
    await page.keyboard.press('Escape')
    await page.getByRole('link', { name: 'Download', exact: true }).click()
    const auditDownload = page.getByRole('dialog', { name: 'Download' })
    await auditDownload.getByRole('link', { name: 'Download JSON' }).waitFor()
    await checked('audit-logs-download')
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      auditDownload.getByRole('link', { name: 'Download JSON' }).click(),
    ])
    expect(json.suggestedFilename()).toMatch(/^AuditLogs_\d{4}-\d{2}-\d{2}\.json$/)
    const entries = JSON.parse(readFileSync(await json.path(), 'utf8')) as { activityDisplayName: string }[]
    expect(entries.map((e) => e.activityDisplayName)).toContain('Add member to group')
  })

  it('signs out from the account menu and asks for sign-in again', async () => {
    await page.goto(`${sandbox.idp.url}/`)
    await page.locator('header.topbar details.account summary').click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'You signed out of your account' }).waitFor()
    await checked('signed-out')
    await page.goto(`${sandbox.idp.url}/groups`)
    expect(new URL(page.url()).pathname).toMatch(/\/login$/)
    expect(cspViolations).toEqual([])
  })
})
