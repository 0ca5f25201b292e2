import { X509Certificate } from 'node:crypto'
import { fixedClock, readCertificateStructure } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { CISCO_WEBEX_TEMPLATE_ID } from '../enterprise-apps/gallery'
import { graphClient } from '../test-support/graph-client'
import { createTestIdp, type TestIdp } from '../test-support/harness'

let t: TestIdp
let api: ReturnType<typeof graphClient>
let spId: string
const ORG = '0b5c4f3e-aaaa-4bbb-8ccc-ddddeeeeffff'

beforeEach(async () => {
  t = await createTestIdp()
  api = graphClient(t)
  const created = await api.post(`/v1.0/applicationTemplates/${CISCO_WEBEX_TEMPLATE_ID}/instantiate`, {
    displayName: 'Cisco Webex',
  })
  spId = created.json.servicePrincipal.id
})

const webexMetadata = `<?xml version="1.0"?><EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idbroker.webex.com/${ORG}"><SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://localhost:7080/idb/Consumer/metaAlias/${ORG}/sp" index="0" isDefault="true"/></SPSSODescriptor></EntityDescriptor>`

describe('/sandbox/api', () => {
  it('needs the bearer token, and tells scripts where everything is', async () => {
    expect((await graphClient(t, null).get('/sandbox/api/tenant')).status).toBe(401)
    const tenant = await api.get('/sandbox/api/tenant')
    expect(tenant.json).toMatchObject({
      tenantId: t.tenantId,
      samlEndpoint: `${t.url}/${t.tenantId}/saml2`,
      tokenEndpoint: `${t.url}/${t.tenantId}/oauth2/v2.0/token`,
      graphBaseUrl: `${t.url}/v1.0`,
      automationClient: { clientId: t.store.read().automationClient.appId },
      defaultCertificateKind: 'ca-issued',
    })
  })

  it('selects SAML (creating the active certificate), uploads SP metadata as XML and sets the Sign-on URL', async () => {
    const enabled = await api.post(`/sandbox/api/servicePrincipals/${spId}/saml/enable`)
    expect(enabled.json.samlCertificates.certificates).toMatchObject([
      { status: 'Active', kind: 'ca-issued' },
    ])
    const uploaded = await t.app.request(`/sandbox/api/servicePrincipals/${spId}/saml/metadata`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.store.read().graphApiToken}`, 'content-type': 'application/xml' },
      body: webexMetadata,
    })
    const body = (await uploaded.json()) as {
      uploaded: { entityId: string }
      saml: { basicSamlConfiguration: unknown }
    }
    expect(body.uploaded.entityId).toBe(`https://idbroker.webex.com/${ORG}`)
    expect(body.saml.basicSamlConfiguration).toMatchObject({
      identifiers: [{ value: `https://idbroker.webex.com/${ORG}`, isDefault: true }],
      replyUrls: [
        { url: `http://localhost:7080/idb/Consumer/metaAlias/${ORG}/sp`, index: 0, isDefault: true },
      ],
    })
    const basic = await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/basic`, {
      signOnUrl: `http://localhost:7080/idb/Consumer/metaAlias/${ORG}/sp`,
    })
    expect(basic.json.basicSamlConfiguration.signOnUrl).toBe(
      `http://localhost:7080/idb/Consumer/metaAlias/${ORG}/sp`,
    )
    expect(basic.json.setUp).toEqual({
      loginUrl: `${t.url}/${t.tenantId}/saml2`,
      microsoftEntraIdentifier: `https://sts.windows.net/${t.tenantId}/`,
      logoutUrl: `${t.url}/${t.tenantId}/saml2`,
    })
    const wrong = await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/basic`, {
      signOnUrl: 'https://example.com/',
    })
    expect(wrong.json.error.message).toContain('https://web.ciscospark.com/idb/Consumer/metaAlias/<ID>/sp')
    const doctype = await api.post(`/sandbox/api/servicePrincipals/${spId}/saml/metadata`, {
      xml: `<!DOCTYPE x>${webexMetadata}`,
    })
    expect(doctype.json.error.message).toContain('DOCTYPE')
  })

  it('issues self-signed certificates when the tenant setting says so, and manages them: rollover, activate, download, delete', async () => {
    expect((await api.put('/sandbox/api/settings', { defaultCertificateKind: 'self-signed' })).json).toEqual({
      defaultCertificateKind: 'self-signed',
    })
    await api.post(`/sandbox/api/servicePrincipals/${spId}/saml/enable`)
    const rolled = await api.post(`/sandbox/api/servicePrincipals/${spId}/certificates/rollover`, {
      kind: 'ca-issued',
    })
    const [first, second] = rolled.json.samlCertificates.certificates
    expect([first.status, first.kind, second.status, second.kind]).toEqual([
      'Inactive',
      'self-signed',
      'Active',
      'ca-issued',
    ])
    const pem = await t.app.request(
      `/sandbox/api/servicePrincipals/${spId}/certificates/${first.thumbprint}/download?format=pem`,
      {
        headers: { authorization: `Bearer ${t.store.read().graphApiToken}` },
      },
    )
    expect(pem.headers.get('content-disposition')).toBe('attachment; filename="Cisco Webex.pem"')
    expect(readCertificateStructure(new X509Certificate(await pem.text()).raw).extensions).toEqual([])
    const raw = await t.app.request(
      `/sandbox/api/servicePrincipals/${spId}/certificates/${first.thumbprint}/download?format=raw`,
      {
        headers: { authorization: `Bearer ${t.store.read().graphApiToken}` },
      },
    )
    expect(new X509Certificate(Buffer.from(await raw.arrayBuffer())).fingerprint).toBeTruthy()
    const back = await api.post(
      `/sandbox/api/servicePrincipals/${spId}/certificates/${first.thumbprint}/activate`,
    )
    expect(back.json.samlCertificates.signingThumbprint).toBe(first.thumbprint)
    expect(
      (await api.delete(`/sandbox/api/servicePrincipals/${spId}/certificates/${second.thumbprint}`)).status,
    ).toBe(204)
    expect(
      (await api.delete(`/sandbox/api/servicePrincipals/${spId}/certificates/${first.thumbprint}`)).json.error
        .message,
    ).toContain('active certificate cannot be deleted')
    const metadata = await t.app.request(`/sandbox/api/servicePrincipals/${spId}/federationMetadata`, {
      headers: { authorization: `Bearer ${t.store.read().graphApiToken}` },
    })
    expect(metadata.headers.get('content-disposition')).toBe('attachment; filename="Cisco Webex.xml"')
  })

  it('edits claims, signing, timing, request verification and encryption, refusing malformed bodies', async () => {
    const claim = await api.post(`/sandbox/api/servicePrincipals/${spId}/saml/claims`, {
      name: 'department',
      namespace: null,
      source: { kind: 'constant', value: 'Sales' },
    })
    expect(claim.status).toBe(201)
    expect(
      (
        await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/claims/${claim.json.id}`, {
          name: 'dept',
          source: { kind: 'attribute', attribute: 'user.mail' },
        })
      ).json.name,
    ).toBe('dept')
    expect(
      (await api.delete(`/sandbox/api/servicePrincipals/${spId}/saml/claims/${claim.json.id}`)).status,
    ).toBe(204)
    const nameId = await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/nameId`, {
      source: { kind: 'attribute', attribute: 'user.mail' },
      format: 'persistent',
    })
    expect(nameId.json.attributesAndClaims.nameId).toEqual({
      source: { kind: 'attribute', attribute: 'user.mail' },
      format: 'persistent',
    })
    expect(
      (await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/signing`, { signingOption: 'both' })).json
        .samlCertificates.signingOption,
    ).toBe('both')
    expect(
      (
        await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/timing`, {
          conditionsLifetimeSeconds: 3300,
        })
      ).json.timing.conditionsLifetimeSeconds,
    ).toBe(3300)
    expect(
      (await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/signing`, { signingOption: 'all' })).json
        .error.message,
    ).toContain('signingOption')
    expect(
      (await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/encryption`, { enabled: true, extra: 1 }))
        .status,
    ).toBe(400)
    const encryption = await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/encryption`, {
      enabled: true,
      certificatePem: t.runtime.ca.intermediate.certificatePem,
    })
    expect(encryption.json.samlCertificates.tokenEncryption).toEqual({
      enabled: true,
      hasCertificate: true,
      method: 'aes256-cbc',
    })
    // AES-GCM is offered beside Entra's AES-CBC default; anything else is refused by name.
    for (const method of ['aes128-gcm', 'aes256-gcm', 'aes128-cbc', 'aes256-cbc']) {
      const set = await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/encryption`, { method })
      expect(set.json.samlCertificates.tokenEncryption.method).toBe(method)
    }
    const refused = await api.put(`/sandbox/api/servicePrincipals/${spId}/saml/encryption`, {
      method: 'aes512-gcm',
    })
    expect(refused.status).toBe(400)
    expect(refused.json.error.message).toContain('method')
  })

  it('resets the tenant (same id and token) keeping the admin and the password it signs in with', async () => {
    const admin = t.store.read().users[0]?.id ?? ''
    const password = await api.post(`/sandbox/api/users/${admin}/resetPassword`)
    expect(password.json.password).toMatch(/^[A-Za-z0-9]{12}$/)
    const reset = await api.post('/sandbox/api/reset')
    expect(reset.json).toEqual({ adminUserPrincipalName: 'admin@contoso.com', adminPasswordKept: true })
    const signIn = await t.services.credentials.check(
      'admin@contoso.com',
      password.json.password,
      '127.0.0.1',
    )
    expect(signIn).toMatchObject({ ok: true })
    expect(t.store.read().users).toHaveLength(1)
    expect(t.store.read().users[0]?.id).toBe(admin)
    expect(t.store.read().tenant.id).toBe(t.tenantId)
    expect(t.store.read().apps).toEqual([])
    expect((await api.get('/v1.0/users')).status).toBe(200)
  })

  it("moves the IdP's clock (for the clock-skew exercise), refuses silly offsets, and a reset puts it back", async () => {
    const at = Date.parse('2026-06-01T12:00:00Z')
    const pinned = await createTestIdp({ clock: fixedClock(at) })
    const pinnedApi = graphClient(pinned)
    expect((await pinnedApi.get('/sandbox/api/clock')).json).toEqual({ offsetSeconds: 0 })
    expect((await pinnedApi.put('/sandbox/api/clock', { offsetSeconds: -7200 })).json).toEqual({
      offsetSeconds: -7200,
    })
    expect(pinned.services.runtime.clock.now()).toBe(at - 7_200_000)
    const tooFar = await pinnedApi.put('/sandbox/api/clock', { offsetSeconds: 10 * 24 * 3600 })
    expect(tooFar.status).toBe(400)
    expect(JSON.stringify(tooFar.json)).toContain('offsetSeconds')
    expect((await pinnedApi.put('/sandbox/api/clock', { offsetSeconds: 1.5 })).status).toBe(400)
    expect(pinned.services.runtime.clock.now()).toBe(at - 7_200_000)
    await pinnedApi.post('/sandbox/api/reset')
    expect(pinned.services.runtime.clock.now()).toBe(at)
  })
})
