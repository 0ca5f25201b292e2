import { issueLeafCertificate, summarizeCertificate } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestServices, type TestServices } from '../test-support/harness'
import { CISCO_WEBEX_TEMPLATE_ID, CUSTOM_TEMPLATE_ID } from './gallery'

let t: TestServices
beforeEach(async () => {
  t = await createTestServices()
})

async function app(templateId = CUSTOM_TEMPLATE_ID) {
  const created = await t.services.apps.instantiate(templateId, 'App')
  if (!created.ok) throw new Error(created.error.message)
  return created.value.servicePrincipal.id
}
const current = () => {
  const found = t.store.read().apps[0]
  if (!found) throw new Error('no app')
  return found
}

async function certificateBase64(): Promise<string> {
  const key = await t.runtime.keys.take()
  const issued = issueLeafCertificate(t.runtime.ca, {
    profile: 'saml-signing',
    commonName: 'SAML Cisco (SP) SSO Certificate',
    key,
    validityDays: 365,
    now: t.runtime.clock.now(),
  })
  return summarizeCertificate(issued.certificatePem).base64
}

const ORG = '9d3c1f4e-1111-4222-8333-444455556666'
async function webexMetadata(): Promise<string> {
  const cert = await certificateBase64()
  return (
    '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:x="urn:example:unused" entityID="https://idbroker.webex.com/${ORG}">` +
    '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" AuthnRequestsSigned="true">' +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="http://localhost:7080/idb/slo/${ORG}"/>` +
    `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://localhost:7080/idb/Consumer/metaAlias/${ORG}/sp" index="0" isDefault="true"/>` +
    `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="http://127.0.0.1:7080/idb/Consumer/metaAlias/${ORG}/sp" index="1"/>` +
    `<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="http://localhost:7080/artifact" index="2"/>` +
    '</md:SPSSODescriptor></md:EntityDescriptor>'
  )
}

describe('Basic SAML Configuration', () => {
  it('saves identifiers with a default, indexed reply URLs with a default, sign-on URL, relay state and logout URL', async () => {
    const spId = await app()
    const saved = await t.services.samlConfig.configureBasicSaml(spId, {
      identifiers: [{ value: 'urn:tercen' }, { value: 'https://tercen.example/sp', isDefault: true }],
      replyUrls: [
        { url: 'https://tercen.example/acs', index: 0 },
        { url: 'https://tercen.example/acs2', index: 1, isDefault: true },
      ],
      signOnUrl: 'https://tercen.example/login',
      relayState: '/dashboard',
      logoutUrl: 'https://tercen.example/slo',
    })
    expect(saved.ok).toBe(true)
    expect(current().application).toMatchObject({
      identifierUris: ['urn:tercen', 'https://tercen.example/sp'],
      defaultIdentifier: 'https://tercen.example/sp',
      replyUrls: [
        { url: 'https://tercen.example/acs', index: 0, isDefault: false },
        { url: 'https://tercen.example/acs2', index: 1, isDefault: true },
      ],
      logoutUrl: 'https://tercen.example/slo',
    })
    expect(current().servicePrincipal).toMatchObject({
      loginUrl: 'https://tercen.example/login',
      relayState: '/dashboard',
    })
  })

  it('refuses two defaults, repeated indexes, empty lists and spaces, changing nothing', async () => {
    const spId = await app()
    const before = t.store.read()
    const cases = [
      { identifiers: [] },
      { identifiers: [{ value: 'a b' }] },
      {
        identifiers: [
          { value: 'a', isDefault: true },
          { value: 'b', isDefault: true },
        ],
      },
      {
        replyUrls: [
          { url: 'https://x.example/a', index: 1 },
          { url: 'https://x.example/b', index: 1 },
        ],
      },
      {
        replyUrls: [
          { url: 'https://x.example/a', isDefault: true },
          { url: 'https://x.example/b', isDefault: true },
        ],
      },
      { replyUrls: [{ url: 'https://x.example/a', index: -1 }] },
      { relayState: 'a\nb' },
    ]
    for (const input of cases) {
      expect(await t.services.samlConfig.configureBasicSaml(spId, input)).toMatchObject({ ok: false })
    }
    expect(t.store.read()).toBe(before)
  })
})

