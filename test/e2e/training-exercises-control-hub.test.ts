import { readFileSync } from 'node:fs'
import { findTrainingExercise } from '@sandbox/shared'
import type { Browser, Page } from 'playwright-core'
import type { RunningSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ClickedExercise,
  checkPage,
  openCiscoWebex as openCiscoWebexOf,
  runClickedExercise,
  signInAsBSimon,
  startClickingClass,
} from '../support/clicked-exercises'
import { signInToControlHub } from '../support/control-hub-sign-in'
import {
  CA_SIGNED,
  chooseEnableAndSave,
  chooseMetadataFile,
  ENABLE_AFTER_TEST,
  enterpriseSettings,
  type MetadataFile,
  nextToTestStep,
  openImportStep,
  runTestTab,
  SELF_SIGNED_ALLOWED,
  testAndEnable,
} from '../support/control-hub-sso-wizard'

/**
 * The exercises whose symptom or fix is in Control Hub, by clicking: applied with the Training
 * page's button, met and fixed in Control Hub (and Entra where the fix starts there), explained
 * in the other console. The trainer's page is signed in to both consoles; the Control Hub work
 * runs in a browser of its own with no Entra session, so the wizard's test tab signs B.Simon in
 * the way a private window does, and the trainer's Entra session stays the admin's.
 */
let browser: Browser
let sandbox: RunningSandbox
let page: Page
let cls: Awaited<ReturnType<typeof startClickingClass>>
let hub: Page

beforeAll(async () => {
  cls = await startClickingClass('training-exercises-control-hub.test.ts')
  ;({ browser, sandbox, page } = cls)
  const admin = sandbox.sp.controlHubAdmin
  if (!admin) throw new Error('no Control Hub administrator')
  hub = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await signInToControlHub(hub, sandbox.sp.url, admin, '/admin/settings')
})
afterAll(() => cls?.close())

const spUrl = () => sandbox.sp.url
const dialog = () => enterpriseSettings(hub)

/** Entra > Cisco Webex > Single sign-on > Download Federation Metadata XML, on the trainer's page. */
async function downloadEntraMetadata(): Promise<MetadataFile> {
  await openCiscoWebexOf(cls, 'Single sign-on')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download Federation Metadata XML' }).click(),
  ])
  return { name: download.suggestedFilename(), xml: readFileSync(await download.path(), 'utf8') }
}

/**
 * Tries to enable single sign-on without a passing test: Modify > Advanced > Next > Next > Next,
 * "This test was successful. Enable Single Sign-On", Next, Save; answers the wizard's refusal.
 */
async function tryToEnable(): Promise<string> {
  await openImportStep(hub, spUrl())
  await nextToTestStep(hub)
  await chooseEnableAndSave(hub)
  await hub.getByText('Failed to enable Single Sign-On (SSO).').first().waitFor()
  await expect(hub.locator('#sso-status').textContent()).resolves.toBe('Disabled')
  return (await dialog().textContent()) ?? ''
}

/** Modify > … > Test SSO Connection as B.Simon, then enable and Save. */
async function testThenEnable(password: string): Promise<void> {
  await openImportStep(hub, spUrl())
  await nextToTestStep(hub)
  await testAndEnable(hub, password)
  await hub.getByText('Single Sign-On (SSO) successfully enabled for all users').first().waitFor()
  await expect(hub.locator('#sso-status').textContent()).resolves.toBe('Enabled')
}

/** The password the exercise handed out, kept for the fixes that run a test as B.Simon. */
let handedOut = ''
const keepingPassword = (meet: (password: string) => Promise<string>) => (password: string) => {
  handedOut = password
  return meet(password)
}

let entraMetadata: MetadataFile = { name: '', xml: '' }

/** An exercise with the words of the screens its fix clicks, which its explanation must name. */
interface HubExercise extends ClickedExercise {
  readonly fixScreenNames: readonly string[]
}

