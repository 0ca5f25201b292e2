import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  createSpClient,
  type RunningSandbox,
  startSandboxServers as startSandbox,
} from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CspViolations, launchChromium, recordCspViolations } from '../support/browser'
import { signInAtMicrosoft, signInToAdminCenter } from '../support/console-sign-in'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'

let browser: Browser
let sandbox: RunningSandbox
let context: BrowserContext
let page: Page
let csp: CspViolations
let dir = ''
const domain = () => sandbox.idp.firstStart?.adminUserPrincipalName.split('@')[1] ?? 'contoso.com'
const SIMON_PASSWORD = 'Sandbox-Passw0rd!'

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox()])
  dir = await mkdtemp(join(tmpdir(), 'entra-journey-'))
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
  csp = await recordCspViolations(context)
  page = await context.newPage()
  await signInToAdminCenter(page, sandbox)
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

/** The page passes axe and is saved for people to look at. */
async function checkPage(name: string) {
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await saveScreenshot(page, name)
}

/** A toast (role status) with this text is shown. */
async function expectToast(text: string) {
  await expect(page.getByRole('status').filter({ hasText: text }).count()).resolves.toBe(1)
}

function sp() {
  return createSpClient({ baseUrl: sandbox.sp.url, token: sandbox.sp.adminApiToken })
}

