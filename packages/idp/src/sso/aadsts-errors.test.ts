import { deflateRawSync } from 'node:zlib'
import { encodePostBinding, readPage, signIn } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestIdp, type TestIdp } from '../test-support/harness'
import { authnRequestXml, postToSaml2, redirectUrl, SP, setUpSamlApp } from '../test-support/saml-app'

let t: TestIdp
let spId: string
beforeEach(async () => {
  t = await createTestIdp()
  ;({ spId } = await setUpSamlApp(t))
})

/** Asserts Entra's error page for `code` and that no SAML message of any kind was issued. */
async function expectErrorPage(response: Response, code: string, status = 400): Promise<string> {
  const body = await response.text()
  const html = readPage(body, new URL(t.url)).text
  expect(response.status).toBe(status)
  expect(html).toContain('Sorry, but we’re having trouble signing you in.')
  expect(html).toContain(`${code}: `)
  for (const label of ['Request Id', 'Correlation Id', 'Timestamp']) expect(html).toContain(label)
  expect(body).not.toContain('name="SAMLResponse"')
  expect(body).not.toContain('<form')
  const logged = t.services.signInLog.list()[0]
  expect(logged?.errorCode).toBe(Number(code.replace('AADSTS', '')))
  return html
}

const get = (url: string) => Promise.resolve(t.app.request(url.replace(t.url, '')))
const rawRedirect = (query: string) => get(`/${t.tenantId}/saml2?${query}`)

/** Signs the admin in through the browser and returns the page it ends on (an error page here). */
async function afterSignIn(request: string) {
  const browser = t.browser()
  const result = await signIn({
    startUrl: redirectUrl(t, request),
    username: 'admin@contoso.com',
    password: t.adminPassword,
    browser,
  })
  expect(result.ok).toBe(false)
  if (result.ok) throw new Error('a response was issued')
  expect(browser.samlMessages().filter((m) => m.parameter === 'SAMLResponse')).toEqual([])
  return result.error.page as NonNullable<typeof result.error.page>
}

