import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers as startSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { signInToAdminCenter } from '../support/console-sign-in'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'

let browser: Browser
let sandbox: RunningSandbox
let page: Page
let dir = ''
let samlHref = ''

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandbox()])
  dir = await mkdtemp(join(tmpdir(), 'entra-errors-'))
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await signInToAdminCenter(page, sandbox, '/enterprise-apps/gallery?search=Cisco%20Webex')
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

async function checkPage(name: string) {
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await saveScreenshot(page, name)
}

async function addWebexFromTile() {
  await page.goto(`${sandbox.idp.url}/enterprise-apps/gallery?search=Cisco%20Webex`)
  await page
    .getByRole('link', { name: /Cisco Webex/ })
    .first()
    .click()
  await page.getByRole('dialog', { name: 'Cisco Webex' }).getByRole('button', { name: 'Create' }).click()
}

describe('the admin center refuses bad input with the rule it broke, in Chromium', () => {
  it('refuses a second Cisco Webex with the note about its fixed Identifier', async () => {
    await addWebexFromTile()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Cisco Webex | Overview',
    )
    await page.getByRole('link', { name: 'Single sign-on', exact: true }).click()
    await page.getByRole('button', { name: 'SAML', exact: true }).click()
    samlHref = page.url()
    await addWebexFromTile()
    const pane = page.getByRole('dialog', { name: 'Cisco Webex' })
    await expect(pane.textContent()).resolves.toContain(
      'Identifier of this application is a fixed string value so only one instance can be configured in one tenant.',
    )
    await checkPage('entra-error-duplicate-webex')
  })

  it('refuses a bad metadata file and an http Reply URL, naming the rule under the field', async () => {
    const bad = join(dir, 'not-metadata.xml')
    await writeFile(bad, '<html>this is not SAML metadata</html>')
    await page.goto(samlHref)
    await page.getByRole('link', { name: 'Upload metadata file' }).click()
    const upload = page.getByRole('dialog', { name: 'Upload metadata file' })
    await upload.getByLabel('Select a file').setInputFiles(bad)
    await upload.getByRole('button', { name: 'Add' }).click()
    await expect(page.getByRole('dialog', { name: 'Upload metadata file' }).textContent()).resolves.toContain(
      'The metadata file is invalid.',
    )
    await checkPage('entra-error-bad-metadata')
    await page.goto(samlHref)
    await page
      .getByRole('region', { name: 'Basic SAML Configuration' })
      .getByRole('link', { name: 'Edit' })
      .click()
    const basic = page.getByRole('dialog', { name: 'Basic SAML Configuration' })
    await basic
      .getByLabel('Identifier (Entity ID)', { exact: true })
      .fill('https://idbroker.webex.com/abc-123')
    const reply = basic.getByLabel('Reply URL (Assertion Consumer Service URL)', { exact: true })
    await reply.fill('http://idbroker.webex.com/idb/Consumer/metaAlias/abc-123/sp')
    await basic.getByRole('button', { name: 'Save' }).click()
    const again = page.getByRole('dialog', { name: 'Basic SAML Configuration' })
    const field = again.getByLabel('Reply URL (Assertion Consumer Service URL)', { exact: true })
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(again.textContent()).resolves.toMatch(/https/)
    await checkPage('entra-error-reply-url')
    await again.getByLabel('Identifier (Entity ID)', { exact: true }).fill('https://example.com/not-webex')
    await again
      .getByLabel('Reply URL (Assertion Consumer Service URL)', { exact: true })
      .fill('https://idbroker.webex.com/idb/Consumer/metaAlias/abc-123/sp')
    await again.getByRole('button', { name: 'Save' }).click()
    await expect(
      page.getByRole('dialog', { name: 'Basic SAML Configuration' }).textContent(),
    ).resolves.toContain('https://idbroker.webex.com/<OrgId>')
  })

  it('adds, edits and deletes a claim with a transformation in Attributes & Claims', async () => {
    await page.goto(samlHref)
    await page
      .getByRole('region', { name: 'Attributes & Claims' })
      .getByRole('link', { name: 'Edit' })
      .click()
    await expect(page.getByRole('cell', { name: 'uid', exact: true }).isVisible()).resolves.toBe(true)
    await page.getByRole('link', { name: 'Add new claim' }).click()
    let pane = page.getByRole('dialog', { name: 'Manage claim' })
    await pane.getByLabel('Name', { exact: true }).fill('department')
    await pane.getByLabel('Transformation', { exact: true }).first().check()
    await pane.getByLabel('Source attribute').selectOption('user.mail')
    await pane.getByRole('combobox', { name: 'Transformation' }).selectOption('ExtractMailPrefix')
    await checkPage('entra-manage-claim-pane')
    await pane.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('cell', { name: 'ExtractMailPrefix(user.mail)' }).isVisible()).resolves.toBe(
      true,
    )
    await checkPage('entra-attributes-and-claims')
    await page.getByRole('link', { name: 'Edit department' }).click()
    pane = page.getByRole('dialog', { name: 'Manage claim' })
    await pane.getByRole('combobox', { name: 'Transformation' }).selectOption('ToLowercase')
    await pane.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('cell', { name: 'ToLowercase(user.mail)' }).isVisible()).resolves.toBe(true)
    await page.getByRole('button', { name: 'Delete department' }).click()
    await expect(page.getByRole('cell', { name: 'department', exact: true }).count()).resolves.toBe(0)
  })

  it('creates a non-gallery app from Create your own application', async () => {
    await page.goto(`${sandbox.idp.url}/enterprise-apps/gallery`)
    await page.getByRole('link', { name: 'Create your own application' }).click()
    const pane = page.getByRole('dialog', { name: 'Create your own application' })
    await pane.getByLabel("What's the name of your app?").fill('Contoso Wiki')
    await expect(
      pane
        .getByLabel("Integrate any other application you don't find in the gallery (Non-gallery)")
        .isChecked(),
    ).resolves.toBe(true)
    await checkPage('entra-create-own-app')
    await pane.getByRole('button', { name: 'Create' }).click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Contoso Wiki | Overview',
    )
  })
})
