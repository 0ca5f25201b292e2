import { type HeadlessBrowser, type HtmlForm, type Page, signIn } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { graphClient } from '../test-support/graph-client'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, redirectUrl, setUpSamlApp } from '../test-support/saml-app'

let t: TestIdp
beforeEach(async () => {
  t = await createTestIdp()
  await setUpSamlApp(t)
})

const ADMIN = 'admin@contoso.com'

/** The fields of a Graph `auditLogs/signIns` entry these tests read. */
interface GraphSignIn {
  readonly id: string
  readonly correlationId: string
  readonly status: {
    readonly errorCode: number
    readonly failureReason: string | null
    readonly additionalDetails: string | null
  }
}

function formOf(page: Page, name: string): HtmlForm {
  const form = page.facts.forms.find((f) => f.buttons.some((b) => b.label === name))
  if (!form) throw new Error(`No form with a "${name}" button on ${page.url.href}: ${page.facts.text}`)
  return form
}

/** Presses the button labelled `name`, with `values` typed into the form. */
function press(browser: HeadlessBrowser, page: Page, name: string, values: Record<string, string> = {}) {
  const form = formOf(page, name)
  const button = form.buttons.find((b) => b.label === name)
  return browser.submit(page, form, { ...values, ...(button?.name ? { [button.name]: button.value } : {}) })
}

async function emailPage(browser = t.browser(), start = redirectUrl(t, authnRequestXml())) {
  return { browser, page: await browser.open(start) }
}

