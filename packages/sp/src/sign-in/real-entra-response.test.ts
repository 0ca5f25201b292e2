import { fixedClock, LOOPBACK_SOURCE, ok } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import {
  readRealFixture,
  TERCEN_CERTIFICATE,
  TERCEN_RESPONSE,
  WIREAPP_METADATA,
} from '../../../../test/support/real-fixtures'
import { BROWSER_COOKIE, SESSION_COOKIE } from '../http/cookies'
import { createTestSp, type TestSp } from '../test-support/harness'

// What the real 2022 Entra response (tercen) was issued for.
const TERCEN_ACS = 'https://devpg.tercen.com/_service/sso/auth/saml'
const TERCEN_ISSUER = 'https://sts.windows.net/5b5c94c6-14cf-42da-85bc-4e08722b253b/'
const TERCEN_REQUEST_ID = 'id6491e192-e2d9-4970-ab03-e38ffda6e033'
const TERCEN_USER = 'test@alexandremaurelgmail.onmicrosoft.com'
const INSIDE_VALIDITY = Date.parse('2022-02-23T17:50:00Z')
const BROWSER = 'browser-aaaaaaaaaaaaaaaaaaaaaaaa'

function tercenIdpMetadata(): string {
  const base64 = readRealFixture(TERCEN_CERTIFICATE).replace(/-----[^-]+-----|\s/g, '')
  return `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${TERCEN_ISSUER}"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${base64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://login.microsoftonline.com/5b5c94c6-14cf-42da-85bc-4e08722b253b/saml2"/></IDPSSODescriptor></EntityDescriptor>`
}

/** An SP configured as the one the real response was issued to, in the less secure mode. */
async function tercenSp(): Promise<TestSp> {
  const sp = await createTestSp({ clock: fixedClock(INSIDE_VALIDITY) })
  const settings = await sp.api('PATCH', '/api/v1/sso/settings', {
    entityId: TERCEN_ACS,
    acsUrl: TERCEN_ACS,
    matchUserBy: 'nameid',
  })
  expect(settings.status).toBe(200)
  const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
    xml: tercenIdpMetadata(),
    trustMode: 'self-signed-allowed',
  })
  expect(imported.status).toBe(200)
  return sp
}

/** Registers the AuthnRequest the real response answers, as this browser's (a captured flow replayed). */
function expectResponseTo(sp: TestSp, purpose: 'sign-in' | 'test') {
  const state = sp.store.read()
  const config = purpose === 'test' ? state.sso.pending : state.sso.active
  sp.memory.addPending({
    requestId: TERCEN_REQUEST_ID,
    browserId: BROWSER,
    source: LOOPBACK_SOURCE,
    relayState: undefined,
    purpose,
    idpTrustId: config?.id ?? '',
  })
}

function postToAcs(sp: TestSp, xml: string) {
  return sp.app.request(`/idb/Consumer/metaAlias/${sp.store.read().organization.id}/sp`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${BROWSER_COOKIE}=${BROWSER}` },
    body: new URLSearchParams({ SAMLResponse: Buffer.from(xml).toString('base64') }).toString(),
  })
}

async function enableWith(sp: TestSp) {
  await sp.store.update((draft) => {
    draft.sso.active = draft.sso.pending
    draft.sso.pending = null
    draft.sso.enabled = true
    return ok(true)
  })
}

describe('the real Entra response (tercen, 2022)', () => {
  it('passes Test SSO Connection, and samlify agrees', async () => {
    const sp = await tercenSp()
    expectResponseTo(sp, 'test')
    const page = await postToAcs(sp, readRealFixture(TERCEN_RESPONSE))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('This test was successful.')
    const result = await sp.api('GET', '/api/v1/sso/test/result')
    expect(result.json).toMatchObject({ status: 'passed', nameId: TERCEN_USER })
    expect(result.json.certificate).toContain('51C2D601242429AFD1F23C23C5D7AF1AC50604F1')
    expect((await sp.api('POST', '/api/v1/sso/enable')).status).toBe(200)
  })

  it('signs the user in once SSO is enabled, with every check recorded', async () => {
    const sp = await tercenSp()
    await enableWith(sp)
    expect(
      (await sp.services.users.add({ firstName: 'Test', lastName: 'User', email: TERCEN_USER })).ok,
    ).toBe(true)
    expectResponseTo(sp, 'sign-in')
    const response = await postToAcs(sp, readRealFixture(TERCEN_RESPONSE))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/webex/home')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{40,};`))
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    const session = await sp.app.request('/api/v1/session', {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    })
    const body = (await session.json()) as { user: { userName: string }; checks: { passed: boolean }[] }
    expect(body.user.userName).toBe(TERCEN_USER)
    expect(body.checks.length).toBeGreaterThan(10)
    expect(body.checks.every((c) => c.passed)).toBe(true)
  })

  it('is refused once a single byte changes, and nothing is created', async () => {
    const sp = await tercenSp()
    await enableWith(sp)
    await sp.services.users.add({ firstName: 'Test', lastName: 'User', email: TERCEN_USER })
    expectResponseTo(sp, 'sign-in')
    const original = readRealFixture(TERCEN_RESPONSE)
    const tampered = original.replace('>test<', '>tEst<')
    expect(tampered).not.toBe(original)
    const before = sp.store.read()
    const response = await postToAcs(sp, tampered)
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie') ?? '').not.toContain(SESSION_COOKIE)
    expect(await response.text()).toContain('SSO_INVALID_SIGNATURE')
    expect(sp.store.read()).toBe(before)
    // The refused Response did not consume the pending request: the genuine one still works.
    expect((await postToAcs(sp, original)).status).toBe(303)
  })

  it('is refused when the SP clock is past its validity window (SAML Assertion Expired)', async () => {
    const sp = await tercenSp()
    await enableWith(sp)
    await sp.services.users.add({ firstName: 'Test', lastName: 'User', email: TERCEN_USER })
    const late = await createTestSp({ clock: fixedClock(Date.parse('2022-02-23T19:00:00Z')) })
    await late.store.replace(sp.store.read() as never)
    expectResponseTo(late, 'sign-in')
    const response = await postToAcs(late, readRealFixture(TERCEN_RESPONSE))
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('SSO_ASSERTION_EXPIRED')
  })
})

