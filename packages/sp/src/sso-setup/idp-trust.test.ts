import { createSandboxCa, fixedClock, offsetClock, summarizeCertificate } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { createTestSp, enableSsoWith, type TestSp } from '../test-support/harness'
import { createIdpSide } from '../test-support/idp-side'

const T0 = Date.parse('2026-03-01T10:00:00Z')
const DAY = 24 * 3600_000
const USER = 'b.simon@contoso.com'

async function freshSp(): Promise<TestSp & { clock: ReturnType<typeof offsetClock> }> {
  const clock = offsetClock(fixedClock(T0))
  return Object.assign(await createTestSp({ clock }), { clock })
}

async function otherCa(sp: TestSp) {
  return createSandboxCa(await sp.runtime.keys.take(), await sp.runtime.keys.take(), { now: T0 })
}

/** Imports `xml` and expects a refusal with `code` that names the certificate; nothing stored. */
async function expectRefusedImport(
  sp: TestSp,
  xml: string,
  mode: string,
  code: string,
  certificatePem: string,
) {
  const before = sp.store.read()
  const refused = await sp.api('POST', '/api/v1/sso/idp-metadata', { xml, trustMode: mode })
  expect(refused.status).toBe(400)
  expect(refused.json.error.code).toBe(code)
  const summary = summarizeCertificate(certificatePem)
  expect(refused.json.error.message).toContain(summary.thumbprint)
  expect(refused.json.error.fix.length).toBeGreaterThan(20)
  expect(sp.store.read()).toBe(before)
}

