import { X509Certificate } from 'node:crypto'
import { buildPkcs12, fixedClock, readCertificateStructure, summarizeCertificate } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { CUSTOM_TEMPLATE_ID } from '../enterprise-apps/gallery'
import { createTestServices, type TestServices } from '../test-support/harness'
import { certificateStatus, effectiveSigningCertificate } from './certificate-status'

let t: TestServices
let spId: string
beforeEach(async () => {
  t = await createTestServices()
  const app = await t.services.apps.instantiate(CUSTOM_TEMPLATE_ID, 'Tercen')
  if (!app.ok) throw new Error(app.error.message)
  spId = app.value.servicePrincipal.id
})

const appOf = () => {
  const app = t.store.read().apps[0]
  if (!app) throw new Error('no app')
  return app
}

describe('SAML signing certificates', () => {
  it('creates an active CA-issued certificate when SAML is selected, valid three years', async () => {
    const now = t.runtime.clock.now()
    const enabled = await t.services.samlConfig.enableSaml(spId)
    expect(enabled.ok).toBe(true)
    const [certificate] = appOf().saml.certificates
    if (!certificate) throw new Error('no certificate')
    expect(appOf().servicePrincipal).toMatchObject({
      preferredSingleSignOnMode: 'saml',
      preferredTokenSigningKeyThumbprint: certificate.thumbprint,
    })
    expect(certificate.thumbprint).toMatch(/^[0-9A-F]{40}$/)
    expect(certificate.thumbprint).toBe(summarizeCertificate(certificate.certificatePem).thumbprint)
    expect(certificate.displayName).toBe('CN=Microsoft Azure Federated SSO Certificate')
    const years = (Date.parse(certificate.endDateTime) - now) / (365.25 * 86_400_000)
    expect(years).toBeGreaterThan(2.99)
    expect(years).toBeLessThan(3.01)
    const x509 = new X509Certificate(certificate.certificatePem)
    expect(x509.checkIssued(new X509Certificate(t.runtime.ca.intermediate.certificatePem))).toBe(true)
    expect(readCertificateStructure(x509.raw).basicConstraints?.ca).toBe(false)
    await t.services.samlConfig.enableSaml(spId)
    expect(appOf().saml.certificates).toHaveLength(1)
  })

  it('issues Entra’s self-signed shape on request: no extensions, CN only, self-issued', async () => {
    const added = await t.services.certificates.addCertificate(spId, { kind: 'self-signed' })
    if (!added.ok) throw new Error(added.error.message)
    const x509 = new X509Certificate(added.value.certificatePem)
    expect(x509.subject).toBe('CN=Microsoft Azure Federated SSO Certificate')
    expect(x509.issuer).toBe(x509.subject)
    expect(readCertificateStructure(x509.raw).extensions).toEqual([])
  })

  it('keeps a new certificate inactive until it is made active, then rolls over with two certificates', async () => {
    await t.services.samlConfig.enableSaml(spId)
    const first = appOf().saml.certificates[0]?.thumbprint
    const added = await t.services.certificates.addCertificate(spId, {
      displayName: 'CN=Rollover',
      endDateTime: new Date(t.runtime.clock.now() + 400 * 86_400_000).toISOString(),
    })
    if (!added.ok) throw new Error(added.error.message)
    const now = t.runtime.clock.now()
    expect(
      certificateStatus(added.value, appOf().servicePrincipal.preferredTokenSigningKeyThumbprint, now),
    ).toBe('Inactive')
    expect(effectiveSigningCertificate(appOf(), now)?.thumbprint).toBe(first)
    expect(await t.services.certificates.activate(spId, added.value.thumbprint.toLowerCase())).toEqual({
      ok: true,
      value: undefined,
    })
    expect(effectiveSigningCertificate(appOf(), now)?.thumbprint).toBe(added.value.thumbprint)
    const rolled = await t.services.certificates.rollover(spId)
    if (!rolled.ok) throw new Error(rolled.error.message)
    expect(appOf().saml.certificates).toHaveLength(3)
    expect(appOf().servicePrincipal.preferredTokenSigningKeyThumbprint).toBe(rolled.value.thumbprint)
  })

  it('refuses an expiry beyond three years or in the past, a malformed name, and deleting the active one', async () => {
    const now = t.runtime.clock.now()
    for (const input of [
      { endDateTime: new Date(now + 4 * 365 * 86_400_000).toISOString() },
      { endDateTime: new Date(now - 1000).toISOString() },
      { endDateTime: 'tomorrow' },
      { displayName: 'Microsoft' },
    ]) {
      expect(await t.services.certificates.addCertificate(spId, input)).toMatchObject({ ok: false })
    }
    expect(appOf().saml.certificates).toEqual([])
    await t.services.samlConfig.enableSaml(spId)
    const active = appOf().servicePrincipal.preferredTokenSigningKeyThumbprint ?? ''
    expect(await t.services.certificates.deleteCertificate(spId, active)).toMatchObject({ ok: false })
  })

  it('uses a valid inactive certificate automatically once the active one has expired', async () => {
    await t.services.samlConfig.enableSaml(spId)
    const spare = await t.services.certificates.addCertificate(spId, {})
    if (!spare.ok) throw new Error(spare.error.message)
    const app = appOf()
    const active = app.saml.certificates[0]
    if (!active) throw new Error('no certificate')
    const afterExpiry = Date.parse(active.endDateTime) + 1000
    expect(certificateStatus(active, active.thumbprint, afterExpiry)).toBe('Expired')
    const expiredApp = {
      ...app,
      saml: {
        ...app.saml,
        certificates: [
          active,
          { ...spare.value, endDateTime: new Date(afterExpiry + 86_400_000).toISOString() },
        ],
      },
    }
    expect(effectiveSigningCertificate(expiredApp, afterExpiry)?.thumbprint).toBe(spare.value.thumbprint)
  })

  it('offers the Base64 (PEM with CRLF), Raw (DER) and PEM downloads', async () => {
    await t.services.samlConfig.enableSaml(spId)
    const certificate = appOf().saml.certificates[0]
    if (!certificate) throw new Error('no certificate')
    const base64 = t.services.certificates.download(spId, certificate.thumbprint, 'base64')
    const raw = t.services.certificates.download(spId, certificate.thumbprint, 'raw')
    const pem = t.services.certificates.download(spId, certificate.thumbprint, 'pem')
    if (!base64.ok || !raw.ok || !pem.ok) throw new Error('download failed')
    expect(base64.value).toMatchObject({ fileName: 'Tercen.cer' })
    expect(String(base64.value.body)).toMatch(/^-----BEGIN CERTIFICATE-----\r\n/)
    expect(Buffer.isBuffer(raw.value.body) && new X509Certificate(raw.value.body).fingerprint).toBeTruthy()
    expect(pem.value).toMatchObject({ fileName: 'Tercen.pem', body: certificate.certificatePem })
  })
})

