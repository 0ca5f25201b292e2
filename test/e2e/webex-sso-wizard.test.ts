import { certificateToDer, generateRsaKeyPair, issueEntraStyleCertificate } from '@sandbox/shared'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, recordCspViolations } from '../support/browser'
import { signInToControlHub } from '../support/control-hub-sign-in'
import {
  CA_SIGNED,
  chooseMetadataFile,
  enterpriseSettings,
  runTestTab,
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
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox()])
  // The Entra side of the tutorial (gallery app, SAML, B.Simon) through the IdP's API.
  const setUp = await setUpTutorial(sandbox, 4)
  password = setUp.password
  entraMetadata = setUp.facts.federationMetadataXml ?? ''
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
  page = await context.newPage()
  await signInToControlHub(page, sandbox.sp.url, sandbox.sp.controlHubAdmin, '/admin/settings')
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

async function looksRight(name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await saveScreenshot(page, name)
}

const dialog = () => enterpriseSettings(page)

describe('the Webex side of the tutorial, by clicking in Control Hub', () => {
  it('downloads the SP metadata, imports the Entra metadata, tests in a new tab, enables and saves', async () => {
    const csp = await recordCspViolations(context)
    await expect(page.getByRole('heading', { name: 'Authentication' }).count()).resolves.toBe(1)
    await looksRight('wizard-0-settings')
    await page.getByRole('button', { name: 'Modify' }).click()
    await dialog().getByLabel('Integrate a 3rd-party identity provider. (Advanced)').check()
    await looksRight('wizard-1-init')
    await dialog().getByRole('button', { name: 'Next' }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'Download Metadata File' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^idb-meta-[0-9a-f-]{36}-SP\.xml$/)
    await looksRight('wizard-2-export')
    await dialog().getByRole('button', { name: 'Next' }).click()
    await looksRight('wizard-3-import')

    // Refused: Entra-style self-signed certificate under the CA option.
    const key = await generateRsaKeyPair()
    const selfSigned = issueEntraStyleCertificate({ key, now: Date.now() }).certificatePem
    const base64 = certificateToDer(selfSigned)?.toString('base64') ?? ''
    const forged = entraMetadata.replace(
      /<X509Certificate>[^<]+<\/X509Certificate>/g,
      `<X509Certificate>${base64}</X509Certificate>`,
    )
    await chooseMetadataFile(page, { name: 'self-signed.xml', xml: forged }, CA_SIGNED)
    await dialog().getByText('Failed to import IdP Metadata File').first().waitFor()
    await expect(dialog().textContent()).resolves.toContain('CN=Microsoft Azure Federated SSO Certificate')
    await expect(dialog().getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true)
    await looksRight('wizard-3b-import-refused')
    await dialog().getByRole('button', { name: 'Try Again' }).click()

    await page.waitForURL(/confirm=replace/)
    await chooseMetadataFile(page, { name: 'Cisco Webex.xml', xml: entraMetadata }, CA_SIGNED)
    await dialog().getByText('Successfully imported IdP metadata file').first().waitFor()
    await looksRight('wizard-3c-imported')
    await dialog().getByRole('button', { name: 'Next' }).click()
    // Next is read only once the test step has loaded: before that it is still the import step's enabled Next.
    await dialog().getByRole('link', { name: 'Test SSO Connection' }).waitFor()
    await expect(dialog().getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true)

    await runTestTab(
      context,
      async () => {
        await dialog().getByRole('link', { name: 'Test SSO Connection' }).click()
      },
      { login: 'B.Simon@contoso.com', password },
      'Single Sign-on succeeded.',
      async (tab) => {
        expect(new URL(tab.url()).origin).toBe(sandbox.sp.url)
        await expect(tab.getByText('Close this tab and return to Control Hub').count()).resolves.toBe(1)
        expect(await seriousAccessibilityViolations(tab)).toEqual([])
        await saveScreenshot(tab, 'wizard-4b-test-tab')
      },
    )

    // The wizard picks the result up by polling.
    await expect(page.locator('#test-status')).toBeDefined()
    await page.getByText('Last test: Single Sign-on succeeded.').waitFor()
    await dialog().getByLabel('This test was successful. Enable Single Sign-On').check()
    await looksRight('wizard-4-test')
    await dialog().getByRole('button', { name: 'Next' }).click()
    await looksRight('wizard-5-finish')
    await dialog().getByRole('button', { name: 'Save' }).click()
    await page.getByText('Single Sign-On (SSO) successfully enabled for all users').waitFor()
    await expect(page.locator('#sso-status').textContent()).resolves.toBe('Enabled')
    await looksRight('wizard-6-enabled')
    expect(csp.list).toEqual([])
  })

  it('warns before a re-import while SSO is on, and disables SSO when Simple is chosen', async () => {
    await page.getByRole('button', { name: 'Modify' }).click()
    await dialog().getByRole('button', { name: 'Next' }).click()
    // Each Next loads the next step: click the export step's Next only once that step is shown,
    // not the first step's Next while it is still on screen.
    await dialog().getByRole('button', { name: 'Download Metadata File' }).waitFor()
    await dialog().getByRole('button', { name: 'Next' }).click()
    const warning = page.getByRole('alertdialog', { name: 'SSO Warning' })
    await warning.waitFor()
    await looksRight('wizard-7-sso-warning')
    await warning.getByRole('button', { name: 'Ok' }).click()
    await dialog().getByText('Import IdP Metadata').first().waitFor()
    await page.goto(`${sandbox.sp.url}/admin/settings`)
    await page.getByRole('button', { name: 'Modify' }).click()
    await dialog().getByLabel('Use the built-in identity service for user authentication. (Simple)').check()
    await dialog().getByRole('button', { name: 'Next' }).click()
    await page.getByRole('alertdialog', { name: 'SSO Warning' }).getByRole('button', { name: 'Ok' }).click()
    await page
      .getByText(
        'SSO is Disabled. User authentication configuration is now using simple built-in identity service.',
      )
      .waitFor()
    await expect(page.locator('#sso-status').textContent()).resolves.toBe('Disabled')
    await looksRight('wizard-8-disabled')
  })
})
