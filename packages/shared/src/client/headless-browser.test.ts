import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { FormActionBlockedError } from './form-action-policy'
import { HeadlessBrowser } from './headless-browser'
import { readRefreshTarget } from './html-forms'
import { createInProcessTransport } from './http-transport'
import { signIn } from './sign-in'

const IDP = 'http://localhost:7070'
const SP = 'http://localhost:7080'

/**
 * An IdP whose sign-in form is answered the way `answer` says, under the sign-in page's CSP
 * `form-action`, and an SP whose start page sends the browser there.
 */
function pair(options: { formAction: string; answer: 'redirect' | 'refresh' | 'meta-csp' }) {
  const idp = new Hono()
    .get('/login', (c) => {
      if (options.answer === 'meta-csp')
        return c.html(
          `<meta http-equiv="Content-Security-Policy" content="form-action ${options.formAction}"><form method="post" action="${SP}/welcome"><input name="passwd" type="password"></form>`,
        )
      c.header('Content-Security-Policy', `default-src 'self'; form-action ${options.formAction}`)
      return c.html(
        '<form method="post" action="/login"><input name="login"><input name="passwd" type="password"></form>',
      )
    })
    .post('/login', (c) => {
      c.header('Set-Cookie', 'idp_session=i1; Path=/; HttpOnly')
      if (options.answer === 'redirect') return c.redirect(`${SP}/welcome`, 302)
      return c.html(
        `<meta http-equiv="refresh" content="0;url=${SP}/welcome"><a href="${SP}/welcome">Continue</a>`,
      )
    })
  const sp = new Hono()
    .get('/start', (c) => c.redirect(`${IDP}/login`))
    .get('/welcome', (c) => c.html('<title>Welcome</title><p>Welcome</p>'))
    .post('/welcome', (c) => c.html('<p>Posted</p>'))
  return new HeadlessBrowser({ transport: createInProcessTransport({ [IDP]: idp.fetch, [SP]: sp.fetch }) })
}

async function submitPassword(browser: HeadlessBrowser) {
  const page = await browser.open(`${SP}/start`)
  const form = page.facts.forms[0]
  if (!form) throw new Error('no form')
  return browser.submit(page, form, { login: 'b.simon@contoso.com', passwd: 'x' })
}

describe('HeadlessBrowser enforces CSP form-action as Chromium does', () => {
  it("refuses a form POST answered by a redirect to an origin the page's form-action does not name", async () => {
    const browser = pair({ formAction: "'self'", answer: 'redirect' })
    const failure = await submitPassword(browser).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(FormActionBlockedError)
    expect((failure as Error).message).toContain(`redirect to ${SP}`)
    expect((failure as Error).message).toContain(`"form-action 'self'"`)
    // The POST itself was sent (the server answered); the redirect was never followed.
    expect(browser.hops.map((h) => `${h.method} ${h.url}`)).toEqual([
      `GET ${SP}/start`,
      `GET ${IDP}/login`,
      `POST ${IDP}/login`,
    ])
  })

  it('follows the same redirect when the page names its origin', async () => {
    const page = await submitPassword(pair({ formAction: `'self' ${SP}`, answer: 'redirect' }))
    expect(page.url.href).toBe(`${SP}/welcome`)
  })

  it('follows a meta refresh to another origin: a page-started navigation, outside form-action', async () => {
    const browser = pair({ formAction: "'self'", answer: 'refresh' })
    const page = await submitPassword(browser)
    expect(page.url.href).toBe(`${SP}/welcome`)
    expect(browser.hops.at(-2)).toMatchObject({ method: 'POST', status: 200, location: `${SP}/welcome` })
  })

  it('enforces a policy from <meta http-equiv="Content-Security-Policy"> before sending the form', async () => {
    const browser = pair({ formAction: "'self'", answer: 'meta-csp' })
    const failure = await submitPassword(browser).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(FormActionBlockedError)
    expect((failure as Error).message).toContain(`submits to ${SP}`)
    expect(browser.hops.some((h) => h.method === 'POST')).toBe(false)
  })

  it('makes signIn fail with BLOCKED_BY_CSP where a browser would do nothing', async () => {
    const result = await signIn({
      startUrl: `${SP}/start`,
      username: 'b.simon@contoso.com',
      password: 'x',
      browser: pair({ formAction: "'self'", answer: 'redirect' }),
    })
    expect(result.ok ? 'signed in' : result.error.code).toBe('BLOCKED_BY_CSP')
  })
})

describe('readRefreshTarget', () => {
  const page = new URL('http://localhost:7070/page')
  it('reads the URL forms of the HTML standard and ignores a plain reload', () => {
    expect(readRefreshTarget('0;url=http://sp.test/a?b=1', page)?.href).toBe('http://sp.test/a?b=1')
    expect(readRefreshTarget(" 5 , URL = 'http://sp.test/q' ", page)?.href).toBe('http://sp.test/q')
    expect(readRefreshTarget('0; /next', page)?.href).toBe('http://localhost:7070/next')
    expect(readRefreshTarget('30', page)).toBeUndefined()
    expect(readRefreshTarget('0;url=http://localhost:7070/page', page)).toBeUndefined()
  })
})
