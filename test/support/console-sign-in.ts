import type { Locator, Page } from 'playwright-core'
import type { RunningSandbox } from 'sso-rehearsal-sandbox'

/** The Entra admin printed in the ready banner, from the sandbox's first start. */
export function bannerAdmin(sandbox: RunningSandbox): { readonly login: string; readonly password: string } {
  const first = sandbox.idp.firstStart
  if (!first) throw new Error('The sandbox was not started fresh: the admin password is unknown.')
  return { login: first.adminUserPrincipalName, password: first.adminPassword }
}

/**
 * Goes through Microsoft's sign-in pages in Chromium by their words: "Email, phone, or Skype" and
 * Next, then the password and "Sign in", then "Stay signed in?" answered No.
 */
export async function signInAtMicrosoft(
  page: Page,
  account: { readonly login: string; readonly password: string },
): Promise<void> {
  await page.getByLabel('Email, phone, or Skype').fill(account.login)
  await page.getByRole('button', { name: 'Next' }).click()
  await enterPasswordAtMicrosoft(page, account.password)
}

/**
 * The password page ("Enter password", where an app's login_hint leads straight), then "Stay
 * signed in?" answered No.
 */
export async function enterPasswordAtMicrosoft(page: Page, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Enter password' }).waitFor()
  await page.getByLabel(/^Enter the password for /).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Stay signed in?' }).waitFor()
  await page.getByRole('button', { name: 'No' }).click()
}

/**
 * Whatever Microsoft page a sign-in meets, goes on as `account` until `arrived` shows: the
 * account page, the password page (a login_hint leads there straight), "Pick an account" (a
 * session exists), or none at all (the session was enough).
 */
export async function signInAsNeeded(
  page: Page,
  account: { readonly login: string; readonly password: string },
  arrived: Locator,
): Promise<void> {
  const accountField = page.getByLabel('Email, phone, or Skype')
  const passwordHeading = page.getByRole('heading', { name: 'Enter password' })
  const picker = page.getByRole('heading', { name: 'Pick an account' })
  await Promise.race([arrived, accountField, passwordHeading, picker].map((l) => l.first().waitFor()))
  if (await arrived.first().isVisible()) return
  if (await picker.isVisible()) {
    await page.getByRole('button', { name: new RegExp(`Sign in with ${account.login}`, 'i') }).click()
  } else if (await accountField.isVisible()) {
    await signInAtMicrosoft(page, account)
  } else {
    await enterPasswordAtMicrosoft(page, account.password)
  }
  await arrived.first().waitFor()
}

/**
 * Signs in to the Entra admin center in Chromium as a person does: opens `path`, is sent to the
 * Entra sign-in page, types the admin's account and password, and lands back on `path`.
 */
export async function signInToAdminCenter(page: Page, sandbox: RunningSandbox, path = '/'): Promise<void> {
  await page.goto(`${sandbox.idp.url}${path}`)
  await signInAtMicrosoft(page, bannerAdmin(sandbox))
  await page.waitForURL((url) => !/\/(login|kmsi)$/.test(url.pathname))
}
