// Both consoles' Training pages over real HTTP, signed in with a headless browser as the admins.
import { HeadlessBrowser, type HtmlForm, type Page } from '@sandbox/shared'
import type { RunningSandbox } from 'sso-rehearsal-sandbox'
import { answerStaySignedIn } from '../../packages/idp/src/test-support/sign-in-steps'
import { bannerAdmin } from './console-sign-in'

export interface TrainingConsole {
  readonly name: 'Entra' | 'Control Hub'
  /** The Training page's path. */
  readonly path: string
  readonly browser: HeadlessBrowser
  open(path?: string): Promise<Page>
  /** Submits the form of `page` whose action ends with `actionEnd`, with `values`. */
  submit(page: Page, actionEnd: string, values: Record<string, string>): Promise<Page>
}

function formOf(page: Page, actionEnd: string): HtmlForm {
  const form = page.facts.forms.find((f) => new URL(f.action).pathname.endsWith(actionEnd))
  if (!form) throw new Error(`no form posting to …${actionEnd} on ${page.url.href}`)
  return form
}

/** Fills whatever sign-in form stands in the way (Entra: login/passwd; Control Hub: email, password). */
async function signedIn(browser: HeadlessBrowser, url: string, typed: Record<string, string>): Promise<Page> {
  let page = await browser.open(url)
  for (let step = 0; step < 4; step += 1) {
    const form = page.facts.forms.find((f) => f.fields.some((field) => field.name in typed))
    // Entra asks "Stay signed in?" once the password is proved; Control Hub never does.
    if (!form) return answerStaySignedIn(browser, page)
    const values = Object.fromEntries(
      form.fields.flatMap((f) => (typed[f.name] ? [[f.name, typed[f.name] ?? '']] : [])),
    )
    page = await browser.submit(page, form, values)
  }
  return answerStaySignedIn(browser, page)
}

export async function trainingConsoles(sandbox: RunningSandbox): Promise<[TrainingConsole, TrainingConsole]> {
  const admin = bannerAdmin(sandbox)
  const hub = sandbox.sp.controlHubAdmin
  if (!hub) throw new Error('no Control Hub administrator')
  const make = async (
    name: TrainingConsole['name'],
    base: string,
    path: string,
    typed: Record<string, string>,
  ): Promise<TrainingConsole> => {
    const browser = new HeadlessBrowser()
    await signedIn(browser, `${base}${path}`, typed)
    return {
      name,
      path,
      browser,
      open: (to = path) => browser.open(`${base}${to}`),
      submit: (page, actionEnd, values) => browser.submit(page, formOf(page, actionEnd), values),
    }
  }
  return Promise.all([
    make('Entra', sandbox.idp.url, '/training', { login: admin.login, passwd: admin.password }),
    make('Control Hub', sandbox.sp.url, '/admin/training', { email: hub.email, password: hub.password }),
  ])
}

/** B.Simon's password as the Training page shows it. */
export function shownPassword(page: Page): string {
  const found = /password:? (\S+)/.exec(page.facts.text)?.[1]
  if (!found) throw new Error(`no password for B.Simon on ${page.url.href}`)
  return found
}
