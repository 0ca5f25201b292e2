import { beforeAll, describe, expect, it } from 'vitest'
import { STATUS } from '../saml/urns'
import { check, failures, inspectOne, orgContext } from '../test-support/inspect-kit'
import { buildResponse, IDP, SP, T0, type TestSigner, testSigners } from '../test-support/saml-messages'
import { WEBEX_DEFAULT_POLICY } from './context'
import { inspectSaml } from './inspect-saml'
import type { ResponseCheck } from './response-check'

let idp: TestSigner
beforeAll(async () => {
  idp = (await testSigners()).idp
})

const MINUTE = 60_000

describe('the ACS checks on a correct Entra Response', () => {
  it('pass, in the ACS order, and what cannot be told from one message is not judged', () => {
    const message = inspectOne(buildResponse(idp), orgContext(idp))
    expect(message.checks.map((c) => c.name)).toEqual([
      'XML',
      'Status',
      'One assertion',
      'Assertion signature',
      'Certificate trust',
      'Response issuer',
      'Destination',
      'InResponseTo',
      'Issuer',
      'Subject confirmation',
      'Recipient',
      'Confirmation window',
      'InResponseTo (assertion)',
      'Conditions',
      'Validity window',
      'Audience',
      'NameID',
      'Replay',
      'uid attribute',
    ])
    expect(failures(message)).toEqual([])
    expect(check(message, 'InResponseTo')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('cannot be told from this message alone'),
    })
    expect(check(message, 'Replay').status).toBe('skipped')
    expect(check(message, 'Assertion signature')).toMatchObject({
      status: 'passed',
      detail: expect.stringContaining(`${idp.trusted.thumbprint} is the one imported in Control Hub`),
    })
  })
})

