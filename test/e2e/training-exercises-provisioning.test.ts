import { trainingPanelModel } from '@sandbox/shared'
import type { Page } from 'playwright-core'
import type { RunningSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  assignBSimon,
  type ClickedExercise,
  checkPage as checkPageOf,
  openCiscoWebex as openCiscoWebexOf,
  runClickedExercise,
  startClickingClass,
} from '../support/clicked-exercises'

/**
 * The provisioning break-it exercises by clicking: applied with the Training page's button, the
 * symptom met on Entra's Cisco Webex > Provisioning page (Test Connection, or Provision on demand),
 * fixed on the screens the explanation names, and explained in the other console once the real
 * state shows the fix.
 */
let sandbox: RunningSandbox
let page: Page
let cls: Awaited<ReturnType<typeof startClickingClass>>

beforeAll(async () => {
  cls = await startClickingClass('training-exercises-provisioning.test.ts')
  ;({ sandbox, page } = cls)
})
afterAll(() => cls?.close())

const checkPage = (name: string) => checkPageOf(page, name)
const openCiscoWebex = (link: string) => openCiscoWebexOf(cls, link)

async function expectToast(text: string) {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor()
}

/** Test Connection with the saved Admin Credentials; answers the page's text. */
async function testSavedConnection(): Promise<string> {
  await openCiscoWebex('Provisioning')
  await page.getByRole('link', { name: 'Edit provisioning' }).click()
  await page.getByRole('button', { name: 'Test Connection' }).click()
  await expectToast('Testing connection to Cisco Webex')
  return (await page.locator('main').textContent()) ?? ''
}

/** B.Simon in Provision on demand; answers the page's text with the step cards. */
async function provisionOnDemand(): Promise<string> {
  await openCiscoWebex('Provisioning')
  await page.getByRole('link', { name: 'Provision on demand' }).click()
  await page.getByLabel('Search user').fill('Simon')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('radio', { name: /B\.Simon/ }).check()
  await page.getByRole('button', { name: 'Provision' }).click()
  await page.getByRole('region', { name: 'Import user' }).first().waitFor()
  return (await page.locator('main').textContent()) ?? ''
}

const CLICKED: readonly ClickedExercise[] = [
  {
    id: 'provisioning-wrong-token',
    from: 'entra',
    meet: async () => {
      const seen = await testSavedConnection()
      expect(seen).toContain('You appear to have entered invalid credentials.')
      await checkPage('entra-provisioning-credentials-rejected')
      return seen
    },
    fix: async () => {
      // Control Hub shows a token only when it is generated: a new one for the connector.
      await page.goto(`${sandbox.sp.url}/admin`)
      await page.getByRole('link', { name: 'Organization Settings' }).click()
      await page.getByLabel('Token name').fill('Entra provisioning connector')
      await page.getByRole('button', { name: 'Generate token' }).click()
      const issued = page
        .getByRole('status')
        .filter({ hasText: 'New token for Entra provisioning connector' })
      await issued.waitFor()
      const token = ((await issued.getByRole('code').textContent()) ?? '').trim()
      expect(token.length).toBeGreaterThanOrEqual(32)
      await openCiscoWebex('Provisioning')
      await page.getByRole('link', { name: 'Edit provisioning' }).click()
      await page.getByLabel('Secret Token').fill(token)
      await page.getByRole('button', { name: 'Test Connection' }).click()
      await expectToast('The supplied credentials are authorized to enable provisioning.')
      await checkPage('entra-provisioning-credentials-authorized')
      await page.getByRole('button', { name: 'Save' }).click()
      await expectToast('Provisioning saved')
    },
  },
  {
    id: 'provisioning-missing-matching-attribute',
    from: 'hub',
    meet: async () => {
      const seen = await provisionOnDemand()
      await checkPage('entra-provision-on-demand-import-skipped')
      return seen
    },
    fix: async () => {
      // The explanation's first fix: give B.Simon the Email the matching attribute is mapped from.
      await page.goto(`${sandbox.idp.url}/`)
      await page.getByRole('link', { name: 'All users', exact: true }).click()
      await page.getByRole('link', { name: 'B.Simon', exact: true }).click()
      await page.getByRole('link', { name: 'Edit properties' }).click()
      const pane = page.getByRole('dialog', { name: 'Edit properties' })
      await expect(pane.getByLabel('Email', { exact: true }).inputValue()).resolves.toBe('')
      await pane.getByLabel('Email', { exact: true }).fill('B.Simon@contoso.com')
      await pane.getByRole('button', { name: 'Save' }).click()
      await page.getByRole('status').filter({ hasText: 'Successfully updated user' }).first().waitFor()
    },
  },
  {
    id: 'provisioning-default-access-role',
    from: 'entra',
    meet: async () => {
      const seen = await provisionOnDemand()
      await checkPage('entra-provision-on-demand-default-access')
      return seen
    },
    fix: async () => {
      // An assignment's role is changed by assigning B.Simon again with the User role.
      await openCiscoWebex('Users and groups')
      await page.getByRole('button', { name: 'Remove B.Simon' }).click()
      await assignBSimon(cls, 'User')
      const row = page.getByRole('row').filter({ hasText: 'B.Simon' })
      await expect(row.textContent()).resolves.toContain('User')
      await checkPage('entra-users-and-groups-user-role')
    },
  },
]

describe('the provisioning exercises, in Chromium', () => {
  it('runs all three: button, symptom on Entra’s Provisioning page, fix by clicking, explanation in the other console', async () => {
    for (const exercise of CLICKED) await runClickedExercise(cls, exercise, exercise === CLICKED[0])
  }, 240_000)

  it('shows the provisioning part in the progress panel after the 7 steps, linking its next screen', async () => {
    await page.goto(`${sandbox.idp.url}/`)
    await page.getByRole('switch', { name: 'Training mode' }).click()
    const panel = page.getByRole('complementary', { name: 'Training progress' })
    const part = panel.getByRole('region', { name: /^Automatic user provisioning \(optional\)/ })
    await part.waitFor()
    // The same state, decided by the shared model, says which sub-steps are done after both fixes.
    const model = trainingPanelModel({
      state: await cls.classroom.state(),
      here: 'entra',
      peerUrl: sandbox.sp.url,
    })
    const items = part.getByRole('listitem')
    await expect(items.count()).resolves.toBe(5)
    for (const [index, sub] of model.provisioning.subSteps.entries())
      await expect(items.nth(index).textContent()).resolves.toContain(sub.title)
    expect(model.provisioning.subSteps.slice(0, 3).map((s) => s.status)).toEqual(['done', 'done', 'done'])
    await part.scrollIntoViewIfNeeded()
    await checkPage('entra-training-panel-provisioning')
    const next = model.provisioning.next
    if (!next) throw new Error('expected a provisioning sub-step still to do')
    await part.getByRole('link', { name: next.linkLabel }).click()
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(next.subStep.href)
  })
})
