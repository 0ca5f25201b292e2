import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, recordCspViolations } from '../support/browser'
import { type ClickingClass, signInAsBSimon } from '../support/clicked-exercises'
import { signInToAdminCenter } from '../support/console-sign-in'
import { signInToControlHub } from '../support/control-hub-sign-in'
import {
  chooseMetadataFile,
  enterpriseSettings,
  openImportStep,
  runTestTab,
} from '../support/control-hub-sso-wizard'
import { classroomOf } from '../support/exercise-fixes'
import { saveScreenshot, seriousAccessibilityViolations } from '../support/page-checks'
import { setUpTutorial } from '../support/tutorial-setup'

/**
 * A SAML signing certificate rollover done by clicking (screens.md A8 card 3 and A12): in the
 * admin center, SAML Certificates > Edit > New Certificate > Save leaves an Inactive row, the
 * row's "…" > Make certificate active swaps it in, and B.Simon is refused by Webex until the new
 * Federation Metadata XML is imported on Control Hub's Update SSO Certificate card.
 */
let browser: Browser
let sandbox: RunningSandbox
let page: Page
let hub: Page
let cls: ClickingClass
let password = ''

beforeAll(async () => {
  ;[browser, sandbox] = await Promise.all([launchChromium(), startSandboxServers({ log: () => {} })])
  // The tutorial up to single sign-on enabled on Webex (step 5) and B Simon made a Webex user
  // (step 6): B.Simon signs in before the rollover, so the refusal after it is the certificate's.
  password = (await setUpTutorial(sandbox, 6)).password
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
  page = await context.newPage()
  cls = { browser, sandbox, page, classroom: classroomOf(sandbox) }
  await signInToAdminCenter(page, sandbox, '/enterprise-apps')
  // Control Hub in a context without the Entra admin's session: its test tab signs in as B.Simon.
  hub = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  const admin = sandbox.sp.controlHubAdmin
  if (!admin) throw new Error('no Control Hub administrator')
  await signInToControlHub(hub, sandbox.sp.url, admin, '/admin/settings')
})
afterAll(async () => {
  await Promise.all([browser?.close(), sandbox?.close()])
})

async function looksRight(target: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(target)).toEqual([])
  await saveScreenshot(target, name)
}

const pane = () => page.getByRole('dialog', { name: 'SAML Signing Certificate' })
const certificates = () => pane().getByRole('table', { name: 'Token signing certificates' })
const tokenSigningCard = () => page.getByRole('region', { name: 'Token signing certificate' })
const notifications = () => page.getByRole('status', { name: 'Notifications' })

/** The toast is drawn, and not under the pane: no part of it lies inside the pane's box. */
async function toastBesidePane(title: string): Promise<void> {
  const toast = notifications().getByText(title, { exact: true })
  await toast.waitFor()
  const box = await notifications().boundingBox()
  const paneBox = await pane().boundingBox()
  if (!box || !paneBox) throw new Error('the toast or the pane is not drawn')
  expect(box.x + box.width, 'the toast ends left of the pane').toBeLessThanOrEqual(paneBox.x)
  expect(box.x, 'the toast starts inside the window').toBeGreaterThanOrEqual(0)
}

let oldThumbprint = ''
let newThumbprint = ''

