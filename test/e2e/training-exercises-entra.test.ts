import type { Page } from 'playwright-core'
import type { RunningSandbox } from 'sso-rehearsal-sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ClickedExercise,
  checkPage as checkPageOf,
  openCiscoWebex as openCiscoWebexOf,
  runClickedExercise,
  startClickingClass,
  trainingPages,
} from '../support/clicked-exercises'
import type { Classroom } from '../support/exercise-fixes'

/**
 * The break-it exercises fixed in the Entra admin center, by clicking: the Identifier in Basic
 * SAML Configuration, B.Simon's Account enabled in Edit properties, and Entra's clock in the
 * Training page's Sandbox clock. Each is applied with its button, met as B.Simon meets it in a
 * browser of her own, fixed, and explained in the other console once the real state shows it.
 */
let sandbox: RunningSandbox
let page: Page
let classroom: Classroom
let cls: Awaited<ReturnType<typeof startClickingClass>>

beforeAll(async () => {
  cls = await startClickingClass('training-exercises-entra.test.ts')
  ;({ sandbox, page, classroom } = cls)
})
afterAll(() => cls?.close())

const checkPage = (name: string) => checkPageOf(page, name)
const openCiscoWebex = (link: string) => openCiscoWebexOf(cls, link)

/** Each exercise with the admin-center screen its explanation names, fixed by clicking. */
const CLICKED: readonly ClickedExercise[] = [
  {
    id: 'wrong-identifier',
    from: 'entra',
    fix: async () => {
      const webex = (await classroom.state()).webex
      const entityId = webex.up ? webex.snapshot.entityId : null
      if (!entityId) throw new Error("Webex's metadata has no entityID")
      await openCiscoWebex('Single sign-on')
      await page
        .getByRole('region', { name: 'Basic SAML Configuration' })
        .getByRole('link', { name: 'Edit' })
        .click()
      const pane = page.getByRole('dialog', { name: 'Basic SAML Configuration' })
      await pane.getByLabel('Identifier (Entity ID)', { exact: true }).fill(entityId)
      await pane.getByRole('button', { name: 'Save' }).click()
      await page.getByRole('status').filter({ hasText: 'Saved Basic SAML Configuration' }).first().waitFor()
      await page
        .getByRole('region', { name: 'Basic SAML Configuration' })
        .getByText(entityId)
        .first()
        .waitFor()
    },
  },
  {
    id: 'test-user-disabled',
    from: 'entra',
    fix: async () => {
      await page.goto(`${sandbox.idp.url}/`)
      await page.getByRole('link', { name: 'All users', exact: true }).click()
      await page.getByRole('link', { name: 'B.Simon', exact: true }).click()
      await page.getByRole('link', { name: 'Edit properties' }).click()
      const pane = page.getByRole('dialog', { name: 'Edit properties' })
      await expect(pane.getByLabel('Account enabled').isChecked()).resolves.toBe(false)
      // The Identity section starts with the User principal name and its Domain picker.
      await expect(pane.getByLabel('User principal name').inputValue()).resolves.toBe('B.Simon')
      await expect(pane.getByLabel('Domain').inputValue()).resolves.toBe('contoso.com')
      await checkPage('entra-user-edit-properties')
      await pane.getByLabel('Account enabled').check()
      await pane.getByRole('button', { name: 'Save' }).click()
      await page.getByRole('status').filter({ hasText: 'Successfully updated user' }).first().waitFor()
      const settings = page.getByRole('region', { name: 'Settings' })
      await expect(settings.textContent()).resolves.toMatch(/Account enabled\s*Yes/)
      await checkPage('entra-user-edit-properties-saved')
    },
  },
  {
    id: 'clock-skew',
    from: 'hub',
    fix: async () => {
      await trainingPages(cls).entra()
      const clock = page.getByRole('region', { name: 'Sandbox clock' })
      await expect(clock.getByLabel('Entra clock offset (seconds)').inputValue()).resolves.toBe('-7200')
      await clock.scrollIntoViewIfNeeded()
      await checkPage('entra-training-sandbox-clock')
      await clock.getByRole('button', { name: 'Use the real time' }).click()
      await page.getByRole('status').filter({ hasText: 'Sandbox clock set' }).first().waitFor()
      await expect(
        page
          .getByRole('region', { name: 'Sandbox clock' })
          .getByLabel('Entra clock offset (seconds)')
          .inputValue(),
      ).resolves.toBe('0')
    },
  },
]

describe('the exercises fixed in the Entra admin center, in Chromium', () => {
  it('refuses, in the Edit properties pane, to disable the last enabled Global Administrator', async () => {
    await page.goto(`${sandbox.idp.url}/users`)
    await page.getByRole('link', { name: 'Sandbox Admin', exact: true }).click()
    await page.getByRole('link', { name: 'Edit properties' }).click()
    const pane = page.getByRole('dialog', { name: 'Edit properties' })
    await pane.getByLabel('Account enabled').uncheck()
    await pane.getByRole('button', { name: 'Save' }).click()
    const refused = page.getByRole('dialog', { name: 'Edit properties' })
    await refused.getByRole('alert').filter({ hasText: 'last enabled Global Administrator' }).waitFor()
    await checkPage('entra-user-edit-properties-last-admin')
    await expect(refused.getByLabel('Account enabled').isChecked()).resolves.toBe(false)
  })

  it('runs the three exercises: button, symptom in B.Simon’s browser, fix by clicking, explanation', async () => {
    for (const exercise of CLICKED) await runClickedExercise(cls, exercise, exercise === CLICKED[0])
  }, 180_000)
})
