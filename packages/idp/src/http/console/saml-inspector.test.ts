import { signIn } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { readRealFixture, TERCEN_RESPONSE } from '../../../../../test/support/real-fixtures'
import { csrfTokenOf, signInToConsole } from '../../test-support/console'
import { createTestIdp } from '../../test-support/harness'
import { authnRequestXml, redirectUrl, setUpSamlApp } from '../../test-support/saml-app'

function preOf(html: string): string {
  const pre = /<pre[^>]*>([\s\S]*?)<\/pre>/.exec(html)
  if (!pre?.[1]) throw new Error('the page has no <pre> report')
  return pre[1]
}

describe('Monitoring & health > SAML inspector', () => {
  it('is in the navigation and reports a real Entra Response as expired, escaped in a <pre>', async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    const page = await signInToConsole(
      idp,
      browser,
      { login: 'admin@contoso.com', password: idp.adminPassword },
      '/saml-inspector',
    )
    expect(page.body).toContain('href="/saml-inspector"')
    expect(page.facts.text).toContain('SAML message, metadata or HAR')
    const form = page.facts.forms.find((f) => f.action.pathname === '/saml-inspector')
    if (!form) throw new Error('no inspector form')
    const answer = await browser.submit(page, form, {
      message: readRealFixture(TERCEN_RESPONSE),
      at: '2022-02-23T20:52:30Z',
    })
    expect(answer.status).toBe(200)
    const report = preOf(answer.body)
    expect(report).toContain('expired 2 h 03 min ago')
    expect(report).toContain('&lt;samlp:Response')
    expect(report).not.toContain('<samlp:Response')
    expect(answer.facts.text).toContain('checks failed')
  })

  it('refuses an empty paste and an unreadable time with what to do, a post without CSRF, and a paste over 1 MB', async () => {
    const idp = await createTestIdp()
    const browser = idp.browser()
    const page = await signInToConsole(
      idp,
      browser,
      { login: 'admin@contoso.com', password: idp.adminPassword },
      '/saml-inspector',
    )
    const form = page.facts.forms.find((f) => f.action.pathname === '/saml-inspector')
    if (!form) throw new Error('no inspector form')
    const empty = await browser.submit(page, form, { message: ' ', at: '' })
    expect(empty.status).toBe(422)
    expect(empty.facts.text).toContain('Paste a SAML message')
    const badTime = await browser.submit(page, form, { message: '<x/>', at: 'yesterday-ish' })
    expect(badTime.status).toBe(422)
    expect(badTime.facts.text).toContain('is not a time I can read')
    const noCsrf = await browser.submit(page, form, { message: '<x/>', at: '', csrfToken: 'forged' })
    expect(noCsrf.status).toBe(403)
    expect(csrfTokenOf(page)).not.toBe('forged')
    const huge = await browser.submit(page, form, { message: 'A'.repeat(1024 * 1024 + 10), at: '' })
    expect(huge.status).toBe(413)
    expect(huge.body).toContain('1 MB')
  })
})

describe('Sign-in logs > Trace tab', () => {
  it('shows the steps of a SAML sign-in and downloads its HAR without the admin password', async () => {
    const idp = await createTestIdp()
    await setUpSamlApp(idp)
    const user = idp.browser()
    await signIn({
      startUrl: redirectUrl(idp, authnRequestXml()),
      username: 'admin@contoso.com',
      password: idp.adminPassword,
      browser: user,
    })
    const record = idp.services.signInLog.list().find((r) => idp.services.traces.traceOfSignIn(r.id).ok)
    if (!record) throw new Error('no traced sign-in')
    const browser = idp.browser()
    const tab = await signInToConsole(
      idp,
      browser,
      { login: 'admin@contoso.com', password: idp.adminPassword },
      `/monitoring/sign-ins?pane=details&id=${record.id}&tab=trace`,
    )
    expect(tab.status).toBe(200)
    expect(tab.facts.text).toContain('Trace')
    expect(tab.facts.text).toContain('AuthnRequest received')
    expect(tab.body).toContain(`/monitoring/sign-ins/${record.id}/trace.har`)
    const har = await browser.open(`${idp.url}/monitoring/sign-ins/${record.id}/trace.har`)
    expect(har.status).toBe(200)
    expect(har.contentType).toContain('application/json')
    const parsed = JSON.parse(har.body) as { log: { version: string; entries: unknown[] } }
    expect(parsed.log.version).toBe('1.2')
    expect(parsed.log.entries.length).toBeGreaterThan(0)
    expect(har.body).not.toContain(idp.adminPassword)
    const missing = await browser.open(`${idp.url}/monitoring/sign-ins/nope/trace.har`)
    expect(missing.status).toBe(404)
  })
})
