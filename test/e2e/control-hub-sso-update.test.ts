import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, recordCspViolations } from '../support/browser'
import { signInToControlHub } from '../support/control-hub-sign-in'
import {
  chooseMetadataFile,
  enterpriseSettings,
  openImportStep,
  runTestTab as runTestTabOf,
  type TestHeading,
} from '../support/control-hub-sso-wizard'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'
import { setUpTutorial } from '../support/tutorial-setup'

let browser: Browser
let sandbox: RunningSandbox
let context: BrowserContext
let page: Page
let password = ''
let entraMetadata = ''

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox({ log: () => {} })])
  // The tutorial up to single sign-on enabled on Webex, through the public APIs.
  const setUp = await setUpTutorial(sandbox, 5)
  password = setUp.password
  entraMetadata = setUp.facts.federationMetadataXml ?? ''
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
  await signInToControlHub(page, sandbox.sp.url, sandbox.sp.controlHubAdmin, '/admin/settings')
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

async function looksRight(target: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(target)).toEqual([])
  await saveScreenshot(target, name)
}

const dialog = () => enterpriseSettings(page)
const card = () => page.getByRole('region', { name: 'Update SSO Certificate' })

/** Modify > Next > Next > SSO Warning Ok > file browser: a re-import while single sign-on is on. */
async function reimport(name: string, xml: string): Promise<void> {
  await openImportStep(page, sandbox.sp.url)
  await chooseMetadataFile(page, { name, xml })
  await dialog().getByText('Successfully imported IdP metadata file').first().waitFor()
}

/** The test tab as B.Simon (Entra's session may already be there), looked at before it closes. */
function runTestTab(open: () => Promise<void>, heading: TestHeading, screenshot: string): Promise<void> {
  return runTestTabOf(context, open, { login: 'B.Simon@contoso.com', password }, heading, (tab) =>
    looksRight(tab, screenshot),
  )
}

describe('Control Hub: new IdP metadata while single sign-on is on', () => {
  it('Update SSO Certificate: import, Test SSO Update in a new tab, then Switch to new metadata', async () => {
    const csp = await recordCspViolations(context)
    await reimport('Cisco Webex (new certificate).xml', entraMetadata)
    await page.goto(`${sandbox.sp.url}/admin/settings`)
    await card().getByText('New metadata imported').waitFor()
    await expect(page.locator('#sso-status').textContent()).resolves.toBe('Enabled')
    const switchButton = card().getByRole('button', { name: 'Switch to new metadata' })
    await expect(switchButton.isDisabled()).resolves.toBe(true)
    await card().scrollIntoViewIfNeeded()
    await looksRight(page, 'cert-update-1-imported')

    await runTestTab(
      () => card().getByRole('link', { name: 'Test SSO Update' }).click(),
      'Single Sign-on succeeded.',
      'cert-update-2-test-tab',
    )
    await page.reload()
    await card().getByText('Test passed: single sign-on with the new metadata works.').waitFor()
    await expect(switchButton.isDisabled()).resolves.toBe(false)
    await switchButton.click()
    await page.getByText('Successfully switched to the new SSO metadata.').first().waitFor()
    await expect(card().count()).resolves.toBe(0)
    await expect(page.locator('#sso-status').textContent()).resolves.toBe('Enabled')
    await looksRight(page, 'cert-update-3-switched')
    expect(csp.list).toEqual([])
  })

  it('says "SSO configuration not successful" when the Response comes from another IdP than the metadata names', async () => {
    const entityId = /entityID="([^"]+)"/.exec(entraMetadata)?.[1] ?? ''
    expect(entityId).not.toBe('')
    const otherTenant = entraMetadata.replace(
      `entityID="${entityId}"`,
      'entityID="https://sts.windows.net/99999999-8888-7777-6666-555555555555/"',
    )
    await reimport('another-tenant.xml', otherTenant)
    await dialog().getByRole('button', { name: 'Next' }).click()
    await runTestTab(
      () => dialog().getByRole('link', { name: 'Test SSO Connection' }).click(),
      'Single Sign-on failed.',
      'sso-unknown-idp-test-tab',
    )
    // The wizard picks the result up by polling and shows the toast with it.
    await page.getByText('SSO configuration not successful').first().waitFor()
    await expect(page.locator('#test-status').textContent()).resolves.toContain(
      'is not the imported IdP "https://sts.windows.net/99999999-8888-7777-6666-555555555555/"',
    )
    await looksRight(page, 'sso-unknown-idp-wizard')
  })
})
