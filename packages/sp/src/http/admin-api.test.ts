import { certificateToDer, fixedClock, offsetClock } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { signedInConsole } from '../test-support/console-client'
import { createTestSp, enableSsoWith } from '../test-support/harness'
import { createIdpSide } from '../test-support/idp-side'

const T0 = Date.parse('2026-03-01T10:00:00Z')

describe('Control Hub API: organization and settings', () => {
  it('renames the organization, refusing an empty name and unknown fields', async () => {
    const sp = await createTestSp()
    const renamed = await sp.api('PATCH', '/api/v1/org', { name: '  Fabrikam  ' })
    expect(renamed.status).toBe(200)
    expect(renamed.json).toMatchObject({ name: 'Fabrikam', orgId: sp.orgId })
    expect((await sp.api('PATCH', '/api/v1/org', { name: ' ' })).json.error.code).toBe('SETTINGS_INVALID')
    const unknown = await sp.api('PATCH', '/api/v1/org', { name: 'X', id: 'y' })
    expect(unknown.status).toBe(400)
    expect(unknown.json.error.message).toContain('id')
    const overview = await (await signedInConsole(sp)).get('/admin')
    expect(overview.status).toBe(200)
    expect(await overview.text()).toContain('Fabrikam')
  })

  it('validates settings fields, naming the wrong one', async () => {
    const sp = await createTestSp()
    const before = sp.store.read()
    for (const [body, field] of [
      [{ clockSkewSeconds: 601 }, 'clockSkewSeconds'],
      [{ clockSkewSeconds: 1.5 }, 'clockSkewSeconds'],
      [{ authnRequestBinding: 'artifact' }, 'authnRequestBinding'],
      [{ matchUserBy: 'phone' }, 'matchUserBy'],
      [{ acsUrl: 'not a url' }, 'acsUrl'],
      [{ allowSha1: 'yes' }, 'allowSha1'],
    ] as const) {
      const refused = await sp.api('PATCH', '/api/v1/sso/settings', body)
      expect(refused.status).toBe(400)
      expect(refused.json.error.message).toContain(field)
    }
    const spaced = await sp.api('PATCH', '/api/v1/sso/settings', { entityId: 'has a space' })
    expect(spaced.json.error.code).toBe('SETTINGS_INVALID')
    expect(sp.store.read()).toBe(before)
    const defaults = (await sp.api('GET', '/api/v1/sso')).json.settings
    expect(defaults).toMatchObject({
      clockSkewSeconds: 180,
      authnRequestBinding: 'redirect',
      matchUserBy: 'uid',
      justInTimeProvisioning: false,
      allowSha1: false,
      requireAssertionSignature: true,
      allowIdpInitiated: true,
    })
  })

  it('answers bad JSON, an oversized body and a bad trustMode with JSON errors', async () => {
    const sp = await createTestSp()
    const token = sp.store.read().adminApiToken
    const badJson = await sp.app.request('/api/v1/sso/settings', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"allowSha1": tru',
    })
    expect(badJson.status).toBe(400)
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBe('INVALID_JSON')
    const huge = await sp.app.request('/api/v1/sso/idp-metadata?trustMode=ca-signed', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: `<x>${'a'.repeat(1_100_000)}</x>`,
    })
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('BODY_TOO_LARGE')
    const badMode = await sp.api('POST', '/api/v1/sso/idp-metadata?trustMode=trust-all', '<x/>')
    expect(badMode.status).toBe(400)
    expect(badMode.json.error.message).toContain('trustMode')
  })

  it('imports raw XML with ?trustMode=', async () => {
    const sp = await createTestSp({ clock: offsetClock(fixedClock(T0)) })
    const idp = await createIdpSide(sp.runtime, sp.entity())
    const imported = await sp.api(
      'POST',
      '/api/v1/sso/idp-metadata?trustMode=ca-signed',
      idp.metadata({ chain: true }),
    )
    expect(imported.status).toBe(200)
    expect(imported.json.pending.trustMode).toBe('ca-signed')
  })
})

