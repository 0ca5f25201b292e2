import { fixedClock, NAMEID_FORMAT, offsetClock } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../http/cookies'
import { createTestSp, enableSsoWith, sessionCookieOf, type TestSp } from '../test-support/harness'
import { createIdpSide, type IdpSide, TEST_IDP_SSO_URL } from '../test-support/idp-side'

const T0 = Date.parse('2026-03-01T10:00:00Z')
const USER = 'b.simon@contoso.com'

async function spAndIdp(): Promise<{ sp: TestSp; idp: IdpSide }> {
  const sp = await createTestSp({ clock: offsetClock(fixedClock(T0)) })
  const idp = await createIdpSide(sp.runtime, sp.entity())
  return { sp, idp }
}

async function withUser(sp: TestSp, email = USER) {
  const added = await sp.services.users.add({ firstName: 'B.', lastName: 'Simon', email })
  if (!added.ok) throw new Error(added.error.code)
  return added.value
}

describe('the SSO wizard, step by step over HTTP', () => {
  it('downloads SP metadata, imports IdP metadata (CA-signed), tests, refuses early enable, enables, signs in', async () => {
    const { sp, idp } = await spAndIdp()
    // Before anything: the Sign-on URL says SSO is not set up, and enabling is refused.
    const early = await sp.app.request(`/idb/Consumer/metaAlias/${sp.orgId}/sp`)
    expect(early.status).toBe(400)
    expect(await early.text()).toContain('Single sign-on is not set up for this organization.')
    expect((await sp.api('POST', '/api/v1/sso/enable')).json.error.code).toBe('SSO_NO_IDP_METADATA')
    expect((await sp.api('POST', '/api/v1/sso/test')).json.error.code).toBe('SSO_NO_IDP_METADATA')

    // 1. Download Metadata File.
    const spMetadata = await sp.app.request('/api/v1/sso/sp-metadata', {
      headers: { authorization: `Bearer ${sp.store.read().adminApiToken}` },
    })
    expect(spMetadata.headers.get('content-disposition')).toContain(`idb-meta-${sp.orgId}-SP.xml`)
    expect(await spMetadata.text()).toContain('WantAssertionsSigned="true"')

    // 2. Import the IdP metadata: it becomes the pending configuration.
    const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata({ chain: true }),
      trustMode: 'ca-signed',
    })
    expect(imported.status).toBe(200)
    expect(imported.json).toMatchObject({ enabled: false, active: null })
    expect(imported.json.pending).toMatchObject({ idpEntityId: idp.entityId, trustMode: 'ca-signed' })
    expect((await sp.api('GET', '/api/v1/sso/test/result')).json).toEqual({ status: 'not-run' })
    const refused = await sp.api('POST', '/api/v1/sso/enable')
    expect(refused.status).toBe(409)
    expect(refused.json.error.code).toBe('SSO_TEST_REQUIRED')

    // 3. Test SSO Connection: an SP-initiated sign-in against the pending configuration.
    const test = await sp.api('POST', '/api/v1/sso/test')
    expect(test.status).toBe(201)
    const started = await sp.startSignIn({ path: new URL(test.json.url).pathname })
    expect(started.xml).toContain(`Destination="${TEST_IDP_SSO_URL}"`)
    expect(started.xml).toContain(`AssertionConsumerServiceURL="${sp.entity().acsUrl}"`)
    expect(started.xml).toContain(`>${sp.entity().entityId}</saml:Issuer>`)
    const page = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
      browser: started.browser,
    })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('This test was successful.')
    expect(html).toContain(USER)
    expect(html).toContain('2026-03-01T10:00:00.000Z') // IssueInstant and the Webex clock
    expect(html).toContain('Second opinion')
    expect(sessionCookieOf(page)).toBeNull()
    const result = await sp.api('GET', '/api/v1/sso/test/result')
    expect(result.json).toMatchObject({ status: 'passed', code: null, nameId: USER })
    expect(result.json.attributes.uid).toEqual([USER])
    expect(result.json.timing).toEqual({
      issueInstant: '2026-03-01T10:00:00.000Z',
      notBefore: '2026-03-01T09:55:00.000Z',
      notOnOrAfter: '2026-03-01T11:00:00.000Z',
    })
    expect(result.json.certificate).toContain('Microsoft Azure Federated SSO Certificate')
    // The test link is one-use.
    expect((await sp.app.request(new URL(test.json.url).pathname)).status).toBe(410)

    // 4. Enable: pending becomes active.
    const enabled = await sp.api('POST', '/api/v1/sso/enable')
    expect(enabled.status).toBe(200)
    expect(enabled.json).toMatchObject({ enabled: true, pending: null })
    expect(enabled.json.active.idpEntityId).toBe(idp.entityId)

    // Sign in with RelayState, as the user.
    await withUser(sp)
    const signIn = await sp.startSignIn({
      path: `/idb/Consumer/metaAlias/${sp.orgId}/sp?RelayState=${encodeURIComponent('/webex/home?x=1')}`,
    })
    expect(signIn.relayState).toBe('/webex/home?x=1')
    const acs = await sp.postToAcs(idp.response({ inResponseTo: signIn.requestId }), {
      browser: signIn.browser,
      relayState: signIn.relayState,
    })
    expect(acs.status).toBe(303)
    expect(acs.headers.get('location')).toBe('/webex/home?x=1')
    const cookie = sessionCookieOf(acs) as string
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`))
    const home = await sp.app.request('/webex/home', { headers: { cookie } })
    expect(await home.text()).toContain(USER)
    const session = await sp.app.request('/api/v1/session', { headers: { cookie } })
    const described = (await session.json()) as Record<string, unknown> & {
      checks: { name: string; passed: boolean }[]
    }
    expect(described).toMatchObject({ user: { userName: USER }, nameId: USER, issuer: idp.entityId })
    expect(described.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'Assertion signature',
        'Certificate trust',
        'Audience',
        'InResponseTo',
        'Webex user',
      ]),
    )
    expect(described.checks.every((c) => c.passed)).toBe(true)
    expect(described).not.toHaveProperty('id')
    const log = await sp.api('GET', '/api/v1/sign-ins')
    expect(
      log.json.attempts.map((a: { outcome: string; purpose: string }) => `${a.purpose}:${a.outcome}`),
    ).toEqual(['test:success', 'sign-in:success'])
  })

  it('records a failed test with the failed check and what the IdP sent, and refuses to enable after it', async () => {
    const { sp, idp } = await spAndIdp()
    await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata({ chain: true }),
      trustMode: 'ca-signed',
    })
    const test = await sp.api('POST', '/api/v1/sso/test')
    const started = await sp.startSignIn({ path: new URL(test.json.url).pathname })
    const page = await sp.postToAcs(
      idp.response({ inResponseTo: started.requestId, audience: 'https://idbroker.webex.com/wrong' }),
      { browser: started.browser },
    )
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('SSO_AUDIENCE_MISMATCH')
    const result = await sp.api('GET', '/api/v1/sso/test/result')
    expect(result.json).toMatchObject({ status: 'failed', code: 'SSO_AUDIENCE_MISMATCH', nameId: USER })
    const refused = await sp.api('POST', '/api/v1/sso/enable')
    expect(refused.status).toBe(409)
    expect(refused.json.error.message).toContain(
      'The last Test SSO Connection failed (SSO_AUDIENCE_MISMATCH)',
    )
    expect(sp.store.read().sso.enabled).toBe(false)
  })

  it('replacing the IdP metadata resets the test result, so enabling needs a new test', async () => {
    const { sp, idp } = await spAndIdp()
    await enableSsoWith(sp, idp)
    const other = await createIdpSide(sp.runtime, sp.entity())
    const replaced = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: other.metadata({ chain: true }),
      trustMode: 'ca-signed',
    })
    expect(replaced.status).toBe(200)
    expect(replaced.json.enabled).toBe(true)
    expect((await sp.api('GET', '/api/v1/sso/test/result')).json).toEqual({ status: 'not-run' })
    expect((await sp.api('POST', '/api/v1/sso/enable')).json.error.code).toBe('SSO_TEST_REQUIRED')
    // Sign-in keeps using the active configuration meanwhile.
    await withUser(sp)
    const signIn = await sp.startSignIn()
    const acs = await sp.postToAcs(idp.response({ inResponseTo: signIn.requestId }), {
      browser: signIn.browser,
    })
    expect(acs.status).toBe(303)
  })

  it('disables SSO: the Sign-on URL says so, the ACS refuses, and the configuration can be enabled again', async () => {
    const { sp, idp } = await spAndIdp()
    await enableSsoWith(sp, idp)
    const disabled = await sp.api('POST', '/api/v1/sso/disable')
    expect(disabled.json).toMatchObject({ enabled: false, active: null })
    expect(disabled.json.pending.idpEntityId).toBe(idp.entityId)
    expect((await sp.app.request(`/idb/Consumer/metaAlias/${sp.orgId}/sp`)).status).toBe(400)
    const acs = await sp.postToAcs(idp.response())
    expect(acs.status).toBe(403)
    expect(await acs.text()).toContain('SSO_NOT_ENABLED')
    expect((await sp.api('POST', '/api/v1/sso/enable')).status).toBe(200)
    expect(sp.store.read().sso.enabled).toBe(true)
  })
})

describe('sign-in options', () => {
  it('signs the AuthnRequest when asked, and sends it over POST when configured', async () => {
    const { sp, idp } = await spAndIdp()
    await enableSsoWith(sp, idp)
    expect((await sp.startSignIn()).signed).toBe(false)
    await sp.api('PATCH', '/api/v1/sso/settings', { signAuthnRequests: true })
    expect((await sp.startSignIn()).signed).toBe(true)
    expect(await (await sp.api('GET', '/api/v1/sso/sp-metadata')).json).toContain(
      'AuthnRequestsSigned="true"',
    )
    await sp.api('PATCH', '/api/v1/sso/settings', { authnRequestBinding: 'post' })
    const page = await sp.app.request(`/idb/Consumer/metaAlias/${sp.orgId}/sp`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`action="${TEST_IDP_SSO_URL}"`)
    expect(html).toContain('name="SAMLRequest"')
    expect(page.headers.get('content-security-policy')).toContain('form-action')
  })

  it('finds the user by the uid attribute, case-insensitively, or by NameID when configured', async () => {
    const { sp, idp } = await spAndIdp()
    await enableSsoWith(sp, idp)
    await withUser(sp, 'B.Simon@Contoso.com')
    let started = await sp.startSignIn()
    const byUid = await sp.postToAcs(
      idp.response({
        inResponseTo: started.requestId,
        nameId: 'opaque-id',
        nameIdFormat: NAMEID_FORMAT.unspecified,
        attributes: { uid: USER },
      }),
      { browser: started.browser },
    )
    expect(byUid.status).toBe(303)
    await sp.api('PATCH', '/api/v1/sso/settings', { matchUserBy: 'nameid' })
    started = await sp.startSignIn()
    const byNameId = await sp.postToAcs(
      idp.response({ inResponseTo: started.requestId, attributes: { uid: 'someone@else.com' } }),
      { browser: started.browser },
    )
    expect(byNameId.status).toBe(303)
  })

  it('refuses an unknown, a deactivated and a uid-less user with Webex-style errors, creating nothing', async () => {
    const { sp, idp } = await spAndIdp()
    await enableSsoWith(sp, idp)
    const cases: [() => Promise<void>, Record<string, string> | undefined, string][] = [
      [async () => undefined, undefined, 'SSO_USER_NOT_FOUND'],
      [async () => undefined, { email: USER }, 'SSO_UID_MISSING'],
      [
        async () => {
          const user = await withUser(sp)
          await sp.services.users.deactivate(user.id)
        },
        undefined,
        'SSO_USER_INACTIVE',
      ],
    ]
    for (const [arrange, attributes, code] of cases) {
      await arrange()
      const before = sp.store.read()
      const started = await sp.startSignIn()
      const acs = await sp.postToAcs(idp.response({ inResponseTo: started.requestId, attributes }), {
        browser: started.browser,
      })
      expect(acs.status).toBe(403)
      const html = await acs.text()
      expect(html).toContain(code)
      expect(sessionCookieOf(acs)).toBeNull()
      expect(sp.store.read()).toBe(before)
    }
  })

  it('names the attributes that arrived when uid is missing, and says how any IdP sends uid', async () => {
    const { sp, idp } = await spAndIdp()
    await enableSsoWith(sp, idp)
    await withUser(sp)
    const started = await sp.startSignIn()
    // pysaml2's default release of uid and mail: OID names under the URI name format.
    const acs = await sp.postToAcs(
      idp.response({
        inResponseTo: started.requestId,
        attributes: { 'urn:oid:0.9.2342.19200300.100.1.1': USER, 'urn:oid:0.9.2342.19200300.100.1.3': USER },
      }),
      { browser: started.browser },
    )
    expect(acs.status).toBe(403)
    const html = await acs.text()
    expect(html).toContain('SSO_UID_MISSING')
    expect(html).toContain('urn:oid:0.9.2342.19200300.100.1.1, urn:oid:0.9.2342.19200300.100.1.3')
    expect(html).toContain('is uid under its OID name')
    const logged = (await sp.api('GET', '/api/v1/sign-ins')).json.attempts.at(-1)
    expect(logged).toMatchObject({ outcome: 'failure', code: 'SSO_UID_MISSING' })
    expect(logged.message).toContain('urn:oid:0.9.2342.19200300.100.1.1')
    for (const words of ['Other IdPs', 'pysaml2', 'Attributes &amp; Claims', 'matchUserBy']) {
      expect(html).toContain(words)
    }

    const bare = await sp.startSignIn()
    const none = await sp.postToAcs(idp.response({ inResponseTo: bare.requestId, attributes: {} }), {
      browser: bare.browser,
    })
    expect(await none.text()).toContain('it carried no attributes at all')
  })

  it('creates the user just in time when JIT is on', async () => {
    const { sp, idp } = await spAndIdp()
    await enableSsoWith(sp, idp)
    await sp.api('PATCH', '/api/v1/sso/settings', { justInTimeProvisioning: true })
    const started = await sp.startSignIn()
    const acs = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
      browser: started.browser,
    })
    expect(acs.status).toBe(303)
    expect(sp.services.users.findSignInUser(USER)).toMatchObject({
      source: 'jit',
      givenName: 'B.',
      familyName: 'Simon',
    })
  })

  it('accepts IdP-initiated sign-in (My Apps) by default and refuses it when turned off', async () => {
    const { sp, idp } = await spAndIdp()
    await enableSsoWith(sp, idp)
    await withUser(sp)
    const unsolicited = await sp.postToAcs(idp.response(), { relayState: 'https://evil.example/' })
    expect(unsolicited.status).toBe(303)
    expect(unsolicited.headers.get('location')).toBe('/webex/home')
    await sp.api('PATCH', '/api/v1/sso/settings', { allowIdpInitiated: false })
    const refused = await sp.postToAcs(idp.response())
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('SSO_UNSOLICITED_RESPONSE')
  })

  it('accepts a signed Response over an unsigned assertion only when requireAssertionSignature is off', async () => {
    const { sp, idp } = await spAndIdp()
    await enableSsoWith(sp, idp)
    await withUser(sp)
    const responseOnly = () => idp.response({ signAssertion: false, signResponse: true })
    const refused = await sp.postToAcs(responseOnly())
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('SSO_ASSERTION_UNSIGNED')
    await sp.api('PATCH', '/api/v1/sso/settings', { requireAssertionSignature: false })
    expect((await sp.postToAcs(responseOnly())).status).toBe(303)
    // Still refused when nothing is signed at all.
    const unsigned = await sp.postToAcs(idp.response({ signAssertion: false }))
    expect(await unsigned.text()).toContain('SSO_ASSERTION_UNSIGNED')
  })
})

describe('samlify as a second opinion in Test SSO Connection', () => {
  // samlify reads the wall clock, so these tests run the SP on the wall clock too.
  async function testOnce(sp: TestSp, xmlFor: (requestId: string) => string) {
    const test = await sp.api('POST', '/api/v1/sso/test')
    const started = await sp.startSignIn({ path: new URL(test.json.url).pathname })
    await sp.postToAcs(xmlFor(started.requestId), { browser: started.browser })
    return (await sp.api('GET', '/api/v1/sso/test/result')).json
  }

  it('agrees with an accepted Response and with a forged one, and says when it disagrees', async () => {
    const sp = await createTestSp()
    const idp = await createIdpSide(sp.runtime, sp.entity())
    const forger = await createIdpSide(sp.runtime, sp.entity(), { certificate: 'self-signed' })
    await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata({ chain: true }),
      trustMode: 'ca-signed',
    })

    const accepted = await testOnce(sp, (id) => idp.response({ inResponseTo: id }))
    expect(accepted).toMatchObject({ status: 'passed', samlifyAgrees: true })
    expect(accepted.samlifyDetail).toContain('samlify accepts it')

    const forged = await testOnce(sp, (id) =>
      idp.response({ inResponseTo: id, signer: { key: forger.key, certificatePem: forger.certificatePem } }),
    )
    expect(forged).toMatchObject({
      status: 'failed',
      code: 'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
      samlifyAgrees: true,
    })
    expect(forged.samlifyDetail).toContain('samlify refuses it')

    // samlify's stock flow does not compare the Audience with the SP entityID: the sandbox does.
    const elsewhere = await testOnce(sp, (id) =>
      idp.response({ inResponseTo: id, audience: 'https://idbroker.webex.com/another-org' }),
    )
    expect(elsewhere).toMatchObject({ status: 'failed', code: 'SSO_AUDIENCE_MISMATCH', samlifyAgrees: false })
    expect(elsewhere.samlifyDetail).toContain('samlify accepts it')
  })
})