describe('the two-step Microsoft sign-in', () => {
  it('asks for the account first, names an unknown one (AADSTS50034 in the sign-in log), then asks for the password', async () => {
    const { browser, page } = await emailPage()
    expect(page.facts.text).toContain('Sign in')
    expect(page.body).toContain('placeholder="Email, phone, or Skype"')
    expect(page.facts.forms[0]?.fields.some((f) => f.type === 'password')).toBe(false)
    const empty = await press(browser, page, 'Next', { login: '' })
    expect(empty.facts.alerts).toEqual(['Enter a valid email address, phone number, or Skype name.'])
    const unknown = await press(browser, page, 'Next', { login: 'nobody@contoso.com' })
    expect(unknown.facts.alerts).toEqual([
      'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.',
    ])
    expect(t.services.signInLog.list()[0]).toMatchObject({
      errorCode: 50034,
      failureReason: expect.stringContaining('does not exist in the'),
    })
    const password = await press(browser, page, 'Next', { login: ADMIN })
    expect(password.facts.text).toContain('Enter password')
    expect(password.facts.text).toContain(ADMIN)
    expect(password.body).toContain(`aria-label="Enter the password for ${ADMIN}"`)
    expect(password.facts.text).toContain('Forgot my password')
    const wrong = await press(browser, password, 'Sign in', { passwd: 'wrong' })
    expect(wrong.facts.alerts).toEqual([
      "Your account or password is incorrect. If you don't remember your password, reset it now.",
    ])
    const back = password.body.match(/href="([^"]*step=email)"/)?.[1]?.replaceAll('&amp;', '&')
    const again = await browser.open(new URL(back ?? '', password.url))
    expect(again.facts.forms[0]?.fields.find((f) => f.name === 'login')).toBeTruthy()
  })

  it('skips the account page when the request carries login_hint', async () => {
    const { page } = await emailPage(
      t.browser(),
      `${redirectUrl(t, authnRequestXml())}&login_hint=${encodeURIComponent(ADMIN)}`,
    )
    expect(page.facts.text).toContain('Enter password')
    expect(page.facts.forms[0]?.fields.find((f) => f.name === 'login')?.value).toBe(ADMIN)
  })

  it('asks "Stay signed in?": Yes keeps the cookie past the browser (Max-Age), "Don\'t show this again" skips it next time', async () => {
    const { browser, page } = await emailPage()
    const password = await press(browser, page, 'Next', { login: ADMIN })
    const stay = await press(browser, password, 'Sign in', { passwd: t.adminPassword })
    expect(stay.facts.text).toContain('Stay signed in?')
    expect(stay.facts.text).toContain('Don’t show this again')
    expect(formOf(stay, 'Yes').buttons.map((b) => b.label)).toEqual(['No', 'Yes'])
    const posted = await press(browser, stay, 'Yes', { dontShowAgain: '1' })
    expect(posted.facts.forms[0]?.fields.map((f) => f.name)).toContain('SAMLResponse')
    const cookies = browser.jar.cookiesFor(new URL(t.url))
    expect(cookies.find((c) => c.name === 'idp_session')?.expiresAt).not.toBeNull()
    expect(cookies.find((c) => c.name === 'idp_kmsi')?.value).toBe('yes')
    // Next sign-in in this browser (a new session asked for): no "Stay signed in?".
    const before = browser.hops.length
    const next = await signIn({
      startUrl: redirectUrl(t, authnRequestXml({ attributes: ' ForceAuthn="true"' })),
      username: ADMIN,
      password: t.adminPassword,
      browser,
    })
    expect(next.ok).toBe(true)
    const steps = browser.hops.slice(before).map((h) => new URL(h.url).pathname)
    expect(steps.some((p) => p.endsWith('/login/pick'))).toBe(true)
    expect(steps.some((p) => p.endsWith('/kmsi'))).toBe(false)
  })

  it('logs "Stay signed in?" as an interrupted sign-in (AADSTS50140) when it is shown, then the sign-in itself; not when the answer is remembered', async () => {
    const graph = graphClient(t)
    const signIns = async () => (await graph.get('/v1.0/auditLogs/signIns')).json.value as GraphSignIn[]
    const { browser, page } = await emailPage()
    const password = await press(browser, page, 'Next', { login: ADMIN })
    const stay = await press(browser, password, 'Sign in', { passwd: t.adminPassword })
    expect(stay.facts.text).toContain('Stay signed in?')
    const [interrupt, ...earlier] = await signIns()
    expect(earlier).toEqual([])
    expect(interrupt).toMatchObject({
      userPrincipalName: ADMIN,
      appDisplayName: 'Tercen',
      status: {
        errorCode: 50140,
        failureReason:
          "This error occurred due to 'Keep me signed in' interrupt when the user was signing in.",
      },
    })
    expect(interrupt?.status.additionalDetails).toContain('expected part of the login flow')
    expect(t.services.signInLog.list()[0]?.status).toBe('interrupted')
    // Not a failure: the app's SAML page (its last failed sign-in) sees no trouble in it.
    expect(t.services.signInLog.list().filter((r) => r.status === 'failure')).toEqual([])

    await press(browser, stay, 'No', { dontShowAgain: '1' })
    const [done, asked] = await signIns()
    expect(done).toMatchObject({ correlationId: interrupt?.correlationId, status: { errorCode: 0 } })
    expect(asked?.id).toBe(interrupt?.id)

    // "Don't show this again": the next sign-in skips the page, so nothing is interrupted.
    const before = (await signIns()).length
    const again = await signIn({
      startUrl: redirectUrl(t, authnRequestXml({ attributes: ' ForceAuthn="true"' })),
      username: ADMIN,
      password: t.adminPassword,
      browser,
    })
    expect(again.ok).toBe(true)
    const added = (await signIns()).slice(0, (await signIns()).length - before)
    expect(added.map((r) => r.status.errorCode)).toEqual([0])
  })

  it('offers the signed-in account ("Pick an account"): picking it needs no password, "Use another account" asks for one', async () => {
    const browser = t.browser()
    expect(
      (
        await signIn({
          startUrl: redirectUrl(t, authnRequestXml()),
          username: ADMIN,
          password: t.adminPassword,
          browser,
        })
      ).ok,
    ).toBe(true)
    const picker = await browser.open(`${t.url}/`)
    expect(picker.facts.text).toContain('Pick an account')
    expect(picker.facts.text).toContain('Signed in')
    const other = await press(browser, picker, 'Use another account')
    expect(other.facts.forms[0]?.fields.some((f) => f.name === 'login')).toBe(true)
    expect(other.facts.text).toContain('Back')
    const console = await press(browser, picker, `Sign in with ${ADMIN} work or school account.`)
    expect(new URL(console.url).pathname).toBe('/')
    expect(console.facts.text).toContain('Microsoft Entra admin center')
  })

  it('refuses a disabled account only after its password (AADSTS50057)', async () => {
    const created = await t.services.directory.createUser({
      userPrincipalName: 'off@contoso.com',
      displayName: 'Off',
      password: 'Off-Password-1',
      accountEnabled: false,
    })
    if (!created.ok) throw new Error(created.error.message)
    const { browser, page } = await emailPage()
    const password = await press(browser, page, 'Next', { login: 'off@contoso.com' })
    const refused = await press(browser, password, 'Sign in', { passwd: 'Off-Password-1' })
    expect(refused.facts.alerts).toEqual([
      'Your account has been locked. Contact your support person to unlock it, then try again.',
    ])
    expect(t.services.signInLog.list()[0]?.errorCode).toBe(50057)
  })
})
