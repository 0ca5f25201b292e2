import { describe, expect, it } from 'vitest'
import { adminCredentialsOf, signedInConsole } from '../../test-support/console-client'
import { createTestSp, enableSsoWith } from '../../test-support/harness'
import { createIdpSide } from '../../test-support/idp-side'

describe('Troubleshooting > Sign-in log', () => {
  it('lists a refused sign-in with its code, newest first, and shows the checks in its details', async () => {
    const sp = await createTestSp()
    const idp = await createIdpSide(sp.runtime, sp.entity())
    await enableSsoWith(sp, idp)
    const started = await sp.startSignIn()
    await sp.postToAcs(
      idp.response({ inResponseTo: started.requestId, audience: 'https://wrong.example/' }),
      {
        browser: started.browser,
      },
    )
    const browser = await signedInConsole(sp)
    const log = await (await browser.get('/admin/troubleshooting')).text()
    expect(log).toContain('Failure')
    const attempt = sp.services.signIn.attempts().at(-1)
    expect(attempt?.code).toBeTruthy()
    expect(log).toContain(attempt?.code as string)
    const details = await (await browser.get(`/admin/troubleshooting/sign-ins/${attempt?.id}`)).text()
    expect(details).toContain('Checks the SP made')
    expect(details).toContain('<tr class="failed">')
  })
})

describe('Troubleshooting > Sign-in log > Trace', () => {
  it("shows an attempt's trace steps and downloads its HAR without the admin password", async () => {
    const sp = await createTestSp()
    const idp = await createIdpSide(sp.runtime, sp.entity())
    await enableSsoWith(sp, idp)
    const started = await sp.startSignIn()
    await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), { browser: started.browser })
    const browser = await signedInConsole(sp)
    const attempt = sp.services.signIn.attempts().at(-1)
    if (!attempt?.traceId) throw new Error('the attempt names no trace')
    const details = await (await browser.get(`/admin/troubleshooting/sign-ins/${attempt.id}`)).text()
    expect(details).toContain('id="attempt-trace"')
    expect(details).toContain(attempt.traceId)
    expect(details).toContain('User match')
    expect(details).toContain(`/admin/troubleshooting/sign-ins/${attempt.id}/trace.har`)
    const download = await browser.get(`/admin/troubleshooting/sign-ins/${attempt.id}/trace.har`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toContain('attachment')
    const body = await download.text()
    const har = JSON.parse(body) as { log: { version: string; entries: unknown[] } }
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries.length).toBeGreaterThan(0)
    expect(body).not.toContain(adminCredentialsOf(sp).password)
    expect((await browser.get('/admin/troubleshooting/sign-ins/nope/trace.har')).status).toBe(404)
  })
})