describe('"+ New Certificate" Expiration Date range', () => {
  it('runs from tomorrow to three years out, and addCertificate accepts midnight of either end but not the day after', async () => {
    // 29 February: three years on is 28 February, never an invalid 29th.
    const pinned = await createTestServices({ clock: fixedClock(Date.parse('2028-02-29T15:30:00Z')) })
    const app = await pinned.services.apps.instantiate(CUSTOM_TEMPLATE_ID, 'Tercen')
    if (!app.ok) throw new Error(app.error.message)
    const id = app.value.servicePrincipal.id
    const range = pinned.services.certificates.newCertificateExpiryRange()
    expect(range).toEqual({ earliest: '2028-03-01', latest: '2031-02-28' })
    for (const day of [range.earliest, range.latest]) {
      const made = await pinned.services.certificates.addCertificate(id, { endDateTime: `${day}T00:00:00Z` })
      expect(made.ok, day).toBe(true)
    }
    const late = await pinned.services.certificates.addCertificate(id, {
      endDateTime: '2031-03-01T00:00:00Z',
    })
    expect(late.ok).toBe(false)
  })
})

describe('Import Certificate (PFX)', () => {
  it("refuses a key that is not the certificate's, an expired certificate and one the app has already, each with its reason", async () => {
    await t.services.samlConfig.enableSaml(spId)
    const made = await t.services.certificates.addCertificate(spId, {})
    if (!made.ok) throw new Error(made.error.message)
    const [first, second] = appOf().saml.certificates
    if (!first || !second) throw new Error('two certificates expected')
    const mismatched = buildPkcs12(first.certificatePem, second.privateKeyPem, 'pw')
    const refused = await t.services.certificates.importCertificate(spId, { pfx: mismatched, password: 'pw' })
    expect(refused.ok || refused.error.message).toBe(
      "The PFX file's private key does not belong to its certificate.",
    )

    const later = await createTestServices({ clock: fixedClock(Date.parse(first.endDateTime) + 1000) })
    const app = await later.services.apps.instantiate(CUSTOM_TEMPLATE_ID, 'Tercen')
    if (!app.ok) throw new Error(app.error.message)
    const pfx = buildPkcs12(first.certificatePem, first.privateKeyPem, 'pw')
    const expired = await later.services.certificates.importCertificate(app.value.servicePrincipal.id, {
      pfx,
      password: 'pw',
    })
    expect(expired.ok || expired.error.message).toBe(
      'The certificate in the PFX file has expired: import a valid one.',
    )
    const imported = await t.services.certificates.importCertificate(spId, {
      pfx: buildPkcs12(first.certificatePem, first.privateKeyPem, 'pw'),
      password: 'pw',
    })
    expect(imported.ok || imported.error.message).toBe(
      `This application already has the certificate ${first.thumbprint}.`,
    )
  })
})
