import type { HeadlessBrowser, Page } from '@sandbox/shared'

/**
 * The cookie of a browser that once ticked "Don't show this again" and answered No: the sign-in
 * ends at the password step. For tests that post the password form themselves and are about
 * something else than "Stay signed in?".
 */
export const STAY_SIGNED_IN_ANSWERED_NO = 'idp_kmsi=no'

/** Answers "Stay signed in?" when `page` asks it (No unless told); any other page is returned as is. */
export async function answerStaySignedIn(
  browser: HeadlessBrowser,
  page: Page,
  answer: 'yes' | 'no' = 'no',
): Promise<Page> {
  const form = page.facts.forms.find((f) => f.buttons.some((b) => b.name === 'staySignedIn'))
  return form ? browser.submit(page, form, { staySignedIn: answer }) : page
}

/**
 * Posts the account and password on the sign-in form of `page` (the password step takes both,
 * so this works from the account step too), then answers "Stay signed in?" No.
 */
export async function submitCredentials(
  browser: HeadlessBrowser,
  page: Page,
  credentials: { readonly login: string; readonly password: string },
): Promise<Page> {
  const form = page.facts.forms.find((f) => f.fields.some((field) => field.name === 'login'))
  if (!form) throw new Error(`No sign-in form on ${page.url.href}`)
  const answered = await browser.submit(page, form, {
    login: credentials.login,
    passwd: credentials.password,
  })
  return answerStaySignedIn(browser, answered)
}