describe('SP metadata', () => {
  it('carries the org certificates, both SLO endpoints and follows an entityID override', async () => {
    const sp = await createTestSp()
    const state = sp.store.read()
    const xml = (await sp.api('GET', '/api/v1/sso/sp-metadata')).json as string
    const base64 = (pem: string) => certificateToDer(pem)?.toString('base64') ?? ''
    expect(xml).toContain(base64(state.signingCertificate.certificatePem))
    expect(xml).toContain(base64(state.encryptionCertificate.certificatePem))
    expect(xml).toContain(`/idb/SPSloRedirect/metaAlias/${sp.orgId}/sp`)
    expect(xml).toContain(`/idb/SPSloPOST/metaAlias/${sp.orgId}/sp`)
    expect(xml).toContain(
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://localhost:7080/idb/Consumer',
    )
    await sp.api('PATCH', '/api/v1/sso/settings', { entityId: 'https://idbroker-eu.webex.com/custom' })
    const changed = (await sp.api('GET', '/api/v1/sso/sp-metadata')).json as string
    expect(changed).toContain('entityID="https://idbroker-eu.webex.com/custom"')
    expect((await sp.api('GET', '/api/v1/org')).json.entityId).toBe('https://idbroker-eu.webex.com/custom')
  })

  it('is what the ACS checks the audience against', async () => {
    const sp = await createTestSp({ clock: offsetClock(fixedClock(T0)) })
    await sp.api('PATCH', '/api/v1/sso/settings', { entityId: 'https://idbroker-eu.webex.com/custom' })
    const idp = await createIdpSide(sp.runtime, sp.entity())
    await enableSsoWith(sp, idp)
    await sp.services.users.add({ email: 'b.simon@contoso.com' })
    const started = await sp.startSignIn()
    const wrong = await sp.postToAcs(
      idp.response({ inResponseTo: started.requestId, audience: `https://idbroker.webex.com/${sp.orgId}` }),
      { browser: started.browser },
    )
    expect(await wrong.text()).toContain('SSO_AUDIENCE_MISMATCH')
    expect(
      (await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), { browser: started.browser }))
        .status,
    ).toBe(303)
  })
})

describe('pages', () => {
  it('serves the Control Hub overview and the sign-in pages with a CSP, and no script without its nonce', async () => {
    const sp = await createTestSp({ clock: offsetClock(fixedClock(T0)) })
    const overview = await (await signedInConsole(sp)).get('/admin')
    expect(overview.status).toBe(200)
    const csp = overview.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toMatch(/script-src 'nonce-/)
    const html = await overview.text()
    expect(html).toContain(`https://idbroker.webex.com/${sp.orgId}`)
    // Inline script needs the nonce; the only other script is the console's own file (script-src 'self').
    expect(html).not.toMatch(/<script(?![^>]*nonce=)(?! src="\/assets\/control-hub\.js\?v=[\w-]+")/)
    expect(html).toMatch(/<script src="\/assets\/control-hub\.js\?v=[\w-]+"><\/script>/)
    const notSetUp = await sp.app.request(`/idb/Consumer/metaAlias/${sp.orgId}/sp`)
    expect(notSetUp.status).toBe(400)
    expect(
      notSetUp.headers.get('x-frame-options') ?? notSetUp.headers.get('content-security-policy'),
    ).toBeTruthy()
  })

  it('escapes what the IdP sent on the error and home pages', async () => {
    const sp = await createTestSp({ clock: offsetClock(fixedClock(T0)) })
    const idp = await createIdpSide(sp.runtime, sp.entity())
    await enableSsoWith(sp, idp)
    const evil = '<script>alert(1)</script>@contoso.com'
    const refused = await sp.postToAcs(idp.response({ attributes: { uid: evil } }))
    const page = await refused.text()
    expect(page).toContain('SSO_USER_NOT_FOUND')
    expect(page).not.toContain('<script>alert(1)')
    expect(page).toContain('&lt;script&gt;')
  })
})
