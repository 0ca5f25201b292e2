import type { Page } from 'playwright-core'
import type { RunningSandbox } from 'sso-rehearsal-sandbox'

/** The Entra admin printed in the ready banner, from the sandbox's first start. */
export function bannerAdmin(sandbox: RunningSandbox): { readonly login: string; readonly password: string } {
  const first = sandbox.idp.firstStart
  if (!first) throw new Error('The sandbox was not started fresh: the admin password is unknown.')
  return { login: first.adminUserPrincipalName, password: first.adminPassword }
}

/**
 * Signs in to the Entra admin center in Chromium as a person does: opens `path`, is sent to the
 * Entra sign-in page, types the admin's account and password, and lands back on `path`.
 */
export async function signInToAdminCenter(page: Page, sandbox: RunningSandbox, path = '/'): Promise<void> {
  const admin = bannerAdmin(sandbox)
  await page.goto(`${sandbox.idp.url}${path}`)
  await page.getByLabel('Email, phone, or Skype').fill(admin.login)
  await page.getByLabel('Password').fill(admin.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}
