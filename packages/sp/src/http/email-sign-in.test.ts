import { fixedClock, offsetClock } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { createTestSp, enableSsoWith, type TestSp } from '../test-support/harness'
import { createIdpSide, TEST_IDP_SSO_URL } from '../test-support/idp-side'

const T0 = Date.parse('2026-03-01T10:00:00Z')

function postEmail(sp: TestSp, email: string) {
  return sp.app.request('/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }).toString(),
  })
}

async function enabledSp() {
  const sp = await createTestSp({ clock: offsetClock(fixedClock(T0)) })
  const idp = await createIdpSide(sp.runtime, sp.entity())
  await enableSsoWith(sp, idp)
  await sp.services.users.add({ firstName: 'B.', lastName: 'Simon', email: 'b.simon@contoso.com' })
  return sp
}

describe('the email-first Webex sign-in', () => {
  it('shows "Enter your email address" at /, its form allowed to lead to the enabled IdP only', async () => {
    const sp = await createTestSp({ clock: offsetClock(fixedClock(T0)) })
    const before = await sp.app.request('/')
    expect(before.status).toBe(200)
    const html = await before.text()
    expect(html).toContain('Enter your email address')
    expect(html).toContain('<form method="post" action="/"')
    expect(before.headers.get('content-security-policy')).toContain("form-action 'self'")
    expect(before.headers.get('content-security-policy')).not.toContain(new URL(TEST_IDP_SSO_URL).origin)
    const idp = await createIdpSide(sp.runtime, sp.entity())
    await enableSsoWith(sp, idp)
    const after = await sp.app.request('/')
    expect(after.headers.get('content-security-policy')).toContain(new URL(TEST_IDP_SSO_URL).origin)
  })

  it('sends a known user of an SSO org to the IdP with an AuthnRequest and the address as login_hint', async () => {
    const sp = await enabledSp()
    const answer = await postEmail(sp, ' B.Simon@Contoso.com ')
    expect(answer.status).toBe(302)
    const location = new URL(answer.headers.get('location') ?? '')
    expect(`${location.origin}${location.pathname}`).toBe(TEST_IDP_SSO_URL)
    expect(location.searchParams.get('SAMLRequest')).toBeTruthy()
    expect(location.searchParams.get('login_hint')).toBe('b.simon@contoso.com')
    expect(answer.headers.getSetCookie().some((c) => c.startsWith('webex_sandbox_browser='))).toBe(true)
  })

  it('says so, keeping what was typed, for an unknown address, a malformed one, and an org without SSO', async () => {
    const sp = await enabledSp()
    const unknown = await postEmail(sp, 'nobody@contoso.com')
    expect(unknown.status).toBe(404)
    const unknownHtml = await unknown.text()
    expect(unknownHtml).toContain('Webex has no user with the email address nobody@contoso.com')
    expect(unknownHtml).toContain('value="nobody@contoso.com"')
    const malformed = await postEmail(sp, '<b>not-an-email')
    expect(malformed.status).toBe(400)
    const malformedHtml = await malformed.text()
    expect(malformedHtml).toContain('Enter a valid email address')
    expect(malformedHtml).not.toContain('<b>not-an-email')
    await sp.api('POST', '/api/v1/sso/disable')
    const noSso = await postEmail(sp, 'b.simon@contoso.com')
    expect(noSso.status).toBe(400)
    expect(await noSso.text()).toContain('Your organization does not use single sign-on yet')
  })
})
