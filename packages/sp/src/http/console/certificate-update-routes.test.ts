import { describe, expect, it } from 'vitest'
import { signedInConsole } from '../../test-support/console-client'
import { createTestSp, enableSsoWith, type TestSp } from '../../test-support/harness'
import { createIdpSide, type IdpSide } from '../../test-support/idp-side'

const SWITCH = '/admin/settings/authentication/switch-metadata'

/** Runs Test SSO Update (the card's link) with a Response from `idp`, as the new tab would. */
async function testUpdate(sp: TestSp, browser: Awaited<ReturnType<typeof signedInConsole>>, idp: IdpSide) {
  const link = await browser.get(
    `/admin/settings/authentication/sso/test-connection?csrf_token=${encodeURIComponent(browser.csrfToken())}`,
  )
  expect(link.status).toBe(303)
  const started = await sp.startSignIn({ path: link.headers.get('location') ?? '' })
  const page = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
    browser: started.browser,
  })
  return page.status
}

const thumbprintOf = (sp: TestSp) =>
  sp.services.sso.status().active?.signingCertificates[0]?.thumbprint ?? 'none'

describe('Organization Settings > Authentication > Update SSO Certificate', () => {
  it('imports new metadata while SSO stays on, tests it, and only then switches to it', async () => {
    const sp = await createTestSp()
    const old = await createIdpSide(sp.runtime, sp.entity(), { validityDays: 30 })
    await enableSsoWith(sp, old)
    const browser = await signedInConsole(sp)
    const warned = await (await browser.get('/admin/settings')).text()
    expect(warned).toContain('Update SSO Certificate')
    expect(warned).toMatch(/SSO certificate may expire in (29|30) days/)
    expect(warned).toMatch(/<button[^>]*disabled[^>]*>\s*Test SSO Update/)
    expect(warned).toMatch(/<button[^>]*disabled[^>]*>(<[^>]+>)*\s*Switch to new metadata/)
    const nothingNew = await browser.post(SWITCH, {})
    expect(nothingNew.status).toBe(409)
    expect(await nothingNew.text()).toContain('There is no new metadata to switch to')

    const renewed = await createIdpSide(sp.runtime, sp.entity(), { validityDays: 365 })
    const oldThumbprint = thumbprintOf(sp)
    const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: renewed.metadata(),
      trustMode: 'ca-signed',
    })
    expect(imported.status).toBe(200)
    expect(sp.services.sso.status().enabled).toBe(true)
    const waiting = await (await browser.get('/admin/settings')).text()
    expect(waiting).toContain('New metadata imported')
    expect(waiting).toContain('Not tested yet.')
    expect(waiting).toMatch(/<a[^>]*test-connection[^>]*target="_blank"[^>]*>(<[^>]+>)*\s*Test SSO Update/)
    const untested = await browser.post(SWITCH, {})
    expect(untested.status).toBe(409)
    expect(thumbprintOf(sp)).toBe(oldThumbprint)

    // A Response signed with the old key fails against the new certificate: still no switch.
    await testUpdate(sp, browser, old)
    expect(await (await browser.get('/admin/settings')).text()).toContain('Test failed')
    expect((await browser.post(SWITCH, {})).status).toBe(409)

    expect(await testUpdate(sp, browser, renewed)).toBe(200)
    const tested = await (await browser.get('/admin/settings')).text()
    expect(tested).toContain('Test passed')
    expect(tested).not.toMatch(/<button[^>]*disabled[^>]*>(<[^>]+>)*\s*Switch to new metadata/)
    const switched = await browser.post(SWITCH, {})
    expect(switched.status).toBe(303)
    expect(thumbprintOf(sp)).not.toBe(oldThumbprint)
    expect(sp.services.sso.status()).toMatchObject({ enabled: true, pending: null })
    const done = await (await browser.get('/admin/settings')).text()
    expect(done).toContain('Successfully switched to the new SSO metadata.')
    expect(done).not.toContain('Update SSO Certificate')
  })

  it('refuses Switch to new metadata without the session CSRF token', async () => {
    const sp = await createTestSp()
    const browser = await signedInConsole(sp)
    expect((await browser.post(SWITCH, { csrf_token: '' })).status).toBe(403)
  })
})
