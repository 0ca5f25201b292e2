import {
  certificateToDer,
  childNamed,
  descendantsNamed,
  NS,
  parseXml,
  readEntityMetadata,
  trustCertificate,
  validateCertificateChain,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { readRealFixture, WIREAPP_METADATA } from '../../../../test/support/real-fixtures'
import { CUSTOM_TEMPLATE_ID } from '../enterprise-apps/gallery'
import { createTestServices, type TestServices } from '../test-support/harness'
import { shapeOf } from '../test-support/xml-shape'
import { verifyWithXmlsec1 } from '../test-support/xmlsec'

let t: TestServices
let appId: string
let spId: string
beforeEach(async () => {
  t = await createTestServices()
  const app = await t.services.apps.instantiate(CUSTOM_TEMPLATE_ID, 'Tercen')
  if (!app.ok) throw new Error(app.error.message)
  appId = app.value.application.appId
  spId = app.value.servicePrincipal.id
  await t.services.samlConfig.enableSaml(spId)
})

function tenantXml(): string {
  const xml = t.services.metadata.tenantMetadata()
  if (!xml.ok) throw new Error('no metadata')
  return xml.value
}

function appMetadata(): string {
  const xml = t.services.metadata.appMetadata(appId)
  if (!xml.ok) throw new Error('no metadata')
  return xml.value
}

const activeCertificate = () => {
  const app = t.store.read().apps[0]
  const certificate = app?.saml.certificates.find(
    (c) => c.thumbprint === app.servicePrincipal.preferredTokenSigningKeyThumbprint,
  )
  if (!certificate) throw new Error('no active certificate')
  return certificate
}

describe('federation metadata', () => {
  it('has the structure of real Entra tenant metadata, element by element', () => {
    const fixture = readRealFixture(WIREAPP_METADATA)
    expect(shapeOf(appMetadata())).toEqual(shapeOf(fixture))
    expect(shapeOf(tenantXml())).toEqual(shapeOf(fixture))
  })

  it('starts the app document with a UTF-8 BOM and names Entra’s issuer and endpoints, without NameIDFormat', () => {
    const xml = appMetadata()
    expect(xml.charCodeAt(0)).toBe(0xfeff)
    expect(xml.slice(1)).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?><EntityDescriptor ID="_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}" /,
    )
    const metadata = readEntityMetadata(xml)
    if (!metadata.ok) throw new Error(metadata.error.message)
    expect(metadata.value.entityId).toBe(`https://sts.windows.net/${t.tenantId}/`)
    const saml2 = `${t.url}/${t.tenantId}/saml2`
    expect(metadata.value.idp?.singleSignOnServices.map((s) => [s.binding, s.location])).toEqual([
      ['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', saml2],
      ['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', saml2],
    ])
    expect(metadata.value.idp?.singleLogoutServices.map((s) => s.binding)).toEqual([
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
    ])
    expect(metadata.value.idp?.nameIdFormats).toEqual([])
    expect(tenantXml().charCodeAt(0)).not.toBe(0xfeff)
  })

  it('is signed with the app’s active certificate, and the signature verifies', () => {
    const doc = parseXml(appMetadata(), { maxBytes: 1 << 20, maxDepth: 64 })
    if (!doc.ok) throw new Error(doc.error.message)
    const der = certificateToDer(activeCertificate().certificatePem) as Buffer
    const verified = verifyEnvelopedSignature(doc.value.documentElement, {
      trusted: [trustCertificate(der)],
      allowSha1: false,
    })
    expect(verified).toMatchObject({
      ok: true,
      value: { signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' },
    })
    expect(childNamed(doc.value.documentElement, NS.dsig, 'Signature')).toBe(
      doc.value.documentElement.firstChild,
    )
  })

  it('verifies with xmlsec1, by the signing certificate and through the sandbox CA chain', async () => {
    const xml = appMetadata().slice(1)
    const idAttribute = 'urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor'
    const byCertificate = await verifyWithXmlsec1(xml, {
      idAttribute,
      pubkeyCertPem: activeCertificate().certificatePem,
    })
    expect(byCertificate.output).toContain('OK')
    expect(byCertificate.ok).toBe(true)
    const byChain = await verifyWithXmlsec1(xml, {
      idAttribute,
      trustedPem: t.runtime.ca.root.certificatePem,
      untrustedPem: t.runtime.ca.intermediate.certificatePem,
    })
    expect(byChain.ok).toBe(true)
    const tampered = await verifyWithXmlsec1(xml.replace('/saml2"', '/saml3"'), {
      idAttribute,
      pubkeyCertPem: activeCertificate().certificatePem,
    })
    expect(tampered.ok).toBe(false)
  })

  it('carries exactly one certificate per KeyDescriptor, as real Entra metadata does, even when CA-issued', () => {
    const certificatesPerKey = (xml: string) => {
      const metadata = parseXml(xml.replace(/^\uFEFF/, ''), { maxBytes: 1 << 20, maxDepth: 64 })
      if (!metadata.ok) throw new Error(metadata.error.message)
      return descendantsNamed(metadata.value.documentElement, NS.metadata, 'KeyDescriptor').map(
        (k) => descendantsNamed(k, NS.dsig, 'X509Certificate').length,
      )
    }
    const real = certificatesPerKey(readRealFixture(WIREAPP_METADATA))
    expect(real.length).toBeGreaterThan(1)
    expect(new Set(real)).toEqual(new Set([1]))
    expect(activeCertificate().kind).toBe('ca-issued')
    expect(certificatesPerKey(appMetadata())).toEqual([1, 1, 1])
    expect(certificatesPerKey(tenantXml())).toEqual([1, 1, 1])

    // The one certificate is the signing leaf; a relying party that knows the sandbox's issuing
    // CA (as an OS trust store knows intermediates) builds the chain to the root from there.
    const metadata = readEntityMetadata(appMetadata())
    if (!metadata.ok) throw new Error(metadata.error.message)
    const [leaf] = metadata.value.idp?.keys[0]?.certificates ?? []
    expect(leaf?.toString('base64')).toBe(
      certificateToDer(activeCertificate().certificatePem)?.toString('base64'),
    )
    const chain = validateCertificateChain({
      leaf: leaf as Buffer,
      intermediates: [certificateToDer(t.runtime.ca.intermediate.certificatePem) as Buffer],
      anchors: [certificateToDer(t.runtime.ca.root.certificatePem) as Buffer],
      at: t.runtime.clock.now(),
    })
    expect(chain.ok && chain.value.path.length).toBe(3)
  })

  it('lists only the leaf of a self-signed certificate and follows the active certificate after a rollover', async () => {
    const before = appMetadata()
    expect(appMetadata()).toBe(before)
    const rolled = await t.services.certificates.rollover(spId, { kind: 'self-signed' })
    if (!rolled.ok) throw new Error(rolled.error.message)
    const after = readEntityMetadata(appMetadata())
    if (!after.ok) throw new Error(after.error.message)
    const certificates = after.value.idp?.keys.map((k) => k.certificates.length)
    expect(certificates).toEqual([1])
    expect(after.value.idp?.keys[0]?.certificates[0]).toEqual(certificateToDer(rolled.value.certificatePem))
  })

  it('refuses an unknown appid', () => {
    expect(t.services.metadata.appMetadata('00000000-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      error: {
        code: 'AADSTS700016',
        identifier: '00000000-0000-4000-8000-000000000000',
        tenantName: 'Contoso',
        lookup: { by: 'id' },
      },
    })
  })
})
