import type { Page } from 'playwright-core'

/** The Control Hub administrator a running sandbox printed (`RunningSp.controlHubAdmin`). */
export interface ControlHubAdminCredentials {
  readonly email: string
  readonly password: string
}

/**
 * Signs in to Control Hub as a person does from the ready banner: open `path`, which sends an
 * unauthenticated browser to the sign-in page, type the email, Sign In, type the password, Sign In.
 * Ends on `path`.
 */
export async function signInToControlHub(
  page: Page,
  spUrl: string,
  admin: ControlHubAdminCredentials,
  path = '/admin',
): Promise<void> {
  await page.goto(`${spUrl}${path}`)
  await page.getByLabel('Email address').fill(admin.email)
  await page.getByRole('button', { name: 'Sign In' }).click()
  await page.getByLabel('Password', { exact: true }).fill(admin.password)
  await page.getByRole('button', { name: 'Sign In' }).click()
  await page.waitForURL(`${spUrl}${path}`)
}