describe('Upload metadata file', () => {
  it('fills Identifier and Reply URLs from Webex-like SP metadata with a BOM, prefixes and several ACS', async () => {
    const spId = await app(CISCO_WEBEX_TEMPLATE_ID)
    const uploaded = await t.services.samlConfig.uploadSpMetadata(spId, await webexMetadata())
    expect(uploaded).toMatchObject({
      ok: true,
      value: {
        entityId: `https://idbroker.webex.com/${ORG}`,
        signingCertificates: 1,
        encryptionCertificate: true,
      },
    })
    expect(current().application).toMatchObject({
      identifierUris: [`https://idbroker.webex.com/${ORG}`],
      defaultIdentifier: `https://idbroker.webex.com/${ORG}`,
      replyUrls: [
        { url: `http://localhost:7080/idb/Consumer/metaAlias/${ORG}/sp`, index: 0, isDefault: true },
        { url: `http://127.0.0.1:7080/idb/Consumer/metaAlias/${ORG}/sp`, index: 1, isDefault: false },
      ],
      logoutUrl: `http://localhost:7080/idb/slo/${ORG}`,
    })
    expect(current().saml.encryption).toMatchObject({ enabled: false })
    expect(current().saml.requestVerification).toMatchObject({ required: false })
    const again = await t.services.samlConfig.uploadSpMetadata(spId, await webexMetadata())
    expect(again.ok).toBe(true)
    expect(current().application.replyUrls).toHaveLength(2)
  })

  it('refuses DOCTYPEs, oversized files, non-SP metadata and the wrong Webex identifier with clear messages', async () => {
    const spId = await app(CISCO_WEBEX_TEMPLATE_ID)
    const good = await webexMetadata()
    const cases: Array<[string, string]> = [
      [good.replace('<md:EntityDescriptor', '<!DOCTYPE x [<!ENTITY e "x">]><md:EntityDescriptor'), 'DOCTYPE'],
      [
        good.replace('</md:SPSSODescriptor>', `<!--${'x'.repeat(1_100_000)}--></md:SPSSODescriptor>`),
        'at most 1048576 bytes',
      ],
      ['<html><body>not metadata</body></html>', 'not SAML metadata'],
      [
        good.replace(`https://idbroker.webex.com/${ORG}`, 'https://evil.example/sp'),
        'https://idbroker.webex.com/<OrgId>',
      ],
      [good.replaceAll('bindings:HTTP-POST', 'bindings:HTTP-Artifact'), 'HTTP-POST'],
    ]
    const before = t.store.read()
    for (const [xml, message] of cases) {
      const result = await t.services.samlConfig.uploadSpMetadata(spId, xml)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.message).toContain(message)
    }
    expect(t.store.read()).toBe(before)
  })
})

describe('signing options, timing, verification and encryption settings', () => {
  it('switches what is signed and the algorithm, and bounds the token timing', async () => {
    const spId = await app()
    await t.services.samlConfig.setSigningOptions(spId, {
      signingOption: 'both',
      signingAlgorithm: 'rsa-sha1',
    })
    expect(current().saml).toMatchObject({ signingOption: 'both', signingAlgorithm: 'rsa-sha1' })
    expect((await t.services.samlConfig.setSigningOptions(spId, { signingOption: 'all' as never })).ok).toBe(
      false,
    )
    await t.services.samlConfig.setTokenTiming(spId, {
      conditionsLifetimeSeconds: 3300,
      subjectConfirmationLifetimeSeconds: 300,
    })
    expect(current().saml.timing).toEqual({
      notBeforeSkewSeconds: 300,
      conditionsLifetimeSeconds: 3300,
      subjectConfirmationLifetimeSeconds: 300,
    })
    expect((await t.services.samlConfig.setTokenTiming(spId, { conditionsLifetimeSeconds: 5 })).ok).toBe(
      false,
    )
  })

  it('requires a certificate before requiring signed requests or turning encryption on', async () => {
    const spId = await app()
    expect((await t.services.samlConfig.setRequestVerification(spId, { required: true })).ok).toBe(false)
    expect((await t.services.samlConfig.setEncryption(spId, { enabled: true })).ok).toBe(false)
    expect((await t.services.samlConfig.setEncryption(spId, { certificatePem: 'garbage' })).ok).toBe(false)
    const pem = `-----BEGIN CERTIFICATE-----\n${await certificateBase64()}\n-----END CERTIFICATE-----\n`
    expect(
      (await t.services.samlConfig.setRequestVerification(spId, { required: true, certificates: [pem] })).ok,
    ).toBe(true)
    expect(
      (
        await t.services.samlConfig.setEncryption(spId, {
          enabled: true,
          certificatePem: pem,
          method: 'aes256-gcm',
        })
      ).ok,
    ).toBe(true)
    expect(current().saml.encryption).toMatchObject({ enabled: true, method: 'aes256-gcm' })
  })
})