describe('AADSTS errors of the SAML endpoint (error page, no response)', () => {
  it('AADSTS90002: unknown tenant', async () => {
    await expectErrorPage(
      await get(`/00000000-1111-4222-8333-444444444444/saml2?SAMLRequest=x`),
      'AADSTS90002',
      404,
    )
  })

  it('AADSTS750054: no SAMLRequest on either binding', async () => {
    await expectErrorPage(await get(`/${t.tenantId}/saml2`), 'AADSTS750054')
    await expectErrorPage(await get(`/${t.tenantId}/saml2?RelayState=x`), 'AADSTS750054')
    const post = await t.app.request(`/${t.tenantId}/saml2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'RelayState=x',
    })
    await expectErrorPage(post, 'AADSTS750054')
  })

  it('AADSTS75005: not a valid SAML2 protocol message', async () => {
    const deflated = (xml: string) => encodeURIComponent(deflateRawSync(Buffer.from(xml)).toString('base64'))
    const cases = [
      'SAMLRequest=%%%',
      `SAMLRequest=${encodeURIComponent(Buffer.from('<a/>').toString('base64'))}`,
      `SAMLRequest=${deflated('not xml')}`,
      `SAMLRequest=${deflated('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>')}`,
      `SAMLRequest=${deflated(`<!DOCTYPE x>${authnRequestXml()}`)}`,
      `SAMLRequest=${deflated(authnRequestXml({ issuer: null }))}`,
      `SAMLRequest=${deflated(authnRequestXml().replace('Version="2.0"', 'Version="1.1"'))}`,
    ]
    for (const query of cases) await expectErrorPage(await rawRedirect(query), 'AADSTS75005')
  })

  it('AADSTS7500529: an ID that begins with a digit', async () => {
    const html = await expectErrorPage(
      await get(redirectUrl(t, authnRequestXml({ id: '6c1c178c' }))),
      'AADSTS7500529',
    )
    expect(html).toContain(
      "The value '6c1c178c' is not a valid SAML ID. The ID must not begin with a number.",
    )
  })

  it('AADSTS700016: an Issuer that is not an Identifier (a trailing slash counts)', async () => {
    const html = await expectErrorPage(
      await get(redirectUrl(t, authnRequestXml({ issuer: `${SP.entityId}/` }))),
      'AADSTS700016',
    )
    expect(html).toContain(
      `Application with identifier '${SP.entityId}/' was not found in the directory 'Contoso'.`,
    )
  })

  it('AADSTS50011: a reply URL or index that is not registered, on both bindings', async () => {
    const appId = t.store.read().apps[0]?.application.appId
    const html = await expectErrorPage(
      await get(redirectUrl(t, authnRequestXml({ acsUrl: 'https://evil.test/acs' }))),
      'AADSTS50011',
    )
    expect(html).toContain(`configured for the application: '${appId}'`)
    await expectErrorPage(await postToSaml2(t, authnRequestXml({ acsUrl: `${SP.acs}/` })), 'AADSTS50011')
    const byIndex = authnRequestXml({ acsUrl: null, attributes: ' AssertionConsumerServiceIndex="7"' })
    await expectErrorPage(await get(redirectUrl(t, byIndex)), 'AADSTS50011')
  })

  it('AADSTS500113: an app without any reply URL', async () => {
    const app = t.store.read().apps[0]
    await t.services.apps.updateApplication(app?.application.id ?? '', { redirectUris: [] })
    await expectErrorPage(await get(redirectUrl(t, authnRequestXml({ acsUrl: null }))), 'AADSTS500113')
  })

  it('AADSTS76021: an unsigned request to an app that requires signed requests', async () => {
    const pem = t.runtime.ca.intermediate.certificatePem
    await t.services.samlConfig.setRequestVerification(spId, { required: true, certificates: [pem] })
    await expectErrorPage(await get(redirectUrl(t, authnRequestXml())), 'AADSTS76021')
    await expectErrorPage(await postToSaml2(t, authnRequestXml()), 'AADSTS76021')
  })

  it('AADSTS75003: a response binding other than HTTP-POST', async () => {
    const request = authnRequestXml().replace('bindings:HTTP-POST', 'bindings:HTTP-Artifact')
    await expectErrorPage(await get(redirectUrl(t, request)), 'AADSTS75003')
  })

  it('AADSTS900236: Subject, Scoping/IDPList and a non-exact Comparison', async () => {
    const cases = [
      '<saml:Subject><saml:NameID>x@contoso.com</saml:NameID></saml:Subject>',
      '<samlp:Scoping><samlp:IDPList><samlp:IDPEntry ProviderID="x"/></samlp:IDPList></samlp:Scoping>',
      '<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>',
    ]
    for (const children of cases)
      await expectErrorPage(await get(redirectUrl(t, authnRequestXml({ children }))), 'AADSTS900236')
  })

  it('AADSTS50105: a user who is not assigned, after signing in', async () => {
    const admin = t.store.read().appRoleAssignments[0]?.id ?? ''
    await t.services.assignments.unassign(admin)
    const page = await afterSignIn(authnRequestXml())
    expect(page.status).toBe(403)
    expect(page.facts.text).toContain(
      "The signed in user 'admin@contoso.com' is blocked because they are not a direct member of a group with access",
    )
    expect(t.services.signInLog.list()[0]).toMatchObject({
      errorCode: 50105,
      userPrincipalName: 'admin@contoso.com',
    })
  })

  it('AADSTS75011: a RequestedAuthnContext a password sign-in cannot meet', async () => {
    const context =
      '<samlp:RequestedAuthnContext Comparison="exact"><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:X509</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>'
    const page = await afterSignIn(authnRequestXml({ children: context }))
    expect(page.status).toBe(400)
    expect(page.facts.text).toContain(
      "Authentication method 'Password' by which the user authenticated with the service doesn't match requested authentication method 'X509'. Contact the Tercen application owner.",
    )
  })

  it('AADSTS501241: a NameID source the user has no value for', async () => {
    await t.services.claims.setNameId(spId, {
      source: { kind: 'attribute', attribute: 'user.onpremisesuserprincipalname' },
      format: 'default',
    })
    const page = await afterSignIn(authnRequestXml())
    expect(page.facts.text).toContain(
      "AADSTS501241: Mandatory Input 'user.onpremisesuserprincipalname' missing",
    )
  })

  it('AADSTS7000112: a disabled application', async () => {
    await t.services.apps.updateServicePrincipal(spId, { accountEnabled: false })
    const page = await afterSignIn(authnRequestXml())
    expect(page.status).toBe(403)
    expect(page.facts.text).toContain('AADSTS7000112')
  })

  it('answers an unsupported NameIDPolicy Format with a Requester/InvalidNameIDPolicy Response and no assertion', async () => {
    const policy = '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos"/>'
    const response = await get(redirectUrl(t, authnRequestXml({ children: policy })))
    const html = await response.text()
    const value = /name="SAMLResponse" value="([^"]+)"/.exec(html)?.[1] ?? ''
    const xml = Buffer.from(value, 'base64').toString()
    expect(xml).toContain('urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy')
    expect(xml).toContain('AADSTS75016')
    expect(xml).not.toContain('Assertion')
    expect(encodePostBinding(xml)).toBe(value)
    expect(t.services.signInLog.list()[0]?.errorCode).toBe(75016)
  })
})
