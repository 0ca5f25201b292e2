import { readFile } from 'node:fs/promises'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInToControlHub } from '../support/control-hub-sign-in'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'
import { openProvisioningConsole } from '../support/provisioning-console'
import { type ProvisioningSandbox, webexUsers } from '../support/provisioning-setup'

let browser: Browser
let p: ProvisioningSandbox
let context: BrowserContext
let page: Page

beforeAll(async () => {
  ;({ browser, p, context, page } = await openProvisioningConsole())
})
afterAll(async () => {
  await Promise.all([browser?.close(), p?.close()])
})

async function checkPage(name: string) {
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await saveScreenshot(page, name)
}

async function expectToast(text: string) {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

describe('automatic provisioning of Cisco Webex, by clicking in the Entra admin center', () => {
  it('opens Cisco Webex > Provisioning and shows Get started', async () => {
    await page.getByRole('link', { name: 'Enterprise applications', exact: true }).click()
    await page.getByRole('link', { name: 'Cisco Webex' }).first().click()
    await page.getByRole('link', { name: 'Provisioning', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Provisioning')
    await checkPage('entra-provisioning-get-started')
    await page.getByRole('link', { name: 'Get started' }).click()
    await expect(page.getByLabel('Provisioning Mode').inputValue()).resolves.toBe('Automatic')
  })

  it('tells a wrong Secret Token apart, then authorizes the right one with Test Connection', async () => {
    await page.getByLabel('Tenant URL').fill(p.scim.legacyScimBaseUrl)
    await page.getByLabel('Secret Token').fill('not-the-token')
    await page.getByRole('button', { name: 'Test Connection' }).click()
    await expectToast('You appear to have entered invalid credentials.')
    await page.getByLabel('Secret Token').fill(p.scim.token)
    await page.getByRole('button', { name: 'Test Connection' }).click()
    await expectToast('The supplied credentials are authorized to enable provisioning.')
    await checkPage('entra-provisioning-configuration')
  })

  it('saves with Provisioning Status On, runs a cycle and shows its statistics', async () => {
    expect((await webexUsers(p)).map((u) => u.email)).not.toContain('b.simon@contoso.com')
    await page.getByLabel('Scope').selectOption({ label: 'Sync only assigned users and groups' })
    await page.getByLabel('Notification Email').fill('ops@contoso.com')
    await page.getByRole('radio', { name: 'On', exact: true }).check()
    await page.getByRole('button', { name: 'Save' }).click()
    await expectToast('Provisioning saved')
    await page.getByRole('button', { name: 'Run a cycle now' }).click()
    await expectToast('Cycle completed')
    await page.getByText('Initial cycle completed.').waitFor()
    await expect(page.getByRole('heading', { name: 'Statistics to date' }).isVisible()).resolves.toBe(true)
    await checkPage('entra-provisioning-overview')
  })

  it('shows the Create of B.Simon in Provisioning logs with the SCIM exchange and no token', async () => {
    await page.getByRole('link', { name: 'View provisioning logs' }).click()
    await page.getByRole('row').filter({ hasText: 'B.Simon' }).getByRole('link').first().click()
    await page.getByRole('heading', { name: 'Steps' }).waitFor()
    const text = (await page.textContent('main')) ?? ''
    expect(text).toContain('Create')
    expect(text).toContain('POST ')
    expect(text).toContain('Bearer [redacted]')
    expect(text).not.toContain(p.scim.token)
    await checkPage('entra-provisioning-log')
  })

  it('lists the same event under Monitoring & health > Provisioning logs, with Cisco Webex as the target', async () => {
    await page.goto(`${p.sandbox.idp.url}/monitoring/provisioning`)
    const row = page.getByRole('row').filter({ hasText: 'B.Simon' }).first()
    await expect(row.textContent()).resolves.toContain('Cisco Webex')
    await row.getByRole('link').click()
    await page.getByRole('heading', { name: 'Steps' }).waitFor()
    await checkPage('entra-tenant-provisioning-log')
  })

  it('provisions B.Simon on demand with the four step cards', async () => {
    await page.getByRole('link', { name: 'Enterprise applications', exact: true }).click()
    await page.getByRole('link', { name: 'Cisco Webex' }).first().click()
    await page.getByRole('link', { name: 'Provisioning', exact: true }).click()
    await page.getByRole('link', { name: 'Provision on demand' }).click()
    await page.getByLabel('Search user').fill('Simon')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('radio', { name: /B\.Simon/ }).check()
    await page.getByRole('button', { name: 'Provision' }).click()
    for (const title of ['Import user', 'Determine if user is in scope', 'Perform action'])
      await page.getByRole('region', { name: title }).first().waitFor()
    await checkPage('entra-provision-on-demand')
  })

  it('lists B.Simon in Control Hub > Users, provisioned over SCIM', async () => {
    const bsimon = (await webexUsers(p)).find((u) => u.email === 'b.simon@contoso.com')
    expect(bsimon).toMatchObject({ source: 'scim', active: true })
    const hub = await context.newPage()
    await signInToControlHub(hub, p.sandbox.sp.url, p.sandbox.sp.controlHubAdmin)
    await hub.getByRole('link', { name: 'Users' }).click()
    await hub.getByText('b.simon@contoso.com').first().waitFor()
    expect(await seriousAccessibilityViolations(hub)).toEqual([])
    await saveScreenshot(hub, 'control-hub-users-provisioned')
  })

  it('shows a group assigned in Entra under Control Hub > Groups after a cycle, with B.Simon as its member', async () => {
    const group = (await (
      await p.graph('POST', '/groups', {
        displayName: 'Webex Users',
        mailNickname: 'webexusers',
        securityEnabled: true,
        mailEnabled: false,
      })
    ).json()) as { id: string }
    await p.graph('POST', `/groups/${group.id}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${p.tutorial.facts.testUserId}`,
    })
    const app = (await (await p.graph('GET', `/servicePrincipals/${p.servicePrincipalId}`)).json()) as {
      appRoles: { id: string; displayName: string }[]
    }
    await p.graph('POST', `/groups/${group.id}/appRoleAssignments`, {
      resourceId: p.servicePrincipalId,
      appRoleId: app.appRoles.find((r) => r.displayName === 'User')?.id,
    })
    await p.cycle()
    // The context signed in to Control Hub in the test before.
    const hub = await context.newPage()
    await hub.goto(`${p.sandbox.sp.url}/admin`)
    await hub.getByRole('link', { name: 'Groups' }).click()
    await hub.getByRole('searchbox', { name: 'Search for a group' }).fill('webex')
    await hub.getByRole('searchbox', { name: 'Search for a group' }).press('Enter')
    const row = hub.getByRole('row').filter({ hasText: 'Webex Users' })
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('1')
    expect(await seriousAccessibilityViolations(hub)).toEqual([])
    await saveScreenshot(hub, 'control-hub-groups')
    await row.getByRole('link', { name: 'Webex Users' }).click()
    await hub.getByRole('heading', { name: 'Webex Users' }).waitFor()
    await hub.getByRole('region', { name: 'Members' }).getByRole('link', { name: /Simon/ }).click()
    await hub.getByText('b.simon@contoso.com').first().waitFor()
    await hub.goBack()
    expect(await seriousAccessibilityViolations(hub)).toEqual([])
    await saveScreenshot(hub, 'control-hub-group-detail')
  })
})

describe('Provisioning logs filters and download', () => {
  it('filters by Status Failure after a wrong Secret Token and downloads that list as CSV', async () => {
    // A change to send, so that Provision on demand reaches Webex with the wrong token.
    const bsimon = p.tutorial.facts.testUserId ?? ''
    expect((await p.graph('PATCH', `/users/${bsimon}`, { surname: 'Simons' })).status).toBe(204)
    const app = `${p.sandbox.idp.url}/enterprise-apps`
    await page.goto(app)
    await page.getByRole('link', { name: 'Cisco Webex' }).first().click()
    await page.getByRole('link', { name: 'Provisioning', exact: true }).click()
    await page.goto(`${page.url().split('?')[0]}?view=edit`)
    await page.getByLabel('Secret Token').fill('a-revoked-token')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { name: 'Current cycle status' }).waitFor()
    await page.getByRole('link', { name: 'Provision on demand' }).click()
    await page.getByLabel('Search user').fill('Simon')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('radio', { name: /B\.Simon/ }).check()
    await page.getByRole('button', { name: 'Provision' }).click()
    await expectToast('Provision on demand: Failure')

    await page
      .getByRole('navigation', { name: 'Cisco Webex' })
      .getByRole('link', { name: 'Provisioning logs' })
      .click()
    await page.getByLabel('Status').selectOption({ label: 'Failure' })
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/status=Failure/)
    const rows = page.getByRole('table', { name: 'Provisioning logs' }).getByRole('row')
    const statuses = await rows.allTextContents()
    expect(statuses.length).toBeGreaterThan(1)
    for (const row of statuses.slice(1)) expect(row).toMatch(/Failure$/)
    await checkPage('entra-provisioning-logs-filtered')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^Cisco Webex provisioning logs \d{4}-\d{2}-\d{2}\.csv$/)
    const path = await download.path()
    const csv = await readFile(path, 'utf8')
    const [header, ...lines] = csv.trimEnd().split('\r\n')
    expect(header).toBe('Date,Identity,Action,Source System,Target System,Status')
    expect(lines).toHaveLength(statuses.length - 1)
    for (const line of lines)
      expect(line).toMatch(/,B\.Simon.*,Update,Microsoft Entra ID,Cisco Webex,Failure$/)
    expect(csv).not.toContain(p.scim.token)
    expect(csv).not.toContain('a-revoked-token')
    const jsonHref = await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href')
    const json = await (await page.request.get(new URL(jsonHref ?? '', page.url()).href)).text()
    expect(json).toContain('Bearer [redacted]')
    expect(json).not.toContain('a-revoked-token')
  })
})
