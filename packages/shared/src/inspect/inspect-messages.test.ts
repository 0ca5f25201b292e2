import { beforeAll, describe, expect, it } from 'vitest'
import { encodeRedirectBinding } from '../saml/bindings'
import { STATUS } from '../saml/urns'
import { signInHar } from '../test-support/har'
import { check, failures, inspectOne, orgContext } from '../test-support/inspect-kit'
import {
  buildAuthnRequest,
  buildIdpMetadata,
  buildLogoutRequest,
  buildLogoutResponse,
  buildResponse,
  buildSpMetadata,
  IDP,
  SP,
  T0,
  type TestSigner,
  testSigners,
} from '../test-support/saml-messages'
import type { InspectionContext } from './context'
import { inspectSaml } from './inspect-saml'

let idp: TestSigner
let sp: TestSigner
let other: TestSigner
let context: InspectionContext
beforeAll(async () => {
  ;({ idp, sp, other } = await testSigners())
  context = orgContext(idp, {
    spSigners: { value: [sp.trusted], origin: { kind: 'sp-metadata', label: 'webex.xml' } },
  })
})

const APP = { kind: 'entra-app', label: 'Cisco Webex' } as const

describe('an AuthnRequest: what Entra checks', () => {
  it('passes when the Issuer is the Identifier and the ACS URL a Reply URL', () => {
    const message = inspectOne(buildAuthnRequest(), context)
    expect(message).toMatchObject({
      kind: 'AuthnRequest',
      checksBy: "Entra's checks of an AuthnRequest",
      failed: 0,
    })
    expect(message.summary.fields).toContainEqual({ label: 'AssertionConsumerServiceURL', value: SP.acsUrl })
  })

  it('Issuer not an Identifier of the Entra app: AADSTS700016, and where to set it', () => {
    const app = { ...context, spEntityId: { value: 'https://idbroker.webex.com/other-org', origin: APP } }
    expect(check(inspectOne(buildAuthnRequest(), app), 'Issuer')).toMatchObject({
      code: 'AADSTS700016',
      message: expect.stringContaining(
        `Issuer is \`${SP.entityId}\` but the Identifier (Entity ID) of the Entra app Cisco Webex is \`https://idbroker.webex.com/other-org\`: Entra answers AADSTS700016`,
      ),
    })
  })

  it('ACS URL not a Reply URL: AADSTS50011; NameIDPolicy Entra does not issue: AADSTS75016', () => {
    const app = { ...context, acsUrls: { value: ['https://elsewhere/acs'], origin: APP } }
    const message = inspectOne(
      buildAuthnRequest({ nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos' }),
      app,
    )
    expect(failures(message)).toEqual(['AssertionConsumerServiceURL', 'NameIDPolicy'])
    expect(check(message, 'AssertionConsumerServiceURL')).toMatchObject({ code: 'AADSTS50011' })
    expect(check(message, 'NameIDPolicy')).toMatchObject({ code: 'AADSTS75016' })
  })

  it('verifies the Redirect-binding query signature with the given SP certificate, and says when it does not verify', () => {
    const signed = encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: buildAuthnRequest(),
      relayState: '/x',
      signing: { privateKey: sp.key.privateKey, algorithm: 'rsa-sha256' },
    })
    const good = inspectOne(`https://login.microsoftonline.com/t/saml2?${signed}`, context)
    expect(good.signatures[0]).toMatchObject({
      signedElement: 'AuthnRequest query string',
      verdict: 'valid',
      trust: 'matches',
    })
    expect(check(good, 'Signature').status).toBe('passed')
    const forged = encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: buildAuthnRequest(),
      signing: { privateKey: other.key.privateKey, algorithm: 'rsa-sha256' },
    })
    const bad = inspectOne(`https://login.microsoftonline.com/t/saml2?${forged}`, context)
    expect(bad.signatures[0]?.verdict).toBe('invalid')
    expect(check(bad, 'Signature').status).toBe('failed')
    const unknown = inspectOne(`https://login.microsoftonline.com/t/saml2?${signed}`, {
      ...context,
      spSigners: null,
    })
    expect(check(unknown, 'Signature')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining("give the sender's certificate"),
    })
  })
})

describe('logout messages', () => {
  it('a signed LogoutRequest from Webex passes; an unsigned one is refused', () => {
    const signed = encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: buildLogoutRequest(),
      signing: { privateKey: sp.key.privateKey, algorithm: 'rsa-sha256' },
    })
    expect(inspectOne(signed, context)).toMatchObject({ kind: 'LogoutRequest', failed: 0 })
    expect(check(inspectOne(buildLogoutRequest(), context), 'Signature')).toMatchObject({
      code: 'SLO_UNSIGNED',
    })
    expect(check(inspectOne(buildLogoutRequest('https://someone.else/'), context), 'Issuer')).toMatchObject({
      code: 'SLO_UNTRUSTED_ISSUER',
    })
  })

  it('a LogoutResponse: its status and its signature (Entra signs with its key)', () => {
    const signed = encodeRedirectBinding({
      parameter: 'SAMLResponse',
      xml: buildLogoutResponse(),
      signing: { privateKey: idp.key.privateKey, algorithm: 'rsa-sha256' },
    })
    const message = inspectOne(signed, context)
    expect(message).toMatchObject({ kind: 'LogoutResponse', failed: 0 })
    expect(message.summary.fields).toContainEqual({ label: 'InResponseTo', value: '_logout-1' })
    const partial = encodeRedirectBinding({
      parameter: 'SAMLResponse',
      xml: buildLogoutResponse(STATUS.partialLogout),
      signing: { privateKey: idp.key.privateKey, algorithm: 'rsa-sha256' },
    })
    expect(failures(inspectOne(partial, context))).toEqual(['Status'])
  })
})

