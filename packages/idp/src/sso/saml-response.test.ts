import {
  attributeOf,
  certificateToDer,
  childNamed,
  descendantsNamed,
  fixedClock,
  NS,
  offsetClock,
  parseXml,
  seededIds,
  signIn,
  systemClock,
  textOf,
  trustCertificate,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import { readRealFixture, TERCEN_RESPONSE } from '../../../../test/support/real-fixtures'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, redirectUrl, SP, setUpSamlApp } from '../test-support/saml-app'
import { shapeOf } from '../test-support/xml-shape'
import { verifyWithXmlsec1 } from '../test-support/xmlsec'

const ASSERTION_ID = 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion'
const RESPONSE_ID = 'urn:oasis:names:tc:SAML:2.0:protocol:Response'

function root(xml: string): Element {
  const doc = parseXml(xml, { maxBytes: 1 << 20, maxDepth: 64 })
  if (!doc.ok) throw new Error(doc.error.message)
  return doc.value.documentElement
}

async function testUser(t: TestIdp): Promise<string> {
  // No given name, surname or mail, like the tercen sample's user: those claims must be omitted.
  const created = await t.services.directory.createUser({
    userPrincipalName: 'test@contoso.com',
    displayName: 'test',
    password: 'Sandbox!Pass1',
  })
  if (!created.ok) throw new Error(created.error.message)
  const app = t.store.read().apps[0]
  await t.services.assignments.assign({
    resourceId: app?.servicePrincipal.id ?? '',
    principalId: created.value.user.id,
  })
  return 'Sandbox!Pass1'
}

async function responseFrom(t: TestIdp, request = authnRequestXml()): Promise<string> {
  const password = await testUser(t)
  const result = await signIn({
    startUrl: redirectUrl(t, request),
    username: 'test@contoso.com',
    password,
    browser: t.browser(),
  })
  if (!result.ok) throw new Error(result.error.message)
  return result.value.samlResponse.xml
}

const activeCertificatePem = (t: TestIdp): string => {
  const app = t.store.read().apps[0]
  return (
    app?.saml.certificates.find(
      (c) => c.thumbprint === app.servicePrincipal.preferredTokenSigningKeyThumbprint,
    )?.certificatePem ?? ''
  )
}

