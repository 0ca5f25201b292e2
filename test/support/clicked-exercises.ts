// Break-it exercises done by clicking in Chromium: the Training page's button, the symptom met in
// a browser of B.Simon's own, the fix on the screen the explanation names, and the explanation
// read in the other console. Each e2e file gives only its exercises' fixes.
import { findTrainingExercise } from '@sandbox/shared'
import type { Browser, Locator, Page } from 'playwright-core'
import { type RunningSandbox, startSandboxServers } from 'sso-rehearsal-sandbox'
import { expect } from 'vitest'
import { launchChromium } from './browser'
import { signInToAdminCenter } from './console-sign-in'
import { signInToControlHub } from './control-hub-sign-in'
import { type Classroom, classroomOf } from './exercise-fixes'
import { saveScreenshot, seriousAccessibilityViolations } from './page-checks'

export interface ClickingClass {
  readonly browser: Browser
  readonly sandbox: RunningSandbox
  /** The trainer's page, signed in to both consoles. */
  readonly page: Page
  readonly classroom: Classroom
}

/**
 * A sandbox and Chromium for one e2e file, the trainer's page signed in to both consoles' Training
 * pages (downloads accepted, for metadata files). `close` ends both and prints the file's
 * duration for the report (the budget of such a file is about two minutes).
 */
export async function startClickingClass(file: string): Promise<ClickingClass & { close(): Promise<void> }> {
  const started = performance.now()
  const [browser, sandbox] = await Promise.all([launchChromium(), startSandboxServers({ log: () => {} })])
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
  const page = await context.newPage()
  const hub = sandbox.sp.controlHubAdmin
  if (!hub) throw new Error('no Control Hub administrator')
  await signInToAdminCenter(page, sandbox, '/training')
  await signInToControlHub(page, sandbox.sp.url, hub, '/admin/training')
  return {
    browser,
    sandbox,
    page,
    classroom: classroomOf(sandbox),
    async close() {
      console.info(`${file} took ${Math.round((performance.now() - started) / 1000)} s`)
      await Promise.all([browser.close(), sandbox.close()])
    },
  }
}

/** One exercise: which console's Training page applies it, and its fix by clicking. */
export interface ClickedExercise {
  readonly id: string
  readonly from: 'entra' | 'hub'
  /** How the learner meets the symptom; a sign-in as B.Simon unless given. */
  readonly meet?: (password: string) => Promise<string>
  readonly fix: () => Promise<void>
}

export async function checkPage(page: Page, name: string) {
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await saveScreenshot(page, name)
}

export function trainingPages({ page, sandbox }: ClickingClass) {
  return {
    entra: () => page.goto(`${sandbox.idp.url}/training`),
    hub: () => page.goto(`${sandbox.sp.url}/admin/training`),
  }
}

/** B.Simon signs in to Webex in her own browser; answers the text of the page she ends on. */
export async function signInAsBSimon(
  { browser, classroom }: ClickingClass,
  password: string,
): Promise<string> {
  const own = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const simon = await own.newPage()
    await simon.goto((await classroom.sp.organization()).signOnUrl)
    // Some mistakes (a Reply URL or Identifier Entra does not know) stop before the sign-in form.
    if ((await simon.getByLabel('Email, phone, or Skype').count()) === 0)
      return (await simon.locator('body').textContent()) ?? ''
    await simon.getByLabel('Email, phone, or Skype').fill('B.Simon@contoso.com')
    await simon.getByRole('button', { name: 'Next' }).click()
    await simon.waitForLoadState()
    const passwordField = simon.getByLabel(/^Enter the password for /)
    if ((await passwordField.count()) === 0) return (await simon.locator('body').textContent()) ?? ''
    await passwordField.fill(password)
    await simon.getByRole('button', { name: 'Sign in' }).click()
    await simon.waitForLoadState()
    // A refused password or account stays on the sign-in pages; a proved one is asked this first.
    if ((await simon.getByRole('heading', { name: 'Stay signed in?' }).count()) > 0) {
      await simon.getByRole('button', { name: 'No' }).click()
      await simon.waitForLoadState()
    }
    return (await simon.locator('body').textContent()) ?? ''
  } finally {
    await own.close()
  }
}