describe('metadata', () => {
  it('IdP metadata: entityID, endpoints, its signature and every certificate', () => {
    const message = inspectOne(buildIdpMetadata(idp), context)
    expect(message).toMatchObject({ kind: 'Metadata', failed: 0 })
    expect(message.summary.fields).toContainEqual({ label: 'entityID', value: IDP.entityId })
    expect(message.signatures[0]).toMatchObject({
      signedElement: 'EntityDescriptor',
      verdict: 'valid',
      trust: 'matches',
    })
    expect(message.certificates.map((c) => c.thumbprint)).toEqual([idp.trusted.thumbprint])
  })

  it('SP metadata compared with the org: another entity is named as such', () => {
    const message = inspectOne(buildSpMetadata(sp), {
      ...context,
      spEntityId: {
        value: 'https://idbroker.webex.com/other',
        origin: { kind: 'webex-org', label: 'Contoso' },
      },
    })
    expect(check(message, 'Metadata signature').status).toBe('passed')
    expect(check(message, 'entityID')).toMatchObject({ code: 'METADATA_ENTITY_MISMATCH' })
  })

  it('a metadata certificate that has expired', () => {
    const message = inspectOne(buildIdpMetadata(idp, false), { ...context, at: T0 + 5 * 365 * 86_400_000 })
    expect(check(message, 'Certificates')).toMatchObject({
      code: 'CERT_EXPIRED',
      message: expect.stringMatching(/expired 2 years (\d+ months? )?ago \(NotAfter /),
    })
  })
})

describe('a HAR file: the messages as one conversation', () => {
  const byLocation = (report: ReturnType<typeof inspectSaml>) => {
    if (!report.ok) throw new Error(report.error.message)
    return report.value
  }

  it("checks the Response's InResponseTo against the AuthnRequest sent before it", () => {
    const report = byLocation(inspectSaml(signInHar(buildResponse(idp)), { context }))
    expect(report.messages.map((m) => m.kind)).toEqual(['AuthnRequest', 'Response', 'LogoutRequest'])
    const response = report.messages[1]
    if (!response) throw new Error('no Response')
    expect(check(response, 'InResponseTo')).toMatchObject({
      status: 'passed',
      detail: 'answers the AuthnRequest _request-1 sent before it',
    })
    expect(check(response, 'Replay').status).toBe('passed')
  })

  it('without other context, judges the Response by the AuthnRequest it answers: its Issuer is the Audience Entra must send', () => {
    const bare = { ...context, spEntityId: null, acsUrls: null }
    const report = byLocation(
      inspectSaml(signInHar(buildResponse(idp, { audience: 'https://wrong' })), { context: bare }),
    )
    const response = report.messages[1]
    if (!response) throw new Error('no Response')
    expect(failures(response)).toEqual(['Audience'])
    expect(check(response, 'Audience')).toMatchObject({
      message: `Audience is \`https://wrong\` but the Issuer of the AuthnRequest it answers (HAR entry 2: GET https://login.microsoftonline.com/tenant/saml2?…) is \`${SP.entityId}\`: set Identifier (Entity ID) on Entra's Basic SAML Configuration to \`${SP.entityId}\``,
    })
    expect(check(response, 'Recipient').status).toBe('passed')
  })

  it('a Response answering another request, and the same assertion posted twice', () => {
    const har = JSON.parse(signInHar(buildResponse(idp, { inResponseTo: '_someone-else' }))) as {
      log: { entries: unknown[] }
    }
    har.log.entries.push(har.log.entries[3])
    const report = byLocation(inspectSaml(JSON.stringify(har), { context }))
    const [, first, , second] = report.messages
    if (!first || !second) throw new Error('messages missing')
    expect(check(first, 'InResponseTo')).toMatchObject({
      code: 'SSO_INRESPONSETO_MISMATCH',
      message: expect.stringContaining('`_request-1`'),
    })
    expect(check(second, 'Replay')).toMatchObject({
      code: 'SSO_REPLAYED_ASSERTION',
      message: expect.stringContaining('was already posted (HAR entry 4'),
    })
    expect(report.exitCode).toBe(1)
  })
})

describe('input that is XML but not SAML', () => {
  it('is unusable, saying what the root was and what is expected', () => {
    expect(inspectSaml('<invoice xmlns="urn:x"><total>1</total></invoice>', { context })).toEqual({
      ok: false,
      error: {
        code: 'INPUT_NOT_SAML',
        message: expect.stringContaining(
          "The XML's root element is <invoice> in urn:x: it is not a SAML message or SAML metadata",
        ),
      },
    })
  })
})
