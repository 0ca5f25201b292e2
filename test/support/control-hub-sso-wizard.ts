// Control Hub's "Enterprise Settings" wizard (Settings > Authentication > Modify) by clicking, as
// the tutorial's Webex half, the certificate update and the training exercises all go through it.
import type { BrowserContext, Page } from 'playwright-core'
import { signInAsNeeded } from './console-sign-in'

export const CA_SIGNED = 'Require certificate signed by a certificate authority in Metadata (more secure)'
export const SELF_SIGNED_ALLOWED = 'Allow self-signed certificate in Metadata (less secure)'
/** Test SSO Setup's radio that goes on to enable single sign-on. */
export const ENABLE_AFTER_TEST = 'This test was successful. Enable Single Sign-On'

/** A metadata file as the file browser is given it. */
export interface MetadataFile {
  readonly name: string
  readonly xml: string
}

/** The test tab's result heading. */
export type TestHeading = 'Single Sign-on succeeded.' | 'Single Sign-on failed.'

export const enterpriseSettings = (page: Page) => page.getByRole('dialog', { name: 'Enterprise Settings' })

/**
 * Settings > Authentication > Modify > Advanced > Next > Next: the Import IdP Metadata step.
 * With single sign-on on, the "SSO Warning" comes first and is answered Ok.
 */
export async function openImportStep(page: Page, spUrl: string): Promise<void> {
  await page.goto(`${spUrl}/admin/settings`)
  const ssoOn = (await page.locator('#sso-status').textContent()) === 'Enabled'
  await page.getByRole('button', { name: 'Modify' }).click()
  const dialog = enterpriseSettings(page)
  await dialog.getByLabel('Integrate a 3rd-party identity provider. (Advanced)').check()
  await dialog.getByRole('button', { name: 'Next' }).click()
  await dialog.getByRole('button', { name: 'Download Metadata File' }).waitFor()
  await dialog.getByRole('button', { name: 'Next' }).click()
  if (!ssoOn) {
    await dialog.getByText('Import IdP Metadata').first().waitFor()
    return
  }
  const warning = page.getByRole('alertdialog', { name: 'SSO Warning' })
  await warning.getByRole('button', { name: 'Ok' }).click()
  // The import step replaces the warning's page: choose the file on the new one.
  await warning.waitFor({ state: 'detached' })
  await page.waitForURL(/confirm=replace/)
}

/**
 * On Import IdP Metadata: picks the signing option (when given) and the file. Without the script
 * the form is posted with Upload; with it, choosing the file posts it. Ends on the answer.
 */
export async function chooseMetadataFile(page: Page, file: MetadataFile, option?: string): Promise<void> {
  const dialog = enterpriseSettings(page)
  if (option) await dialog.getByLabel(option).check()
  await dialog
    .getByLabel('file browser')
    .setInputFiles({ name: file.name, mimeType: 'text/xml', buffer: Buffer.from(file.xml) })
  await dialog
    .getByText(/^(Successfully imported IdP metadata file|Failed to import IdP Metadata File)$/)
    .first()
    .waitFor()
}

/** From Import IdP Metadata, Next to Test SSO Setup (read only once that step has loaded). */
export async function nextToTestStep(page: Page): Promise<void> {
  await enterpriseSettings(page).getByRole('button', { name: 'Next' }).click()
  await enterpriseSettings(page).getByRole('link', { name: 'Test SSO Connection' }).waitFor()
}

/**
 * Opens a test link (Test SSO Connection, Test SSO Update) in its new tab, goes through Entra's
 * sign-in as `account` as far as Entra asks, and closes the tab on the result heading. `look`
 * sees the tab before it closes.
 */
export async function runTestTab(
  context: BrowserContext,
  open: () => Promise<void>,
  account: { readonly login: string; readonly password: string },
  heading: TestHeading,
  look?: (tab: Page) => Promise<void>,
): Promise<void> {
  const [tab] = await Promise.all([context.waitForEvent('page'), open()])
  const result = tab.getByRole('heading', { name: heading })
  await signInAsNeeded(tab, account, result)
  if (look) await look(tab)
  await tab.close()
}

/**
 * On Test SSO Setup: Test SSO Connection as B.Simon in a new tab; once the wizard has polled the
 * success, "This test was successful. Enable Single Sign-On", Next, Save.
 */
export async function testAndEnable(page: Page, password: string): Promise<void> {
  const dialog = enterpriseSettings(page)
  await runTestTab(
    page.context(),
    () => dialog.getByRole('link', { name: 'Test SSO Connection' }).click(),
    { login: 'B.Simon@contoso.com', password },
    'Single Sign-on succeeded.',
  )
  await page.getByText('Last test: Single Sign-on succeeded.').waitFor()
  await chooseEnableAndSave(page)
}

/** Test SSO Setup: "This test was successful. Enable Single Sign-On", Next, then Save. */
export async function chooseEnableAndSave(page: Page): Promise<void> {
  const dialog = enterpriseSettings(page)
  await dialog.getByLabel(ENABLE_AFTER_TEST).check()
  await dialog.getByRole('button', { name: 'Next' }).click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await page.waitForLoadState()
}
