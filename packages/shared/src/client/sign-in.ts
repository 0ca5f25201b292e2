// client/: the headless sign-in client: an HTTP client that behaves like a browser (cookies,
// forms, redirects, CSP form-action) and signs in through any SAML SP and IdP.
import { err, ok, type Result } from '../result'
import type { StoredCookie } from './cookie-jar'
import { FormActionBlockedError } from './form-action-policy'
import { type CapturedSamlMessage, HeadlessBrowser, type Hop, type Page } from './headless-browser'
import type { FormButton, FormField, HtmlForm } from './html-forms'

/** What to sign in with, and where to start (an SP's sign-on URL). */
export interface SignInRequest {
  readonly startUrl: string
  readonly username: string
  readonly password: string
  /** A browser to use (keeps its cookies across sign-ins, like a real one); a fresh one by default. */
  readonly browser?: HeadlessBrowser
  /**
   * An SP URL that describes the session its cookie opens (the Webex emulator's
   * `/api/v1/session`: the user, the attributes, the checks its ACS made). Read after the
   * sign-in, with the browser's cookies, and returned as `session`.
   */
  readonly sessionInfoUrl?: string
  /** The answer to "Stay signed in?" when the IdP asks: No (a session cookie) by default. */
  readonly staySignedIn?: boolean
}

/** A completed sign-in: the page it ended on, the SAML exchange, and the SP's cookies. */
export interface SignInSuccess {
  readonly page: Page
  /** The decoded `<samlp:Response>` the IdP posted to the ACS. */
  readonly samlResponse: CapturedSamlMessage
  /** The decoded AuthnRequest, when the flow was SP-initiated. */
  readonly authnRequest: CapturedSamlMessage | undefined
  /** Cookies the SP (the site of `page`) holds: the session. */
  readonly spCookies: readonly StoredCookie[]
  readonly hops: readonly Hop[]
  readonly browser: HeadlessBrowser
  /** The JSON at `sessionInfoUrl`, when one was given. */
  readonly session?: unknown
}

/** Why a sign-in stopped; `page` and `hops` show where. */
export interface SignInFailure {
  readonly code:
    | 'WRONG_CREDENTIALS'
    | 'ERROR_PAGE'
    | 'NO_SAML_RESPONSE'
    | 'TOO_MANY_STEPS'
    | 'UNREACHABLE'
    | 'NO_SESSION'
    /** A real browser would refuse a step: the page's CSP `form-action` blocks where its form leads. */
    | 'BLOCKED_BY_CSP'
  readonly message: string
  readonly page: Page | undefined
  readonly hops: readonly Hop[]
}

const MAX_STEPS = 16

const USER_FIELD = /login|user|name|email|account/i

function isTyped(field: FormField): boolean {
  return ['email', 'text'].includes(field.type)
}

function passwordForm(page: Page): HtmlForm | undefined {
  return page.facts.forms.find((f) => f.fields.some((field) => field.type === 'password'))
}

/** The account step of a two-step sign-in: a POST form asking for the account and no password. */
function accountForm(page: Page): HtmlForm | undefined {
  return page.facts.forms.find(
    (f) =>
      f.method === 'POST' &&
      !f.fields.some((field) => field.type === 'password') &&
      f.fields.some((field) => isTyped(field) && USER_FIELD.test(field.name)),
  )
}

/** A button of `form` whose label is `label` (case-insensitive). */
function buttonLabelled(form: HtmlForm, label: RegExp): FormButton | undefined {
  return form.buttons.find((b) => label.test(b.label))
}

/** "Stay signed in?": a form with nothing to type and a Yes and a No button. */
function staySignedInForm(page: Page): HtmlForm | undefined {
  return page.facts.forms.find(
    (f) => !f.fields.some(isTyped) && buttonLabelled(f, /^yes$/i) !== undefined && buttonLabelled(f, /^no$/i),
  )
}

/** "Pick an account": the button for this account, else "Use another account". */
function accountChoice(page: Page, username: string): { form: HtmlForm; button: FormButton } | undefined {
  const wanted = username.toLowerCase()
  for (const form of page.facts.forms) {
    const mine = form.buttons.find((b) => b.label.toLowerCase().includes(wanted))
    const other = buttonLabelled(form, /^use another account$/i)
    if (mine || other) return { form, button: (mine ?? other) as FormButton }
  }
  return undefined
}

function samlForm(page: Page): HtmlForm | undefined {
  return page.facts.forms.find((f) =>
    f.fields.some((field) => field.name === 'SAMLResponse' || field.name === 'SAMLRequest'),
  )
}

function pressed(button: FormButton | undefined): Record<string, string> {
  return button?.name ? { [button.name]: button.value } : {}
}

function credentialValues(form: HtmlForm, username: string, password: string): Record<string, string> {
  const user = form.fields.find((f) => isTyped(f) && USER_FIELD.test(f.name)) ?? form.fields.find(isTyped)
  const secret = form.fields.find((f) => f.type === 'password')
  return { ...(user ? { [user.name]: username } : {}), ...(secret ? { [secret.name]: password } : {}) }
}