const CLICKED: readonly HubExercise[] = [
  {
    id: 'sso-enabled-without-test',
    fixScreenNames: ['Control Hub > Authentication > Modify', 'Test SSO Connection'],
    from: 'hub',
    meet: keepingPassword(async () => {
      const seen = await tryToEnable()
      await checkPage(hub, 'control-hub-exercise-sso-test-required')
      return seen
    }),
    fix: () => testThenEnable(handedOut),
  },
  {
    id: 'sso-enabled-test-unsuccessful',
    fixScreenNames: ['Control Hub > Authentication > Modify', 'Test SSO Connection'],
    from: 'entra',
    meet: keepingPassword(async () => {
      const seen = await tryToEnable()
      expect(seen).toContain('The last Test SSO Connection failed')
      return seen
    }),
    fix: () => testThenEnable(handedOut),
  },
  {
    id: 'self-signed-idp-certificate',
    fixScreenNames: ['Control Hub > Authentication > Modify', SELF_SIGNED_ALLOWED],
    from: 'hub',
    meet: async () => {
      entraMetadata = await downloadEntraMetadata()
      await openImportStep(hub, spUrl())
      await chooseMetadataFile(hub, entraMetadata, CA_SIGNED)
      await dialog().getByText('Failed to import IdP Metadata File').first().waitFor()
      await checkPage(hub, 'control-hub-exercise-cert-self-signed')
      return (await dialog().textContent()) ?? ''
    },
    fix: async () => {
      await dialog().getByRole('button', { name: 'Try Again' }).click()
      await hub.waitForURL(/confirm=replace/)
      await chooseMetadataFile(hub, entraMetadata, SELF_SIGNED_ALLOWED)
      await dialog().getByText('Successfully imported IdP metadata file').first().waitFor()
    },
  },
  {
    id: 'certificate-rollover-not-reimported',
    fixScreenNames: [
      'Single sign-on',
      'Federation Metadata XML',
      'Control Hub > Authentication > Modify',
      'Update SSO Certificate',
      'Test SSO Update',
      'Switch to new metadata',
    ],
    from: 'entra',
    meet: keepingPassword((password) => signInAsBSimon(cls, password)),
    fix: async () => {
      const metadata = await downloadEntraMetadata()
      await openImportStep(hub, spUrl())
      await chooseMetadataFile(hub, metadata)
      await dialog().getByText('Successfully imported IdP metadata file').first().waitFor()
      await hub.goto(`${spUrl()}/admin/settings`)
      const card = hub.getByRole('region', { name: 'Update SSO Certificate' })
      await card.getByText('New metadata imported').waitFor()
      await runTestTab(
        hub.context(),
        () => card.getByRole('link', { name: 'Test SSO Update' }).click(),
        { login: 'B.Simon@contoso.com', password: handedOut },
        'Single Sign-on succeeded.',
      )
      await hub.reload()
      await card.getByText('Test passed: single sign-on with the new metadata works.').waitFor()
      await card.getByRole('button', { name: 'Switch to new metadata' }).click()
      await hub.getByText('Successfully switched to the new SSO metadata.').first().waitFor()
    },
  },
  {
    id: 'webex-email-domain-alias',
    fixScreenNames: ['Control Hub > Users', 'b.simon@contoso.com'],
    from: 'hub',
    fix: async () => {
      await hub.goto(`${spUrl()}/admin`)
      await hub.getByRole('link', { name: 'Users' }).click()
      await hub.getByRole('searchbox', { name: 'Search for a user' }).fill('b.simon')
      await hub.getByRole('searchbox', { name: 'Search for a user' }).press('Enter')
      await hub.getByRole('link', { name: 'B Simon', exact: true }).click()
      const email = hub.getByRole('textbox', { name: 'Email address' })
      await expect(email.inputValue()).resolves.toBe('b.simon@contoso.onmicrosoft.com')
      await checkPage(hub, 'control-hub-user-email')
      await email.fill('b.simon@contoso.com')
      await hub.getByRole('button', { name: 'Save' }).click()
      await hub.getByText('User saved.').first().waitFor()
      await expect(email.inputValue()).resolves.toBe('b.simon@contoso.com')
    },
  },
]

describe('the Control Hub exercises in Chromium', () => {
  it("names in each explanation's fix the screens and controls the fix clicks (letter case aside)", () => {
    for (const { id, fixScreenNames } of CLICKED) {
      const fixScreen = findTrainingExercise(id)?.explanation.fixScreen.toLowerCase() ?? ''
      for (const name of fixScreenNames) expect(fixScreen, id).toContain(name.toLowerCase())
    }
    // Where to look for SSO_TEST_REQUIRED names the radio the symptom is met with.
    for (const id of ['sso-enabled-without-test', 'sso-enabled-test-unsuccessful'])
      expect(findTrainingExercise(id)?.whereToLook, id).toContain(ENABLE_AFTER_TEST)
  })

  it('does five exercises by clicking: button, symptom in Control Hub or the browser, fix in Control Hub, explanation', async () => {
    for (const exercise of CLICKED) await runClickedExercise(cls, exercise, exercise === CLICKED[0])
  }, 300_000)
})
