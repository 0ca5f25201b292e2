import { decodePostBinding, decodeRedirectBinding, type MessageParameter } from '../saml/bindings'
import { CookieJar } from './cookie-jar'
import {
  FormActionBlockedError,
  type FormActionPolicies,
  readFormActionPolicies,
  refusingFormAction,
} from './form-action-policy'
import { encodeForm, type FormField, type HtmlForm, type PageFacts, readPage } from './html-forms'
import { createNodeTransport, type Transport } from './http-transport'

/** A SAML message seen on the wire, decoded. */
export interface CapturedSamlMessage {
  readonly parameter: MessageParameter
  readonly binding: 'redirect' | 'post'
  readonly xml: string
  readonly relayState: string | undefined
  readonly to: string
}

/** One request of a navigation, for the trace a CI failure prints. */
export interface Hop {
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly status: number
  readonly location: string | undefined
  readonly samlMessage: CapturedSamlMessage | undefined
  readonly ms: number
}

/** The page a navigation ended on. */
export interface Page {
  readonly url: URL
  readonly status: number
  readonly contentType: string
  readonly body: string
  /** Forms and title; empty for non-HTML responses. */
  readonly facts: PageFacts
  /** The `form-action` source lists of the page's Content Security Policies (header and meta). */
  readonly formAction: FormActionPolicies
}

/** The page a form was submitted from, whose `form-action` governs the whole navigation. */
interface FormSubmission {
  readonly page: URL
  readonly policies: FormActionPolicies
}

function headerValues(value: string | string[] | undefined): string[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

const MAX_REDIRECTS = 20

function captureSaml(
  method: 'GET' | 'POST',
  url: URL,
  body: string | undefined,
): CapturedSamlMessage | undefined {
  if (method === 'GET' && (url.searchParams.has('SAMLRequest') || url.searchParams.has('SAMLResponse'))) {
    const decoded = decodeRedirectBinding(url.search)
    if (decoded.ok) {
      const { parameter, xml, relayState } = decoded.value
      return { parameter, binding: 'redirect', xml, relayState, to: `${url.origin}${url.pathname}` }
    }
  }
  if (method === 'POST' && body) {
    const form = new URLSearchParams(body)
    const parameter: MessageParameter | null = form.has('SAMLResponse')
      ? 'SAMLResponse'
      : form.has('SAMLRequest')
        ? 'SAMLRequest'
        : null
    if (parameter) {
      const decoded = decodePostBinding(form.get(parameter) ?? '')
      if (decoded.ok) {
        return {
          parameter,
          binding: 'post',
          xml: decoded.value,
          relayState: form.get('RelayState') ?? undefined,
          to: `${url.origin}${url.pathname}`,
        }
      }
    }
  }
  return undefined
}

/**
 * A browser without a screen: it follows redirects and `<meta http-equiv="refresh">`, keeps
 * cookies as a browser does, submits forms, and records every hop with the SAML messages it
 * carried. It enforces the page's CSP `form-action` on a submission and on every redirect that
 * answers it, as Chromium does, and throws {@link FormActionBlockedError} where a browser would
 * silently do nothing. It runs no JavaScript; the sandbox's pages all work without it (the POST
 * binding has a `<noscript>` button).
 */
export class HeadlessBrowser {
  readonly jar: CookieJar
  readonly hops: Hop[] = []
  private readonly transport: Transport

  constructor(options: { transport?: Transport; jar?: CookieJar } = {}) {
    this.transport = options.transport ?? createNodeTransport()
    this.jar = options.jar ?? new CookieJar()
  }

  /** Opens a URL as if typed into the address bar. */
  open(url: string | URL): Promise<Page> {
    return this.navigate('GET', new URL(url), undefined, null, null)
  }

  /** Submits `form` of `page`, with `values` replacing or adding fields by name. */
  submit(page: Page, form: HtmlForm, values: Readonly<Record<string, string>> = {}): Promise<Page> {
    const fields: FormField[] = form.fields.map((f) =>
      f.name in values ? { ...f, value: values[f.name] ?? '' } : f,
    )
    for (const [name, value] of Object.entries(values)) {
      if (!fields.some((f) => f.name === name)) fields.push({ name, type: 'text', value })
    }
    const encoded = encodeForm(fields)
    const submission: FormSubmission = { page: page.url, policies: page.formAction }
    if (form.method === 'GET') {
      const target = new URL(form.action)
      target.search = encoded
      return this.navigate('GET', target, undefined, page.url, submission)
    }
    return this.navigate('POST', form.action, encoded, page.url, submission)
  }

  /** Every SAML message seen so far, in order. */
  samlMessages(): CapturedSamlMessage[] {
    return this.hops.flatMap((h) => (h.samlMessage ? [h.samlMessage] : []))
  }

  private async navigate(
    method: 'GET' | 'POST',
    start: URL,
    startBody: string | undefined,
    initiator: URL | null,
    submission: FormSubmission | null,
  ): Promise<Page> {
    let url = start
    let currentMethod = method
    let body = startBody
    let referrer = initiator
    let fromForm = submission
    for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects += 1) {
      if (fromForm) {
        const refused = refusingFormAction(fromForm.policies, url, fromForm.page, redirects > 0)
        if (refused) throw new FormActionBlockedError(fromForm.page, url, refused, redirects > 0)
      }
      const began = performance.now()
      const cookie = this.jar.headerFor(url, { method: currentMethod, initiator: referrer })
      const response = await this.transport({
        method: currentMethod,
        url,
        headers: {
          accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8',
          'user-agent': 'sso-sandbox-headless/1.0',
          ...(cookie ? { cookie } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
          ...(referrer && currentMethod === 'POST' ? { origin: referrer.origin } : {}),
        },
        ...(body === undefined ? {} : { body }),
      })
      const setCookie = response.headers['set-cookie'] ?? []
      for (const header of setCookie) this.jar.store(url, header)
      const location = typeof response.headers.location === 'string' ? response.headers.location : undefined
      const redirected = location !== undefined && [301, 302, 303, 307, 308].includes(response.status)
      const contentType = String(response.headers['content-type'] ?? '')
      const facts =
        !redirected && contentType.includes('html')
          ? readPage(response.body, url)
          : { forms: [], title: '', text: '', alerts: [], metaPolicies: [], refresh: undefined }
      const refresh =
        facts.refresh && ['http:', 'https:'].includes(facts.refresh.protocol) ? facts.refresh : undefined
      this.hops.push({
        method: currentMethod,
        url: url.href,
        status: response.status,
        location: redirected ? location : refresh?.href,
        samlMessage: captureSaml(currentMethod, url, body),
        ms: performance.now() - began,
      })
      if (redirected) {
        const keepMethod = response.status === 307 || response.status === 308
        // A redirect keeps the navigation's initiator for SameSite, as browsers do.
        referrer = referrer ?? null
        url = new URL(location, url)
        if (!keepMethod) {
          currentMethod = 'GET'
          body = undefined
        }
        continue
      }
      if (refresh) {
        // A declarative refresh is a new navigation started by the page, not by its form.
        referrer = url
        url = refresh
        currentMethod = 'GET'
        body = undefined
        fromForm = null
        continue
      }
      const formAction = readFormActionPolicies([
        ...headerValues(response.headers['content-security-policy']),
        ...facts.metaPolicies,
      ])
      return { url, status: response.status, contentType, body: response.body, facts, formAction }
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects starting at ${start.href}`)
  }
}