function summarize(page: Page): string {
  // The page's own announced error ("Your account or password is incorrect…") says it best.
  if (page.facts.alerts.length > 0) return page.facts.alerts.join(' ')
  const text = page.facts.text
  if (!text) return `HTTP ${page.status} at ${page.url.href}`
  const code = /AADSTS\d+:[^.]*\.?/.exec(text)?.[0]
  return code ?? (text.length > 400 ? `${text.slice(0, 400)}…` : text)
}

/**
 * Signs in the way a person would, without a browser: opens the SP's sign-on URL, follows the
 * redirect to the IdP, and reads each page's forms to take the next step: the account (when the
 * IdP asks for it on a page of its own), the password, "Pick an account" (this account, else
 * "Use another account"), "Stay signed in?", then submits the auto-posting SAML form to the ACS
 * and follows the SP's redirects to where the person lands.
 */
export async function signIn(request: SignInRequest): Promise<Result<SignInSuccess, SignInFailure>> {
  const browser = request.browser ?? new HeadlessBrowser()
  const failure = (code: SignInFailure['code'], message: string, page?: Page) =>
    err<SignInFailure>({ code, message, page, hops: [...browser.hops] })
  // A reused browser has hops of its earlier sign-ins: only this one's messages count.
  const firstHop = browser.hops.length
  const messagesOfThisSignIn = () =>
    browser.hops.slice(firstHop).flatMap((h) => (h.samlMessage ? [h.samlMessage] : []))
  let page: Page
  try {
    page = await browser.open(request.startUrl)
  } catch (error) {
    return failure('UNREACHABLE', `Cannot reach ${request.startUrl}: ${(error as Error).message}`)
  }
  // Each step is taken once: a page asking again for what was sent says why it was refused.
  const sent = new Set<'account' | 'password' | 'pick' | 'stay-signed-in'>()
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (page.status >= 400) return failure('ERROR_PAGE', summarize(page), page)
    const responded = messagesOfThisSignIn().some((m) => m.parameter === 'SAMLResponse')
    const credentials = responded ? undefined : passwordForm(page)
    const account = responded || credentials ? undefined : accountForm(page)
    const choice = responded ? undefined : accountChoice(page, request.username)
    const stay = responded ? undefined : staySignedInForm(page)
    const saml = samlForm(page)
    const again = (what: 'account' | 'password' | 'pick' | 'stay-signed-in') => {
      const repeated = sent.has(what)
      sent.add(what)
      return repeated
    }
    try {
      if (credentials) {
        if (again('password')) return failure('WRONG_CREDENTIALS', summarize(page), page)
        const values = credentialValues(credentials, request.username, request.password)
        page = await browser.submit(page, credentials, {
          ...values,
          ...pressed(buttonLabelled(credentials, /sign in|log in|submit|next/i)),
        })
      } else if (account) {
        if (again('account')) return failure('WRONG_CREDENTIALS', summarize(page), page)
        const values = credentialValues(account, request.username, request.password)
        page = await browser.submit(page, account, values)
      } else if (choice) {
        if (again('pick')) return failure('TOO_MANY_STEPS', 'The account picker came back.', page)
        page = await browser.submit(page, choice.form, pressed(choice.button))
      } else if (stay) {
        if (again('stay-signed-in')) return failure('TOO_MANY_STEPS', '"Stay signed in?" came back.', page)
        const answer = buttonLabelled(stay, request.staySignedIn ? /^yes$/i : /^no$/i)
        page = await browser.submit(page, stay, pressed(answer))
      } else if (saml) {
        page = await browser.submit(page, saml)
      } else {
        break
      }
    } catch (error) {
      if (error instanceof FormActionBlockedError) return failure('BLOCKED_BY_CSP', error.message, page)
      return failure('UNREACHABLE', (error as Error).message, page)
    }
    if (step === MAX_STEPS - 1)
      return failure('TOO_MANY_STEPS', `The sign-in did not finish within ${MAX_STEPS} pages.`, page)
  }
  if (page.status >= 400) return failure('ERROR_PAGE', summarize(page), page)
  const messages = messagesOfThisSignIn()
  const samlResponse = [...messages].reverse().find((m) => m.parameter === 'SAMLResponse')
  if (!samlResponse)
    return failure('NO_SAML_RESPONSE', `The flow ended at ${page.url.href} without a SAML Response.`, page)
  let session: unknown
  if (request.sessionInfoUrl) {
    const info = await browser.open(request.sessionInfoUrl).catch((error: Error) => error)
    if (info instanceof Error || info.status !== 200 || !info.contentType.includes('json'))
      return failure(
        'NO_SESSION',
        `The flow ended at ${page.url.href} but ${request.sessionInfoUrl} shows no session (${info instanceof Error ? info.message : `HTTP ${info.status}`}).`,
        page,
      )
    try {
      session = JSON.parse(info.body) as unknown
    } catch {
      return failure('NO_SESSION', `${request.sessionInfoUrl} answered something other than JSON.`, page)
    }
  }
  return ok({
    ...(request.sessionInfoUrl ? { session } : {}),
    page,
    samlResponse,
    authnRequest: messages.find((m) => m.parameter === 'SAMLRequest'),
    spCookies: browser.jar.cookiesFor(page.url),
    hops: [...browser.hops],
    browser,
  })
}
