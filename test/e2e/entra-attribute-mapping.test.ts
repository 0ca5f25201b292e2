import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInToControlHub } from '../support/control-hub-sign-in'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'
import { openProvisioningConsole } from '../support/provisioning-console'
import type { ProvisioningSandbox } from '../support/provisioning-setup'

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

const toast = (text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor()
const mappings = () => page.getByRole('table', { name: 'Attribute Mappings' })

describe('Provisioning > Mappings > Attribute Mapping, by clicking in the Entra admin center', () => {
  it('opens Provision Microsoft Entra ID Users from Mappings once the credentials are saved', async () => {
    await page.getByRole('link', { name: 'Enterprise applications', exact: true }).click()
    await page.getByRole('link', { name: 'Cisco Webex' }).first().click()
    await page.getByRole('link', { name: 'Provisioning', exact: true }).click()
    await page.getByRole('link', { name: 'Get started' }).click()
    await page.getByLabel('Tenant URL').fill(p.scim.legacyScimBaseUrl)
    await page.getByLabel('Secret Token').fill(p.scim.token)
    await page.getByRole('radio', { name: 'On', exact: true }).check()
    await page.getByRole('button', { name: 'Save' }).click()
    await toast('Provisioning saved')
    await page.goto(`${page.url().split('?')[0]}?view=edit`)
    await page.getByRole('link', { name: 'Provision Microsoft Entra ID Users' }).click()
    await page.getByRole('heading', { name: 'Attribute Mapping' }).waitFor()
    const userName = mappings().getByRole('row').filter({ hasText: 'userPrincipalName' })
    await expect(userName.textContent()).resolves.toMatch(/userPrincipalName\s*userName\s*1/)
    await checkPage('entra-attribute-mapping-table')
  })

  it('edits displayName into a Constant, saves after the confirmation, and the next cycle sends it to Webex', async () => {
    await mappings().getByRole('button', { name: 'Edit displayName' }).click()
    const pane = page.getByRole('dialog', { name: 'Edit attribute mapping' })
    await pane.getByLabel('Mapping type').selectOption('Constant')
    await pane.getByLabel('Constant Value').fill('Contoso staff')
    await expect(pane.getByLabel('Target attribute').inputValue()).resolves.toBe('displayName')
    await expect(pane.getByLabel('Match objects using this attribute').inputValue()).resolves.toBe('No')
    await expect(pane.getByLabel('Apply this mapping').inputValue()).resolves.toBe('Always')
    await checkPage('entra-attribute-mapping-edit')
    await pane.getByRole('button', { name: 'Ok' }).click()
    await mappings().getByText('"Contoso staff"').waitFor()
    await page.getByText('You have unsaved changes').waitFor()
    await page.getByRole('button', { name: 'Save' }).first().click()
    const confirm = page.getByRole('alertdialog', { name: 'Save changes?' })
    await checkPage('entra-attribute-mapping-confirm')
    await confirm.getByRole('button', { name: 'Yes' }).click()
    await toast('Attribute mappings saved')
    await expect(page.getByText('You have unsaved changes').count()).resolves.toBe(0)

    await page.getByRole('link', { name: 'Provisioning', exact: true }).click()
    await page.getByRole('button', { name: 'Run a cycle now' }).click()
    await toast('Cycle completed')
    const listed = await (await p.spApi('GET', '/api/v1/users?limit=1000')).json()
    const bsimon = (listed as { items: { email: string; displayName: string }[] }).items.find(
      (u) => u.email === 'b.simon@contoso.com',
    )
    expect(bsimon?.displayName).toBe('Contoso staff')
    const hub = await context.newPage()
    await signInToControlHub(hub, p.sandbox.sp.url, p.sandbox.sp.controlHubAdmin, '/admin/users')
    await hub.getByRole('row').filter({ hasText: 'b.simon@contoso.com' }).getByText('Contoso staff').waitFor()
    expect(await seriousAccessibilityViolations(hub)).toEqual([])
    await saveScreenshot(hub, 'control-hub-users-mapped-display-name')
  })
})