describe('the SAML Response, against the real tercen sample', () => {
  it('has the same elements, order, namespaces and prefixes, and the same claim URIs', async () => {
    const t = await createTestIdp({
      clock: fixedClock(Date.parse('2022-02-23T17:49:18.872Z')),
      ids: seededIds('tercen'),
    })
    await setUpSamlApp(t)
    const ours = await responseFrom(t)
    const fixture = readRealFixture(TERCEN_RESPONSE)
    expect(shapeOf(ours)).toEqual(shapeOf(fixture))
    const claimNames = (xml: string) =>
      descendantsNamed(root(xml), NS.assertion, 'Attribute').map((a) => a.getAttribute('Name'))
    expect(claimNames(ours)).toEqual(claimNames(fixture))
    expect(ours.startsWith('<samlp:Response ID="_')).toBe(true)
    expect(ours).toContain(
      `<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">https://sts.windows.net/${t.tenantId}/</Issuer>`,
    )
    expect(ours).toContain(
      '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>',
    )
  })

  it('times it as Entra does: NotBefore T-5 min, both NotOnOrAfter T+60 min, 3-digit milliseconds', async () => {
    const t = await createTestIdp({ clock: fixedClock(Date.parse('2022-02-23T17:49:18.872Z')) })
    await setUpSamlApp(t)
    const timing = (xml: string) => {
      const response = root(xml)
      const issue = Date.parse(response.getAttribute('IssueInstant') ?? '')
      const conditions = response.getElementsByTagNameNS(NS.assertion, 'Conditions')[0] as Element
      const confirmation = response.getElementsByTagNameNS(
        NS.assertion,
        'SubjectConfirmationData',
      )[0] as Element
      return {
        notBefore: Date.parse(conditions.getAttribute('NotBefore') ?? '') - issue,
        notOnOrAfter: Date.parse(conditions.getAttribute('NotOnOrAfter') ?? '') - issue,
        confirmation: Date.parse(confirmation.getAttribute('NotOnOrAfter') ?? '') - issue,
      }
    }
    const ours = await responseFrom(t)
    expect(timing(ours)).toEqual({ notBefore: -300_000, notOnOrAfter: 3_600_000, confirmation: 3_600_000 })
    const real = timing(readRealFixture(TERCEN_RESPONSE))
    for (const key of ['notBefore', 'notOnOrAfter', 'confirmation'] as const) {
      expect(Math.abs(real[key] - timing(ours)[key])).toBeLessThan(1000)
    }
    for (const match of ours.matchAll(/(?:Instant|NotBefore|NotOnOrAfter)="([^"]+)"/g)) {
      expect(match[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    }
  })

  it('uses "_" + version-4 GUID ids as Entra does, SessionIndex = Assertion ID, and AuthnInstant = the original sign-in', async () => {
    const clock = offsetClock(fixedClock(Date.parse('2026-03-01T08:00:00.000Z')))
    const t = await createTestIdp({ clock })
    await setUpSamlApp(t)
    const password = await testUser(t)
    const browser = t.browser()
    const first = await signIn({
      startUrl: redirectUrl(t, authnRequestXml()),
      username: 'test@contoso.com',
      password,
      browser,
    })
    if (!first.ok) throw new Error(first.error.message)
    clock.setOffset(2 * 3600_000)
    const page = await browser.open(redirectUrl(t, authnRequestXml({ id: '_later' })))
    const later = root(Buffer.from(page.facts.forms[0]?.fields[0]?.value ?? '', 'base64').toString())
    const assertion = childNamed(later, NS.assertion, 'Assertion') as Element
    const statement = childNamed(assertion, NS.assertion, 'AuthnStatement') as Element
    // The real Entra samples' IDs are version-4 GUIDs (4xxx-[89ab]xxx): ours have that form too.
    const entraId = /^_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    for (const real of [root(readRealFixture(TERCEN_RESPONSE)), later]) {
      expect(real.getAttribute('ID')).toMatch(entraId)
      expect((childNamed(real, NS.assertion, 'Assertion') as Element).getAttribute('ID')).toMatch(entraId)
    }
    expect(statement.getAttribute('SessionIndex')).toBe(assertion.getAttribute('ID'))
    expect(statement.getAttribute('AuthnInstant')).toBe('2026-03-01T08:00:00.000Z')
    expect(later.getAttribute('IssueInstant')).toBe('2026-03-01T10:00:00.000Z')
    expect(textOf(statement.getElementsByTagNameNS(NS.assertion, 'AuthnContextClassRef')[0] as Element)).toBe(
      'urn:oasis:names:tc:SAML:2.0:ac:classes:Password',
    )
  })
})

describe('the Response signature', () => {
  it('verifies with xmlsec1 by the CA-issued certificate and through the sandbox CA chain', async () => {
    const t = await createTestIdp({ clock: systemClock })
    await setUpSamlApp(t)
    const xml = await responseFrom(t)
    const leaf = activeCertificatePem(t)
    const byLeaf = await verifyWithXmlsec1(xml, { idAttribute: ASSERTION_ID, pubkeyCertPem: leaf })
    expect(byLeaf.output).toContain('OK')
    expect(byLeaf.ok).toBe(true)
    const byChain = await verifyWithXmlsec1(xml, {
      idAttribute: ASSERTION_ID,
      trustedPem: t.runtime.ca.root.certificatePem,
      untrustedPem: t.runtime.ca.intermediate.certificatePem,
    })
    expect(byChain.ok).toBe(true)
    const forged = await verifyWithXmlsec1(xml.replace('>test@contoso.com<', '>admin@contoso.com<'), {
      idAttribute: ASSERTION_ID,
      pubkeyCertPem: leaf,
    })
    expect(forged.ok).toBe(false)
    const keyInfo = root(xml).getElementsByTagNameNS(NS.dsig, 'X509Certificate')
    expect(keyInfo).toHaveLength(1)
    expect(Buffer.from(textOf(keyInfo[0] as Element), 'base64')).toEqual(certificateToDer(leaf))
  })

  it.each([
    ['assertion', 'rsa-sha256', [false, true]],
    ['response', 'rsa-sha256', [true, false]],
    ['both', 'rsa-sha256', [true, true]],
    ['assertion', 'rsa-sha1', [false, true]],
  ] as const)(
    'signs the %s with %s as configured',
    async (option, algorithm, [responseSigned, assertionSigned]) => {
      const t = await createTestIdp()
      const { spId } = await setUpSamlApp(t)
      await t.services.samlConfig.setSigningOptions(spId, {
        signingOption: option,
        signingAlgorithm: algorithm,
      })
      const xml = await responseFrom(t)
      const response = root(xml)
      const assertion = childNamed(response, NS.assertion, 'Assertion') as Element
      const policy = {
        trusted: [trustCertificate(certificateToDer(activeCertificatePem(t)) as Buffer)],
        allowSha1: algorithm === 'rsa-sha1',
      }
      expect(verifyEnvelopedSignature(response, policy).ok).toBe(responseSigned)
      expect(verifyEnvelopedSignature(assertion, policy).ok).toBe(assertionSigned)
      const method = attributeOf(
        response.getElementsByTagNameNS(NS.dsig, 'SignatureMethod')[0] as Element,
        'Algorithm',
      )
      expect(method).toBe(
        algorithm === 'rsa-sha1'
          ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1'
          : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      )
      if (option === 'both') {
        const idAttribute = RESPONSE_ID
        expect(
          (await verifyWithXmlsec1(xml, { idAttribute, pubkeyCertPem: activeCertificatePem(t) })).ok,
        ).toBe(true)
      }
    },
  )

  it('signs with the tenant key when the app has no certificate of its own', async () => {
    const t = await createTestIdp()
    const { spId } = await setUpSamlApp(t)
    await t.services.apps.updateServicePrincipal(spId, { preferredTokenSigningKeyThumbprint: null })
    const xml = await responseFrom(t)
    const tenantKey = trustCertificate(
      certificateToDer(t.store.read().tenantSigningCertificate.certificatePem) as Buffer,
    )
    const assertion = childNamed(root(xml), NS.assertion, 'Assertion') as Element
    expect(verifyEnvelopedSignature(assertion, { trusted: [tenantKey], allowSha1: false }).ok).toBe(true)
    expect(SP.acs).toBe(root(xml).getAttribute('Destination'))
  })
})