describe('the SSO wizard', () => {
  it('refuses to enable SSO before a successful test', async () => {
    const sp = await tercenSp()
    const refused = await sp.api('POST', '/api/v1/sso/enable')
    expect(refused.status).toBe(409)
    expect(refused.json.error).toMatchObject({ code: 'SSO_TEST_REQUIRED' })
    expect(refused.json.error.fix).toContain('Test SSO Connection')
    expect(sp.store.read().sso.enabled).toBe(false)
  })

  it('refuses a self-signed IdP certificate under "Require certificate signed by a CA", naming it, storing nothing', async () => {
    const sp = await createTestSp({ clock: fixedClock(INSIDE_VALIDITY) })
    const before = sp.store.read()
    const refused = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: tercenIdpMetadata(),
      trustMode: 'ca-signed',
    })
    expect(refused.status).toBe(400)
    expect(refused.json.error.code).toBe('CERT_SELF_SIGNED')
    expect(refused.json.error.message).toContain('Microsoft Azure Federated SSO Certificate')
    expect(refused.json.error.message).toContain('51C2D601242429AFD1F23C23C5D7AF1AC50604F1')
    expect(sp.store.read()).toBe(before)
  })

  it('imports real Entra tenant metadata (BOM-free default namespace, RoleDescriptors, two signing keys)', async () => {
    const sp = await createTestSp({ clock: fixedClock(Date.parse('2018-06-01T00:00:00Z')) })
    const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: `\uFEFF${readRealFixture(WIREAPP_METADATA)}`,
      trustMode: 'self-signed-allowed',
    })
    expect(imported.status).toBe(200)
    expect(imported.json.pending.signingCertificates).toHaveLength(2)
    expect(imported.json.pending.idpEntityId).toMatch(/^https:\/\/sts\.windows\.net\//)
  })

  it('serves the SP metadata with signing and encryption keys, three NameID formats and the ACS', async () => {
    const sp = await createTestSp()
    const metadata = await sp.api('GET', '/api/v1/sso/sp-metadata')
    expect(metadata.status).toBe(200)
    const xml = metadata.json as string
    expect(xml).toContain(`entityID="https://idbroker.webex.com/${sp.orgId}"`)
    expect(xml.match(/<md:KeyDescriptor use="(signing|encryption)"/g)).toHaveLength(2)
    expect(xml.match(/<md:NameIDFormat>/g)).toHaveLength(3)
    expect(xml).toContain(`Location="${sp.url}/idb/Consumer/metaAlias/${sp.orgId}/sp"`)
  })

  it('needs the admin token, and never reads it from the query string', async () => {
    const sp = await createTestSp()
    const token = sp.store.read().adminApiToken
    expect((await sp.app.request('/api/v1/sso')).status).toBe(401)
    expect((await sp.app.request(`/api/v1/sso?access_token=${token}`)).status).toBe(401)
    const wrong = await sp.app.request('/api/v1/sso', { headers: { authorization: `Bearer ${token}x` } })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer')
  })

  it('names unknown fields in a settings body and changes nothing', async () => {
    const sp = await createTestSp()
    const before = sp.store.read()
    const refused = await sp.api('PATCH', '/api/v1/sso/settings', { clockSkew: 5 })
    expect(refused.status).toBe(400)
    expect(refused.json.error.message).toContain('clockSkew')
    expect(sp.store.read()).toBe(before)
  })
})
