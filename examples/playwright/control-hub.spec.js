import { expect, test } from '@playwright/test'

test('the Control Hub administrator signs in with the credentials of the ready line', async ({ page }) => {
  const webex = process.env.SANDBOX_WEBEX_URL
  await page.goto(`${webex}/admin`)
  await page.getByLabel('Email address').fill(process.env.SANDBOX_ADMIN_EMAIL)
  await page.getByRole('button', { name: 'Sign In' }).click()
  await page.getByLabel('Password', { exact: true }).fill(process.env.SANDBOX_ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Sign In' }).click()
  await expect(page).toHaveTitle('Overview - Cisco Cloud Collaboration Management (sandbox)')
})
