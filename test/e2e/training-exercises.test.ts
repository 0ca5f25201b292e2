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
  trainingPages,
} from '../support/clicked-exercises'
import type { Classroom } from '../support/exercise-fixes'

/**
 * The Training pages by clicking: reset the class to just before step 5, then break-it exercises
 * one after another, each applied with its button, met as the learner meets it (B.Simon signing
 * in to Webex in a browser of her own), fixed on the console screen its explanation names, and
 * explained once the real state shows it fixed.
 */
let sandbox: RunningSandbox
let page: Page
let classroom: Classroom
let cls: Awaited<ReturnType<typeof startClickingClass>>

beforeAll(async () => {
  cls = await startClickingClass('training-exercises.test.ts')
  ;({ sandbox, page, classroom } = cls)
})
afterAll(() => cls?.close())

const checkPage = (name: string) => checkPageOf(page, name)
const openCiscoWebex = (link: string) => openCiscoWebexOf(cls, link)
/** A fix is saved once its toast shows: leaving the page earlier could cut its Save short. */
const savedToast = (title: string) => page.getByRole('status').filter({ hasText: title }).first().waitFor()

/** Each exercise with the console screen its explanation names, fixed by clicking. */
const CLICKED: readonly ClickedExercise[] = [
  {
    id: 'user-not-assigned',
    from: 'hub',
    fix: async () => {
      await assignBSimon(cls)
      await page.getByRole('cell', { name: 'B.Simon', exact: true }).waitFor()
    },
  },
  {
    id: 'reply-url-mismatch',
    from: 'entra',
    fix: async () => {
      const webex = (await classroom.state()).webex
      const acs = webex.up ? webex.snapshot.acsUrl : null
      if (!acs) throw new Error('Webex has no ACS URL')
      await openCiscoWebex('Single sign-on')
      await page
        .getByRole('region', { name: 'Basic SAML Configuration' })
        .getByRole('link', { name: 'Edit' })
        .click()
      const pane = page.getByRole('dialog', { name: 'Basic SAML Configuration' })
      await pane.getByLabel('Reply URL (Assertion Consumer Service URL)', { exact: true }).fill(acs)
      await pane.getByRole('button', { name: 'Save' }).click()
      await savedToast('Saved Basic SAML Configuration')
      await page.getByRole('region', { name: 'Basic SAML Configuration' }).getByText(acs).first().waitFor()
    },
  },
  {
    id: 'uid-mismatch',
    from: 'hub',
    fix: async () => {
      await openCiscoWebex('Single sign-on')
      await page
        .getByRole('region', { name: 'Attributes & Claims' })
        .getByRole('link', { name: 'Edit' })
        .click()
      await page.getByRole('link', { name: /^Edit uid/ }).click()
      const pane = page.getByRole('dialog', { name: 'Manage claim' })
      await pane.getByLabel('Source attribute').selectOption('user.userprincipalname')
      await pane.getByRole('button', { name: 'Save' }).click()
      // The Required claim's row already names user.userprincipalname: only the toast says Save is done.
      await savedToast('Claim saved')
    },
  },
  {
    id: 'signing-response-only',
    from: 'entra',
    fix: async () => {
      await openCiscoWebex('Single sign-on')
      await page
        .getByRole('region', { name: 'Token signing certificate' })
        .getByRole('link', { name: 'Edit' })
        .click()
      const pane = page.getByRole('dialog', { name: 'SAML Signing Certificate' })
      await pane.getByLabel('Signing Option').selectOption('assertion')
      await pane.getByRole('button', { name: 'Save' }).click()
      await savedToast('Saved SAML Signing Certificate')
    },
  },
  {
    id: 'webex-user-missing',
    from: 'hub',
    fix: async () => {
      await page.goto(`${sandbox.sp.url}/admin`)
      await page.getByRole('link', { name: 'Users' }).click()
      await page.getByRole('button', { name: 'Manage Users' }).click()
      await page.getByRole('button', { name: 'Manually Add or Modify Users' }).click()
      await page.getByRole('radio', { name: 'Names and Email address', exact: true }).check()
      await page.getByLabel('First Name').fill('B')
      await page.getByLabel('Last Name').fill('Simon')
      await page.getByRole('textbox', { name: 'Email address', exact: true }).fill('b.simon@contoso.com')
      // Each step is a page of the dialog: wait for it before the next click, or a click can
      // land on the step before while the next one loads.
      await page.getByRole('button', { name: 'Add', exact: true }).click()
      await page.getByText('B Simon <b.simon@contoso.com>').first().waitFor()
      await page.getByRole('button', { name: 'Next', exact: true }).click()
      await page.getByRole('dialog', { name: 'Add Services for Users' }).first().waitFor()
      await page.getByRole('button', { name: 'Add Users' }).click()
      await page.getByText('1 user added.').first().waitFor()
      await page.getByRole('button', { name: 'Finish' }).click()
      await page.getByRole('cell', { name: 'b.simon@contoso.com' }).first().waitFor()
    },
  },
]

describe('the Training pages in Chromium', () => {
  it('resets the class to just before step 5 from the admin center, after a confirmation that says what is lost', async () => {
    await trainingPages(cls).entra()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Training')
    await checkPage('entra-training')
    await page.getByLabel('Reset to').selectOption('5')
    await page.getByRole('button', { name: 'Reset…' }).click()
    await expect(
      page
        .getByRole('heading', { name: /Reset the class to just before step 5 \(Configure SSO on Webex/ })
        .count(),
    ).resolves.toBe(1)
    await expect(page.getByText('This will be lost').count()).resolves.toBe(1)
    await checkPage('entra-training-reset-confirm')
    await page.getByRole('button', { name: 'Reset the class' }).click()
    await page.getByRole('status').filter({ hasText: 'The class was reset' }).first().waitFor()
    const steps = (await classroom.state()).steps.map((s) => s.done)
    expect(steps.slice(0, 5)).toEqual([true, true, true, true, false])
  })

  it('works the keyboard: Tab reaches "Reset to" and Enter on "Reset…" opens the confirmation', async () => {
    await trainingPages(cls).hub()
    await checkPage('control-hub-training')
    await page.getByLabel('Reset to').focus()
    await page.keyboard.press('Tab')
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Reset…')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Reset the class to the start?' }).waitFor()
    await checkPage('control-hub-training-reset-confirm')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.waitForURL(`${sandbox.sp.url}/admin/training`)
  })

  it('runs five exercises one after another: button, symptom in the browser, fix by clicking, explanation', async () => {
    for (const exercise of CLICKED) await runClickedExercise(cls, exercise, exercise === CLICKED[0])
  }, 180_000)
})