describe('"Require certificate signed by a certificate authority" at import: the whole chain to a trusted root', () => {
  it('accepts a CA-issued signing certificate with its issuing CA in the metadata', async () => {
    const sp = await freshSp()
    const idp = await createIdpSide(sp.runtime, sp.entity())
    const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata({ chain: true }),
      trustMode: 'ca-signed',
    })
    expect(imported.status).toBe(200)
    expect(imported.json.pending.signingCertificates[0].thumbprint).toBe(
      summarizeCertificate(idp.certificatePem).thumbprint,
    )
  })

  it('accepts a CA-issued signing certificate listed alone, as Entra lists it: the trust store knows the sandbox issuing CA', async () => {
    const sp = await freshSp()
    const idp = await createIdpSide(sp.runtime, sp.entity())
    const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata(),
      trustMode: 'ca-signed',
    })
    expect(imported.status).toBe(200)
    const intermediates = await sp.api('GET', '/api/v1/sso/intermediate-cas')
    expect(intermediates.json.intermediates).toEqual([
      expect.objectContaining({
        builtIn: true,
        subject: 'O=SSO Rehearsal Sandbox, CN=SSO Rehearsal Sandbox Issuing CA',
        thumbprint: summarizeCertificate(sp.runtime.ca.intermediate.certificatePem).thumbprint,
      }),
    ])
  })

  it('names the missing issuing CA of another PKI and how to add it; accepts once its intermediate and root are added', async () => {
    const sp = await freshSp()
    const ca = await otherCa(sp)
    const idp = await createIdpSide(sp.runtime, sp.entity(), { ca })
    // Same name as the sandbox's own issuing CA: the refusal tells them apart by key identifier.
    const refused = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata(),
      trustMode: 'ca-signed',
    })
    expect(refused.status).toBe(400)
    expect(refused.json.error.code).toBe('CHAIN_UNTRUSTED')
    expect(refused.json.error.message).toContain(summarizeCertificate(idp.certificatePem).thumbprint)
    expect(refused.json.error.message).toMatch(
      /its issuer \(O=SSO Rehearsal Sandbox, CN=SSO Rehearsal Sandbox Issuing CA, key identifier [0-9A-F]{40}\) is neither a trusted root nor a known intermediate CA/,
    )
    expect(refused.json.error.fix).toContain('POST /api/v1/sso/intermediate-cas')
    expect(refused.json.error.fix).toContain('POST /api/v1/sso/trusted-roots')

    const added = await sp.api('POST', '/api/v1/sso/intermediate-cas', {
      pem: ca.intermediate.certificatePem,
    })
    expect(added.status).toBe(201)
    expect(added.json.map((i: { builtIn: boolean }) => i.builtIn)).toEqual([true, false])
    // The intermediate alone is not trusted: now its root is what is missing.
    const stillRefused = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata(),
      trustMode: 'ca-signed',
    })
    expect(stillRefused.json.error.code).toBe('CHAIN_UNTRUSTED')
    expect(stillRefused.json.error.message).toContain(
      summarizeCertificate(ca.intermediate.certificatePem).thumbprint,
    )
    expect(stillRefused.json.error.message).toContain('CN=SSO Rehearsal Sandbox Root CA, key identifier')

    expect((await sp.api('POST', '/api/v1/sso/trusted-roots', { pem: ca.root.certificatePem })).status).toBe(
      201,
    )
    await enableSsoWith(sp, idp)
    await sp.services.users.add({ firstName: 'B.', lastName: 'Simon', email: USER })
    let started = await sp.startSignIn()
    const signedIn = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
      browser: started.browser,
    })
    expect(signedIn.status).toBe(303)

    // Removing the intermediate again breaks the path at the next sign-in.
    const thumbprint = summarizeCertificate(ca.intermediate.certificatePem).thumbprint
    expect((await sp.api('DELETE', `/api/v1/sso/intermediate-cas/${thumbprint}`)).status).toBe(204)
    started = await sp.startSignIn()
    const refusedAtSignIn = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
      browser: started.browser,
    })
    expect(refusedAtSignIn.status).toBe(403)
    expect(await refusedAtSignIn.text()).toContain('CHAIN_UNTRUSTED')
  })

  it('refuses a self-signed (Entra-style) certificate, which the less secure mode accepts', async () => {
    const sp = await freshSp()
    const idp = await createIdpSide(sp.runtime, sp.entity(), { certificate: 'self-signed' })
    await expectRefusedImport(sp, idp.metadata(), 'ca-signed', 'CERT_SELF_SIGNED', idp.certificatePem)
    const allowed = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata(),
      trustMode: 'self-signed-allowed',
    })
    expect(allowed.status).toBe(200)
  })

  it('still refuses a self-signed certificate pasted into the trust store, and says to remove it there', async () => {
    const sp = await freshSp()
    const idp = await createIdpSide(sp.runtime, sp.entity(), { certificate: 'self-signed' })
    expect((await sp.api('POST', '/api/v1/sso/trusted-roots', { pem: idp.certificatePem })).status).toBe(201)
    await expectRefusedImport(sp, idp.metadata(), 'ca-signed', 'CERT_IS_TRUST_ANCHOR', idp.certificatePem)
    const refused = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata(),
      trustMode: 'ca-signed',
    })
    expect(refused.json.error.fix).toContain('trusted-roots')
  })

  it('refuses a CA certificate presented as the signing certificate', async () => {
    const sp = await freshSp()
    const idp = await createIdpSide(sp.runtime, sp.entity())
    const ca = sp.runtime.ca.intermediate.certificatePem
    await expectRefusedImport(sp, idp.metadata({ certificatePem: ca }), 'ca-signed', 'CERT_IS_CA', ca)
  })

  it('refuses a certificate from a CA the org does not trust, until its root is added to the trust store', async () => {
    const sp = await freshSp()
    const ca = await otherCa(sp)
    const idp = await createIdpSide(sp.runtime, sp.entity(), { ca })
    await expectRefusedImport(
      sp,
      idp.metadata({ chain: true }),
      'ca-signed',
      'CHAIN_UNTRUSTED',
      ca.intermediate.certificatePem,
    )

    const added = await sp.api('POST', '/api/v1/sso/trusted-roots', { pem: ca.root.certificatePem })
    expect(added.status).toBe(201)
    expect(added.json.map((r: { builtIn: boolean }) => r.builtIn)).toEqual([true, false])
    const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: idp.metadata({ chain: true }),
      trustMode: 'ca-signed',
    })
    expect(imported.status).toBe(200)
  })

  it('refuses an expired and a not-yet-valid certificate', async () => {
    const sp = await freshSp()
    const idp = await createIdpSide(sp.runtime, sp.entity(), { validityDays: 30 })
    sp.clock.setOffset(31 * DAY)
    await expectRefusedImport(
      sp,
      idp.metadata({ chain: true }),
      'ca-signed',
      'CERT_EXPIRED',
      idp.certificatePem,
    )
    await expectRefusedImport(
      sp,
      idp.metadata({ chain: true }),
      'self-signed-allowed',
      'CERT_EXPIRED',
      idp.certificatePem,
    )
    sp.clock.setOffset(-2 * 3600_000)
    await expectRefusedImport(
      sp,
      idp.metadata({ chain: true }),
      'ca-signed',
      'CERT_NOT_YET_VALID',
      idp.certificatePem,
    )
  })

  it('refuses metadata that is not an IdP, has no signing key, or is not XML, storing nothing', async () => {
    const sp = await freshSp()
    const before = sp.store.read()
    const spMetadata = (await sp.api('GET', '/api/v1/sso/sp-metadata')).json as string
    for (const [xml, code] of [
      [spMetadata, 'IDP_METADATA_NO_IDP_ROLE'],
      [
        '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/sso"/></IDPSSODescriptor></EntityDescriptor>',
        'IDP_METADATA_NO_SIGNING_KEY',
      ],
    ] as const) {
      const refused = await sp.api('POST', '/api/v1/sso/idp-metadata', {
        xml,
        trustMode: 'self-signed-allowed',
      })
      expect(refused.status).toBe(400)
      expect(refused.json.error.code).toBe(code)
    }
    const notXml = await sp.api('POST', '/api/v1/sso/idp-metadata', { xml: 'hello', trustMode: 'ca-signed' })
    expect(notXml.status).toBe(400)
    expect(notXml.json.error.code).toMatch(/^(METADATA|XML)_/)
    const badMode = await sp.api('POST', '/api/v1/sso/idp-metadata', {
      xml: spMetadata,
      trustMode: 'trust-all',
    })
    expect(badMode.json.error.code).toBe('INVALID_BODY')
    expect(sp.store.read()).toBe(before)
  })
})