describe('diagnoses of what Entra is configured with', () => {
  it('audience: names both values and the Entra screen that fixes it', () => {
    const message = inspectOne(buildResponse(idp, { audience: 'https://x' }), orgContext(idp))
    expect(failures(message)).toEqual(['Audience'])
    expect(check(message, 'Audience')).toMatchObject({
      code: 'SSO_AUDIENCE_MISMATCH',
      message: `Audience is \`https://x\` but the Webex org's entityID is \`${SP.entityId}\`: set Identifier (Entity ID) on Entra's Basic SAML Configuration to \`${SP.entityId}\``,
      fix: expect.stringContaining('Basic SAML Configuration > Edit: Identifier (Entity ID)'),
    })
  })

  it("audience against the Entra app's own Identifier: the message was not issued by the app as configured now", () => {
    const app = { kind: 'entra-app', label: 'Cisco Webex (app-1)' } as const
    const message = inspectOne(
      buildResponse(idp, { audience: 'https://x' }),
      orgContext(idp, { spEntityId: { value: SP.entityId, origin: app } }),
    )
    expect(check(message, 'Audience')).toMatchObject({
      message: `Audience is \`https://x\` but the Identifier (Entity ID) of the Entra app Cisco Webex (app-1) is \`${SP.entityId}\`: this message was not issued by the app as it is configured now (another app issued it, or the setting changed since): sign in again through this app`,
    })
  })

  it('recipient and destination: the Reply URL', () => {
    const message = inspectOne(
      buildResponse(idp, {
        recipient: 'https://wrong.example/acs',
        destination: 'https://wrong.example/acs',
      }),
      orgContext(idp),
    )
    expect(failures(message)).toEqual(['Destination', 'Recipient'])
    expect(check(message, 'Recipient')).toMatchObject({
      code: 'SSO_RECIPIENT_MISMATCH',
      message: `Recipient is \`https://wrong.example/acs\` but the Webex org's ACS URL is \`${SP.acsUrl}\`: set Reply URL (Assertion Consumer Service URL) on Entra's Basic SAML Configuration to \`${SP.acsUrl}\``,
    })
    expect(check(message, 'Destination')).toMatchObject({
      code: 'SSO_DESTINATION_MISMATCH',
      message: expect.stringMatching(/^Destination is `https:\/\/wrong\.example\/acs` but/),
    })
  })

  it('issuer: the message comes from another tenant than the IdP imported in Control Hub', () => {
    const message = inspectOne(
      buildResponse(idp, { issuer: 'https://sts.windows.net/other-tenant/' }),
      orgContext(idp),
    )
    expect(failures(message)).toEqual(['Response issuer', 'Issuer'])
    expect(check(message, 'Issuer')).toMatchObject({
      code: 'SSO_UNTRUSTED_ISSUER',
      message: `The assertion's Issuer is \`https://sts.windows.net/other-tenant/\` but the IdP imported in Control Hub is \`${IDP.entityId}\`: the message comes from another IdP or tenant than the one Webex trusts`,
    })
  })

  it('missing uid: lists what arrived and says to add the claim; a NameID-matching org does not need it', () => {
    const response = buildResponse(idp, {
      attributes: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name': 'b.simon@contoso.com' },
    })
    const message = inspectOne(response, orgContext(idp))
    expect(failures(message)).toEqual(['uid attribute'])
    expect(check(message, 'uid attribute')).toMatchObject({
      code: 'SSO_UID_MISSING',
      message:
        'The assertion has no attribute named "uid", which Webex uses to find the user; it carries only http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
      fix: expect.stringContaining('Attributes & Claims > Add new claim: Name uid'),
    })
    const byNameId = orgContext(idp, {
      policy: { ...WEBEX_DEFAULT_POLICY, matchUserBy: 'nameid', label: "the Webex org's SSO settings" },
    })
    expect(check(inspectOne(response, byNameId), 'uid attribute').status).toBe('passed')
  })

  it('NameID format Webex does not accept', () => {
    const message = inspectOne(
      buildResponse(idp, { nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' }),
      orgContext(idp),
    )
    expect(check(message, 'NameID')).toMatchObject({
      code: 'SSO_NAMEID_FORMAT',
      message: expect.stringContaining('Name Identifier format is incorrect'),
    })
  })

  it('status: the sign-in failed at Entra', () => {
    const message = inspectOne(buildResponse(idp, { status: STATUS.requester }), orgContext(idp))
    expect(check(message, 'Status')).toMatchObject({
      code: 'SSO_IDP_ERROR',
      message: expect.stringContaining(`Entra answered ${STATUS.requester}`),
    })
  })
})

describe('diagnoses of time', () => {
  it('expired: how long ago, in human form, with the NotOnOrAfter and the cause', () => {
    const end = T0 + 60 * MINUTE
    const message = inspectOne(
      buildResponse(idp),
      orgContext(idp, { at: end + 2 * 60 * MINUTE + 3 * MINUTE + 20_000 }),
    )
    expect(failures(message)).toEqual(['Confirmation window', 'Validity window'])
    expect(check(message, 'Validity window')).toMatchObject({
      code: 'SSO_ASSERTION_EXPIRED',
      message: expect.stringMatching(
        /^The assertion expired 2 h 03 min ago \(NotOnOrAfter 2026-03-01T13:00:00\.000Z, judged at 2026-03-01T15:03:20\.000Z, allowed clock skew 3 min\): the IdP clock is behind or the message is old$/,
      ),
    })
    expect(check(message, 'Confirmation window')).toMatchObject({
      message: expect.stringContaining("The assertion's subject confirmation expired 2 h 03 min ago"),
    })
  })

  it('within the allowed skew it is still valid; the org skew is what counts', () => {
    const end = T0 + 60 * MINUTE
    expect(failures(inspectOne(buildResponse(idp), orgContext(idp, { at: end + 2 * MINUTE })))).toEqual([])
    const strict = orgContext(idp, {
      at: end + 2 * MINUTE,
      policy: { ...WEBEX_DEFAULT_POLICY, skewMs: 60_000 },
    })
    expect(failures(inspectOne(buildResponse(idp), strict))).toEqual([
      'Confirmation window',
      'Validity window',
    ])
  })

  it('not yet valid: how long to wait, and that the IdP clock is ahead', () => {
    const notBefore = T0 - 5 * MINUTE
    const message = inspectOne(
      buildResponse(idp),
      orgContext(idp, { at: notBefore - 3 * MINUTE - 4 * MINUTE - 10_000 }),
    )
    expect(failures(message)).toEqual(['Validity window'])
    expect(check(message, 'Validity window')).toMatchObject({
      code: 'SSO_ASSERTION_NOT_YET_VALID',
      message: expect.stringMatching(
        /^The assertion is not valid for another 7 min 10 s \(NotBefore 2026-03-01T11:55:00\.000Z, .*\): the IdP clock is ahead of Webex's$/,
      ),
    })
  })
})

describe('InResponseTo', () => {
  it('unsolicited: allowed by default, refused by an org that accepts only sign-ins it starts', () => {
    const response = buildResponse(idp, { inResponseTo: null })
    expect(check(inspectOne(response, orgContext(idp)), 'InResponseTo')).toMatchObject({
      status: 'passed',
      detail: expect.stringContaining('unsolicited'),
    })
    const spOnly = orgContext(idp, { policy: { ...WEBEX_DEFAULT_POLICY, allowUnsolicited: false } })
    expect(check(inspectOne(response, spOnly), 'InResponseTo')).toMatchObject({
      code: 'SSO_UNSOLICITED_RESPONSE',
      message: expect.stringContaining('The Response answers no AuthnRequest (it has no InResponseTo)'),
      fix: expect.stringContaining('Start the sign-in from Webex'),
    })
  })
})

describe('without context', () => {
  it('judges what it can and says what to give for the rest', () => {
    const message = inspectOne(buildResponse(idp), {
      ...orgContext(idp),
      spEntityId: null,
      acsUrls: null,
      idpEntityId: null,
      idpSigners: null,
    })
    expect(failures(message)).toEqual([])
    expect(check(message, 'Audience')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('give --sp-metadata or --org'),
    })
    expect(check(message, 'Assertion signature')).toMatchObject({
      status: 'passed',
      detail: expect.stringContaining('not compared with a trusted certificate'),
    })
  })
})

describe('the seam for the SP table of ACS checks', () => {
  it('runs any table of named checks in place of the inspector’s own, leaving out those that do not apply', () => {
    const table: ResponseCheck[] = [
      { name: 'First', codes: [], run: () => ({ status: 'passed', detail: 'seen' }) },
      { name: 'Not for this one', codes: [], run: () => null },
      {
        name: 'Audience',
        codes: ['SSO_AUDIENCE_MISMATCH'],
        run: (_r, { context }) => ({
          status: 'failed',
          code: 'X',
          message: `vs ${context.spEntityId?.value}`,
          fix: 'f',
        }),
      },
    ]
    const report = inspectSaml(buildResponse(idp), { context: orgContext(idp), responseChecks: table })
    if (!report.ok) throw new Error(report.error.message)
    expect(report.value.messages[0]?.checks).toEqual([
      { name: 'First', status: 'passed', detail: 'seen' },
      { name: 'Audience', status: 'failed', code: 'X', message: `vs ${SP.entityId}`, fix: 'f' },
    ])
    expect(report.value.exitCode).toBe(1)
  })
})