/** Opens one of the Cisco Webex app's pages in the admin center from Enterprise applications. */
export async function openCiscoWebex({ page, sandbox }: ClickingClass, link: string) {
  await page.goto(`${sandbox.idp.url}/enterprise-apps`)
  await page.getByRole('link', { name: 'Cisco Webex' }).click()
  await page.getByRole('link', { name: link, exact: true }).click()
}

/**
 * Cisco Webex > Users and groups > Add user/group: picks B.Simon, with `role` when given (the
 * gallery app's default otherwise), and assigns her.
 */
export async function assignBSimon(cls: ClickingClass, role?: string) {
  const { page } = cls
  await openCiscoWebex(cls, 'Users and groups')
  await page.getByRole('link', { name: 'Add user/group' }).click()
  await page.getByRole('link', { name: 'None Selected' }).click()
  const picker = page.getByRole('dialog', { name: 'Users and groups' })
  await picker.getByRole('searchbox', { name: 'Search' }).fill('B.Simon')
  await picker.getByRole('searchbox', { name: 'Search' }).press('Enter')
  await page.getByRole('dialog', { name: 'Users and groups' }).getByLabel('B.Simon').check()
  await page.getByRole('dialog', { name: 'Users and groups' }).getByRole('button', { name: 'Select' }).click()
  if (role) await page.getByLabel('Select a role').selectOption({ label: role })
  await page.getByRole('button', { name: 'Assign' }).click()
}

/**
 * Applies the exercise with its button, checks the symptom is shown and the explanation is not,
 * meets the symptom, fixes it, and reads the explanation in the other console. `screenshots`
 * saves the applied and explained pages under the exercise's name.
 */
export async function runClickedExercise(
  cls: ClickingClass,
  { id, from, meet, fix }: ClickedExercise,
  screenshots = false,
) {
  const exercise = findTrainingExercise(id)
  if (!exercise) throw new Error(`no exercise ${id}`)
  const { page } = cls
  const training = trainingPages(cls)
  await (from === 'entra' ? training.entra() : training.hub())
  await page.getByRole('button', { name: exercise.title, exact: true }).click()
  const summary = page.getByRole('region', { name: `Active exercise: ${exercise.title}` })
  await appliedOrWhyNot(page, id, summary)
  await expect(summary.textContent(), id).resolves.toContain(exercise.whereToLook)
  await expect(summary.getByText('Not fixed yet').first().isVisible()).resolves.toBe(true)
  await expect(summary.textContent()).resolves.not.toContain(exercise.explanation.whyThisError)
  const password = (await summary.locator('code').last().textContent()) ?? ''
  const applying = from === 'entra' ? 'entra' : 'control-hub'
  const explaining = from === 'entra' ? 'control-hub' : 'entra'
  if (screenshots) await checkPage(page, `${applying}-training-exercise-applied`)
  const seen = await (meet ? meet(password) : signInAsBSimon(cls, password))
  expect(seen, id).toContain(exercise.symptom.shows)
  await fix()
  await (from === 'entra' ? training.hub() : training.entra())
  const explained = page.getByRole('region', { name: `Active exercise: ${exercise.title}` })
  await expect(explained.textContent(), id).resolves.toContain(exercise.explanation.whyThisError)
  await expect(explained.textContent()).resolves.toContain(exercise.explanation.fixScreen)
  if (screenshots) await checkPage(page, `${explaining}-training-exercise-explained`)
}

/**
 * Waits for the applied exercise's summary; a refusal (the page's alert) or any other page fails
 * at once with what the page said, instead of a bare timeout that hides why the set-up failed.
 */
async function appliedOrWhyNot(page: Page, id: string, summary: Locator) {
  const refusal = page.getByRole('alert')
  try {
    await summary.or(refusal).first().waitFor({ timeout: 60_000 })
  } catch (error) {
    const words = await page
      .locator('body')
      .textContent()
      .catch(() => null)
    const body = (words ?? '').slice(0, 600)
    throw new Error(`${id}: no Active exercise after the button, at ${page.url()}: ${body}`, { cause: error })
  }
  if ((await summary.count()) > 0) return
  const said = (await refusal.allTextContents()).join(' | ')
  throw new Error(`${id}: the Training page refused the exercise at ${page.url()}: ${said}`)
}