describe('Entra admin center: SAML signing certificate rollover by clicking', () => {
  it('B.Simon signs in to Webex before the rollover', async () => {
    await expect(signInAsBSimon(cls, password)).resolves.toContain('Welcome, B Simon')
  })

  it('New Certificate with its Expiration Date, Save: the new row is Inactive', async () => {
    const csp = await recordCspViolations(page.context())
    await page.getByRole('link', { name: 'Cisco Webex' }).click()
    await page.getByRole('link', { name: 'Single sign-on', exact: true }).click()
    oldThumbprint =
      (await tokenSigningCard()
        .getByText(/^[0-9A-F]{40}$/)
        .textContent()) ?? ''
    expect(oldThumbprint).toMatch(/^[0-9A-F]{40}$/)
    await tokenSigningCard().getByRole('link', { name: 'Edit' }).click()
    await pane().waitFor()
    await expect(pane().getByRole('button', { name: 'Save' }).count()).resolves.toBe(1)
    await pane().getByRole('link', { name: 'New Certificate' }).click()
    const expiry = pane().getByLabel('Expiration Date')
    await expiry.waitFor()
    // Entra's default is three years out, also the latest; a year less is picked here.
    const latest = await expiry.inputValue()
    expect(await expiry.getAttribute('max')).toBe(latest)
    const picked = `${Number(latest.slice(0, 4)) - 1}${latest.slice(4)}`
    await expiry.fill(picked)
    await looksRight(page, 'certificate-rollover-1-new-row')
    await pane().getByRole('button', { name: 'Save' }).click()
    await toastBesidePane('New certificate created')
    const inactive = certificates().getByRole('row', { name: /Inactive/ })
    await expect(inactive.count()).resolves.toBe(1)
    await expect(inactive.textContent()).resolves.toContain(picked)
    newThumbprint = (await inactive.getByText(/^[0-9A-F]{40}$/).textContent()) ?? ''
    expect(newThumbprint).toMatch(/^[0-9A-F]{40}$/)
    expect(newThumbprint).not.toBe(oldThumbprint)
    await expect(
      certificates()
        .getByRole('row', { name: /Active/ })
        .first()
        .textContent(),
    ).resolves.toContain(oldThumbprint)
    await looksRight(page, 'certificate-rollover-2-saved-inactive')
    // Import Certificate shows the PFX file, its password and Add in the same pane.
    await pane().getByRole('link', { name: 'Import Certificate' }).click()
    await pane().getByLabel('PFX Password').waitFor()
    await expect(pane().getByLabel('Certificate', { exact: true }).count()).resolves.toBe(1)
    await expect(pane().getByRole('button', { name: 'Add' }).count()).resolves.toBe(1)
    await looksRight(page, 'certificate-rollover-2b-import')
    expect(csp.list).toEqual([])
  })

  it('"…" > Make certificate active: the Token signing certificate card shows the new Thumbprint', async () => {
    const inactive = certificates().getByRole('row', { name: /Inactive/ })
    const menuButton = inactive.getByRole('button', { name: `More options for certificate ${newThumbprint}` })
    const menu = pane().getByRole('menu', { name: `More options for certificate ${newThumbprint}` })
    // An unsaved edit in the pane outlives opening and closing a row's menu.
    const signingOption = pane().getByLabel('Signing Option')
    const saved = await signingOption.inputValue()
    await signingOption.selectOption('both')
    // By keyboard: Enter on "…" opens the menu on its first item; Escape closes the menu only.
    await menuButton.focus()
    await page.keyboard.press('Enter')
    await menu.waitFor()
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
      'Make certificate active',
    )
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'hidden' })
    await expect(pane().isVisible()).resolves.toBe(true)
    await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('false')
    await expect(signingOption.inputValue()).resolves.toBe('both')
    await signingOption.selectOption(saved)
    await menuButton.click()
    for (const download of [
      'Base64 certificate download',
      'PEM certificate download',
      'Raw certificate download',
      'Download federated certificate XML',
    ])
      await expect(menu.getByRole('menuitem', { name: download }).count(), download).resolves.toBe(1)
    await looksRight(page, 'certificate-rollover-3-row-menu')
    await menu.getByRole('menuitem', { name: 'Make certificate active' }).click()
    await toastBesidePane('Certificate made active')
    await expect(
      certificates()
        .getByRole('row', { name: new RegExp(`^Active .*${newThumbprint}`) })
        .count(),
    ).resolves.toBe(1)
    await expect(
      certificates()
        .getByRole('row', { name: new RegExp(`Inactive .*${oldThumbprint}`) })
        .count(),
    ).resolves.toBe(1)
    await looksRight(page, 'certificate-rollover-4-made-active')
    await pane().getByRole('link', { name: 'Close' }).click()
    await pane().waitFor({ state: 'detached' })
    await expect(tokenSigningCard().textContent()).resolves.toContain(newThumbprint)
    await expect(tokenSigningCard().textContent()).resolves.not.toContain(oldThumbprint)
  })

  it('B.Simon is refused by Webex: the new certificate is not in the imported metadata', async () => {
    const seen = await signInAsBSimon(cls, password)
    expect(seen).toContain('SSO_UNTRUSTED_SIGNING_CERTIFICATE')
  })

  it('the Federation Metadata XML carries the new certificate; Control Hub imports it and B.Simon signs in again', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Federation Metadata XML' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('Cisco Webex.xml')
    const xml = readFileSync(await download.path(), 'utf8')
    const inMetadata = [...xml.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)].map((m) => m[1] ?? '')
    expect(inMetadata.length).toBeGreaterThan(0)
    const thumbprints = inMetadata.map((b64) =>
      createHash('sha1')
        .update(Buffer.from(b64.replace(/\s+/g, ''), 'base64'))
        .digest('hex')
        .toUpperCase(),
    )
    expect(thumbprints).toContain(newThumbprint)

    await openImportStep(hub, sandbox.sp.url)
    await chooseMetadataFile(hub, { name: download.suggestedFilename(), xml })
    await enterpriseSettings(hub).getByText('Successfully imported IdP metadata file').first().waitFor()
    await hub.goto(`${sandbox.sp.url}/admin/settings`)
    const card = hub.getByRole('region', { name: 'Update SSO Certificate' })
    await card.getByText('New metadata imported').waitFor()
    await runTestTab(
      hub.context(),
      () => card.getByRole('link', { name: 'Test SSO Update' }).click(),
      { login: 'B.Simon@contoso.com', password },
      'Single Sign-on succeeded.',
    )
    await hub.reload()
    await card.getByRole('button', { name: 'Switch to new metadata' }).click()
    await hub.getByText('Successfully switched to the new SSO metadata.').first().waitFor()
    await looksRight(hub, 'certificate-rollover-5-switched')
    const again = await signInAsBSimon(cls, password)
    expect(again).toContain('Welcome, B Simon')
    // Webex's "What the IdP sent" names the certificate that signed: the new one.
    expect(again).toContain(`Thumbprint${newThumbprint}`)
  })
})
