import type { HeadlessBrowser, Page } from '@sandbox/shared'
import { CISCO_WEBEX_TEMPLATE_ID } from '../enterprise-apps/gallery'
import type { TestIdp } from './harness'
import { answerStaySignedIn } from './sign-in-steps'

/**
 * Signs a headless browser in to the admin center the way a person does: opens `path`, which
 * sends it to the Entra sign-in page, fills the sign-in form(s) and follows the redirects back.
 * Returns the page it lands on.
 */
export async function signInToConsole(
  idp: Pick<TestIdp, 'url'>,
  browser: HeadlessBrowser,
  credentials: { readonly login: string; readonly password: string },
  path = '/',
): Promise<Page> {
  let page = await browser.open(`${idp.url}${path}`)
  for (let step = 0; step < 4; step += 1) {
    const form = page.facts.forms.find((f) =>
      f.fields.some((field) => field.name === 'login' || field.name === 'passwd'),
    )
    if (!form) return answerStaySignedIn(browser, page)
    const typed: Record<string, string> = { login: credentials.login, passwd: credentials.password }
    const values = Object.fromEntries(
      form.fields.flatMap((f) => (typed[f.name] === undefined ? [] : [[f.name, typed[f.name] ?? '']])),
    )
    page = await browser.submit(page, form, values)
  }
  return answerStaySignedIn(browser, page)
}

/** The CSRF token of the first console form on `page` that carries one. */
export function csrfTokenOf(page: Page): string {
  for (const form of page.facts.forms) {
    const field = form.fields.find((f) => f.name === 'csrfToken')
    if (field) return field.value
  }
  throw new Error(`No console form with a CSRF token on ${page.url.href}`)
}

/** The form on `page` that posts to `path`. */
export function formTo(page: Page, path: string) {
  const form = page.facts.forms.find((f) => f.action.pathname === path)
  if (!form) throw new Error(`no form to ${path} on ${page.url.href}`)
  return form
}

/** Posts `fields` to `path` with the browser's cookies, as a form of the console does. */
export function postWithCookies(
  idp: Pick<TestIdp, 'url' | 'app'>,
  browser: HeadlessBrowser,
  path: string,
  fields: Record<string, string>,
) {
  const cookie = browser.jar
    .cookiesFor(new URL(idp.url))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ')
  return idp.app.request(path, {
    method: 'POST',
    headers: { cookie, origin: idp.url },
    body: new URLSearchParams(fields),
  })
}

/** Signs the admin in and adds Cisco Webex from the gallery, as a person does; its service principal id. */
export async function addCiscoWebexInConsole(idp: TestIdp, browser: HeadlessBrowser): Promise<string> {
  await signInToConsole(idp, browser, { login: 'admin@contoso.com', password: idp.adminPassword })
  const gallery = await browser.open(
    `${idp.url}/enterprise-apps/gallery?pane=add&template=${CISCO_WEBEX_TEMPLATE_ID}`,
  )
  const added = await browser.submit(gallery, formTo(gallery, '/enterprise-apps/gallery/add'))
  return added.url.pathname.split('/')[2] ?? ''
}