describe('certificate trust at every sign-in', () => {
  it('refuses sign-in once the IdP certificate has expired, though it was fine at import', async () => {
    const sp = await freshSp()
    const idp = await createIdpSide(sp.runtime, sp.entity(), { validityDays: 30 })
    await enableSsoWith(sp, idp)
    await sp.services.users.add({ firstName: 'B.', lastName: 'Simon', email: USER })
    sp.clock.setOffset(31 * DAY)
    const started = await sp.startSignIn()
    const refused = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
      browser: started.browser,
    })
    expect(refused.status).toBe(403)
    const page = await refused.text()
    expect(page).toContain('CERT_EXPIRED')
    expect(page).toContain(summarizeCertificate(idp.certificatePem).thumbprint)
  })

  it('refuses sign-in once the root that anchored the chain is removed from the trust store', async () => {
    const sp = await freshSp()
    const ca = await otherCa(sp)
    const idp = await createIdpSide(sp.runtime, sp.entity(), { ca })
    await sp.api('POST', '/api/v1/sso/trusted-roots', { pem: ca.root.certificatePem })
    await enableSsoWith(sp, idp, { chain: true })
    await sp.services.users.add({ firstName: 'B.', lastName: 'Simon', email: USER })
    let started = await sp.startSignIn()
    expect(
      (await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), { browser: started.browser }))
        .status,
    ).toBe(303)

    const thumbprint = summarizeCertificate(ca.root.certificatePem).thumbprint
    expect((await sp.api('DELETE', `/api/v1/sso/trusted-roots/${thumbprint}`)).status).toBe(204)
    started = await sp.startSignIn()
    const refused = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
      browser: started.browser,
    })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('CHAIN_UNTRUSTED')
  })
})

describe('the trust store API', () => {
  it('keeps intermediate CAs apart from roots: refuses a root, a non-CA, garbage and duplicates; 404s unknown ones', async () => {
    const sp = await freshSp()
    const ca = await otherCa(sp)
    const idp = await createIdpSide(sp.runtime, sp.entity(), { ca })
    const add = (pem: string) => sp.api('POST', '/api/v1/sso/intermediate-cas', { pem })
    const root = await add(ca.root.certificatePem)
    expect(root.status).toBe(400)
    expect(root.json.error).toMatchObject({
      code: 'INTERMEDIATE_INVALID',
      fix: expect.stringContaining('trusted-roots'),
    })
    const leaf = await add(idp.certificatePem)
    expect(leaf.json.error.code).toBe('INTERMEDIATE_INVALID')
    expect(leaf.json.error.message).toContain('not a CA certificate')
    expect((await add('not a certificate')).json.error.code).toBe('INTERMEDIATE_INVALID')
    const builtIn = await add(sp.runtime.ca.intermediate.certificatePem)
    expect(builtIn.status).toBe(409)
    expect(builtIn.json.error.code).toBe('INTERMEDIATE_EXISTS')
    expect((await add(ca.intermediate.certificatePem)).status).toBe(201)
    expect((await add(ca.intermediate.certificatePem)).json.error.code).toBe('INTERMEDIATE_EXISTS')
    expect((await sp.api('GET', '/api/v1/sso/trusted-roots')).json.roots).toHaveLength(1)
    const unknown = await sp.api('DELETE', '/api/v1/sso/intermediate-cas/00FF')
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.code).toBe('INTERMEDIATE_NOT_FOUND')
    const own = summarizeCertificate(sp.runtime.ca.intermediate.certificatePem).thumbprint
    expect((await sp.api('DELETE', `/api/v1/sso/intermediate-cas/${own}`)).status).toBe(404)
  })

  it('lists the built-in root, refuses garbage and duplicates, and 404s an unknown thumbprint', async () => {
    const sp = await freshSp()
    const listed = await sp.api('GET', '/api/v1/sso/trusted-roots')
    expect(listed.json.roots).toHaveLength(1)
    expect(listed.json.roots[0]).toMatchObject({
      builtIn: true,
      subject: expect.stringContaining('SSO Rehearsal Sandbox Root CA'),
    })
    expect(
      (await sp.api('POST', '/api/v1/sso/trusted-roots', { pem: 'not a certificate' })).json.error.code,
    ).toBe('ROOT_INVALID')
    const ca = await otherCa(sp)
    expect((await sp.api('POST', '/api/v1/sso/trusted-roots', { pem: ca.root.certificatePem })).status).toBe(
      201,
    )
    const again = await sp.api('POST', '/api/v1/sso/trusted-roots', { pem: ca.root.certificatePem })
    expect(again.status).toBe(409)
    expect(again.json.error.code).toBe('ROOT_EXISTS')
    const unknown = await sp.api('DELETE', '/api/v1/sso/trusted-roots/00FF')
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.code).toBe('ROOT_NOT_FOUND')
    const builtIn = summarizeCertificate(sp.runtime.ca.root.certificatePem).thumbprint
    expect((await sp.api('DELETE', `/api/v1/sso/trusted-roots/${builtIn}`)).status).toBe(404)
  })
})