describe('the Entra side of the Cisco Webex tutorial, by clicking in Chromium', () => {
  it('adds Cisco Webex from the gallery: Enterprise applications > New application, search, the tile, Create', async () => {
    // "Browse to Identity > Applications > Enterprise applications".
    await page.getByRole('link', { name: 'Enterprise applications', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Enterprise applications | All applications',
    )
    await checkPage('entra-all-applications')
    await page.getByRole('link', { name: 'New application' }).click()
    await page.getByRole('searchbox', { name: 'Search application' }).fill('Cisco Webex')
    await page.getByRole('searchbox', { name: 'Search application' }).press('Enter')
    await page
      .getByRole('link', { name: /Cisco Webex/ })
      .first()
      .click()
    const pane = page.getByRole('dialog', { name: 'Cisco Webex' })
    await expect(pane.getByLabel('Name').inputValue()).resolves.toBe('Cisco Webex')
    await checkPage('entra-gallery-add-pane')
    await pane.getByRole('button', { name: 'Create' }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Cisco Webex | Overview',
    )
    await expectToast('Successfully added application')
    await expect(page.getByText('Not done yet').count()).resolves.toBe(2)
    await checkPage('entra-app-overview')
  })

  it('selects SAML and uploads the SP metadata file: the Basic SAML Configuration pane opens filled, Sign on URL typed, Save', async () => {
    await page.getByRole('link', { name: 'Single sign-on', exact: true }).click()
    await checkPage('entra-select-sso-method')
    await page.getByRole('button', { name: 'SAML', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Cisco Webex | SAML-based Sign-on',
    )
    await checkPage('entra-saml-page')
    const metadata = await sp().spMetadataXml()
    const file = join(dir, 'idb-meta-SP.xml')
    await writeFile(file, metadata)
    await page.getByRole('link', { name: 'Upload metadata file' }).click()
    const upload = page.getByRole('dialog', { name: 'Upload metadata file' })
    await upload.getByLabel('Select a file').setInputFiles(file)
    await upload.getByRole('button', { name: 'Add' }).click()
    const basic = page.getByRole('dialog', { name: 'Basic SAML Configuration' })
    const entityId = /entityID="([^"]+)"/.exec(metadata)?.[1]
    await expect(basic.getByLabel('Identifier (Entity ID)', { exact: true }).inputValue()).resolves.toBe(
      entityId,
    )
    await expect(
      basic.getByLabel('Reply URL (Assertion Consumer Service URL)', { exact: true }).inputValue(),
    ).resolves.toMatch(/\/idb\/Consumer\/metaAlias\/.+\/sp$/)
    const org = await sp().organization()
    await basic.getByLabel('Sign on URL').fill(org.signOnUrl)
    await checkPage('entra-basic-saml-pane')
    await basic.getByRole('button', { name: 'Save' }).click()
    const card = page.getByRole('region', { name: 'Basic SAML Configuration' })
    await expect(card.textContent()).resolves.toContain(org.signOnUrl)
    await expectToast('Saved Basic SAML Configuration')
  })

  it('reviews the claims (uid = user.userprincipalname) and downloads the Federation Metadata XML named after the app', async () => {
    const claims = page.getByRole('region', { name: 'Attributes & Claims' })
    await expect(claims.textContent()).resolves.toMatch(/uid\s*user\.userprincipalname/)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Federation Metadata XML' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('Cisco Webex.xml')
    const xml = readFileSync(await download.path(), 'utf8')
    expect(xml).toContain(`https://sts.windows.net/${sandbox.idp.tenantId}/`)
    // The Webex half of the tutorial, by API: import the downloaded file, test as B.Simon, enable.
    await sp().importIdpMetadata(xml, 'ca-signed')
  })

  it('assigns B.Simon: Users and groups > Add user/group > None Selected > pick > Select > Assign', async () => {
    const created = await fetch(`${sandbox.idp.url}/v1.0/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.idp.graphApiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        accountEnabled: true,
        displayName: 'B.Simon',
        mailNickname: 'B.Simon',
        userPrincipalName: `B.Simon@${domain()}`,
        passwordProfile: { password: SIMON_PASSWORD, forceChangePasswordNextSignIn: false },
      }),
    })
    expect(created.status).toBe(201)
    await page.getByRole('link', { name: 'Users and groups', exact: true }).click()
    await expect(page.getByText('No application assignments found').isVisible()).resolves.toBe(true)
    await checkPage('entra-users-and-groups-empty')
    await page.getByRole('link', { name: 'Add user/group' }).click()
    await expect(page.getByRole('button', { name: 'Assign' }).isDisabled()).resolves.toBe(true)
    await page.getByRole('link', { name: 'None Selected' }).click()
    const picker = page.getByRole('dialog', { name: 'Users and groups' })
    await picker.getByRole('searchbox', { name: 'Search' }).fill('B.Simon')
    await picker.getByRole('searchbox', { name: 'Search' }).press('Enter')
    await page.getByRole('dialog', { name: 'Users and groups' }).getByLabel('B.Simon').check()
    await checkPage('entra-add-assignment-picker')
    await page
      .getByRole('dialog', { name: 'Users and groups' })
      .getByRole('button', { name: 'Select' })
      .click()
    await expect(page.getByRole('link', { name: '1 user selected' }).isVisible()).resolves.toBe(true)
    await checkPage('entra-add-assignment')
    await page.getByRole('button', { name: 'Assign' }).click()
    await expectToast('Application assignment succeeded')
    await expect(page.getByRole('cell', { name: 'B.Simon', exact: true }).isVisible()).resolves.toBe(true)
    await checkPage('entra-users-and-groups')
  })

  it('tests the application: the test pane signs in as the current admin, and Resolving errors names the field to fix', async () => {
    // B.Simon signs in to Webex in her own browser: the SP's Test SSO Connection passes, SSO is enabled.
    const test = await sp().startTest()
    const simon = await browser.newContext()
    const simonPage = await simon.newPage()
    await simonPage.goto(test.url)
    await signInAtMicrosoft(simonPage, { login: `B.Simon@${domain()}`, password: SIMON_PASSWORD })
    await simonPage.waitForLoadState()
    await expect(sp().testResult()).resolves.toMatchObject({ status: 'passed' })
    await simon.close()
    await sp().enable()

    await page.getByRole('link', { name: 'Single sign-on', exact: true }).click()
    await page
      .getByRole('button', { name: 'Test', exact: true })
      .or(page.getByRole('link', { name: 'Test', exact: true }))
      .click()
    const pane = page.getByRole('dialog', { name: 'Test single sign-on with Cisco Webex' })
    await expect(pane.getByLabel('Sign in as current user').isChecked()).resolves.toBe(true)
    await expect(pane.getByLabel('Sign in as someone else').isDisabled()).resolves.toBe(true)
    await checkPage('entra-test-pane')
    await pane.getByRole('link', { name: 'Test sign in' }).click()
    // The admin is not assigned: Entra refuses with AADSTS50105 on its error page.
    await expect(page.locator('body').textContent()).resolves.toContain('AADSTS50105')
    await page.goto(`${new URL(page.url()).origin}/enterprise-apps`)
    await page.getByRole('link', { name: 'Cisco Webex' }).click()
    await page.getByRole('link', { name: 'Single sign-on', exact: true }).click()
    await page.getByRole('link', { name: 'Test this application' }).click()
    const again = page.getByRole('dialog', { name: 'Test single sign-on with Cisco Webex' })
    const box = again.getByRole('region', { name: /Last failed sign-in/ })
    await expect(box.textContent()).resolves.toContain('AADSTS50105')
    await expect(box.textContent()).resolves.toContain('Users and groups')
    await checkPage('entra-test-pane-resolving-errors')
    await page.goto(`${new URL(page.url()).origin}/enterprise-apps`)
    await page.getByRole('link', { name: 'Cisco Webex' }).click()
    await expect(page.getByText('Done', { exact: true }).count()).resolves.toBe(2)
    await page.getByRole('link', { name: 'Sign-in logs', exact: true }).last().click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Cisco Webex | Sign-in logs',
    )
    await expect(page.locator('#console-main').textContent()).resolves.toContain('50105')
    await checkPage('entra-app-sign-in-logs')
    expect(csp.list).toEqual([])
  })
})
