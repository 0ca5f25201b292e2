import { describe, expect, it } from 'vitest'
import {
  readRealFixture,
  TERCEN_CERTIFICATE,
  TERCEN_RESPONSE,
  WIREAPP_METADATA,
  WIREAPP_RESPONSE,
} from '../../../../test/support/real-fixtures'
import { check, failures, inspectOne } from '../test-support/inspect-kit'
import { createInspectionContext } from './context'
import { idpContextFromMetadata, readCertificateFile } from './context-sources'
import { humanDuration } from './durations'

/** The real, signed Entra samples, inspected as a person debugging them would. */

const tercenCertificate = (() => {
  const read = readCertificateFile(Buffer.from(readRealFixture(TERCEN_CERTIFICATE)))
  if (!read.ok) throw new Error(read.error)
  return read.value
})()

const TERCEN_END = '2022-02-23T18:49:18.779Z'

describe('the 2022 Entra Response (app certificate)', () => {
  const given = (at: number) =>
    createInspectionContext({
      at,
      idpSigners: { value: [tercenCertificate], origin: { kind: 'certificate', label: TERCEN_CERTIFICATE } },
    })

  it('verifies with the given certificate, reports it expired with how long ago, and lists every claim', () => {
    const at = Date.parse('2022-02-23T20:52:30Z')
    const message = inspectOne(readRealFixture(TERCEN_RESPONSE), given(at))
    expect(message.signatures).toEqual([
      expect.objectContaining({
        signedElement: 'Assertion',
        verdict: 'valid',
        trust: 'matches',
        reference: '#_8c68ecbc-f68b-4f9b-bf66-e6afe9c0b001',
      }),
    ])
    expect(check(message, 'Assertion signature')).toMatchObject({
      status: 'passed',
      detail: expect.stringContaining(
        '51C2D601242429AFD1F23C23C5D7AF1AC50604F1 is the given certificate (entra-app-signing-cert.2022.tercen.pem)',
      ),
    })
    expect(check(message, 'Validity window')).toMatchObject({
      message: `The assertion expired 2 h 03 min ago (NotOnOrAfter ${TERCEN_END}, judged at 2022-02-23T20:52:30.000Z, allowed clock skew 3 min): the IdP clock is behind or the message is old`,
    })
    expect(message.summary.attributes).toEqual([
      {
        name: 'http://schemas.microsoft.com/identity/claims/tenantid',
        friendlyName: null,
        nameFormat: null,
        values: ['5b5c94c6-14cf-42da-85bc-4e08722b253b'],
      },
      {
        name: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
        friendlyName: null,
        nameFormat: null,
        values: ['814bd554-6a00-405c-91d5-4132d39ba4fb'],
      },
      {
        name: 'http://schemas.microsoft.com/identity/claims/displayname',
        friendlyName: null,
        nameFormat: null,
        values: ['test'],
      },
      {
        name: 'http://schemas.microsoft.com/identity/claims/identityprovider',
        friendlyName: null,
        nameFormat: null,
        values: ['https://sts.windows.net/5b5c94c6-14cf-42da-85bc-4e08722b253b/'],
      },
      {
        name: 'http://schemas.microsoft.com/claims/authnmethodsreferences',
        friendlyName: null,
        nameFormat: null,
        values: ['http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password'],
      },
      {
        name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
        friendlyName: null,
        nameFormat: null,
        values: ['test@alexandremaurelgmail.onmicrosoft.com'],
      },
    ])
    expect(message.summary.fields).toContainEqual({
      label: 'NameID',
      value: 'test@alexandremaurelgmail.onmicrosoft.com',
    })
  })

  it('judged today, says how long ago it expired and that its certificate has expired too', () => {
    const now = Date.now()
    const message = inspectOne(readRealFixture(TERCEN_RESPONSE), given(now))
    expect(check(message, 'Validity window')).toMatchObject({
      message: expect.stringContaining(
        `The assertion expired ${humanDuration(now - Date.parse(TERCEN_END))} ago`,
      ),
    })
    expect(check(message, 'Certificate trust')).toMatchObject({
      code: 'CERT_EXPIRED',
      message: expect.stringContaining('(NotAfter 2025-02-23T09:21:37.000Z)'),
    })
    expect(message.certificates[0]).toMatchObject({
      selfSigned: true,
      validAtJudgedTime: false,
      thumbprint: '51C2D601242429AFD1F23C23C5D7AF1AC50604F1',
    })
  })

  it('judged at the time it was issued, only the missing uid (Webex needs it; this app did not send it) fails', () => {
    const message = inspectOne(readRealFixture(TERCEN_RESPONSE), given(Date.parse('2022-02-23T17:50:00Z')))
    expect(failures(message)).toEqual(['uid attribute'])
  })
})

describe('the 2018 Entra Response (tenant key) with the 2018 tenant metadata', () => {
  const origin = { kind: 'idp-metadata', label: WIREAPP_METADATA } as const
  const fromMetadata = (at: number) => {
    const idp = idpContextFromMetadata(readRealFixture(WIREAPP_METADATA), origin)
    if (!idp.ok) throw new Error(idp.error)
    return createInspectionContext({ at, ...idp.value })
  }

  it("verifies with the metadata's certificate, trusts its Issuer, and reports each expiry with how long ago", () => {
    const at = Date.parse('2018-04-14T12:00:00Z')
    const message = inspectOne(readRealFixture(WIREAPP_RESPONSE), fromMetadata(at))
    expect(check(message, 'Assertion signature')).toMatchObject({
      status: 'passed',
      detail: expect.stringContaining(`is one in the IdP metadata (${WIREAPP_METADATA})`),
    })
    expect(check(message, 'Issuer')).toMatchObject({
      status: 'passed',
      detail: 'https://sts.windows.net/682febe8-021b-4fde-ac09-e60085f05181/',
    })
    expect(failures(message)).toEqual(['Confirmation window', 'Validity window', 'NameID', 'uid attribute'])
    expect(check(message, 'Confirmation window')).toMatchObject({
      message: expect.stringMatching(
        /^The assertion's subject confirmation expired 1 h 56 min ago \(SubjectConfirmationData NotOnOrAfter 2018-04-14T10:03:58.442Z/,
      ),
    })
    expect(check(message, 'Validity window')).toMatchObject({
      message: expect.stringMatching(
        /^The assertion expired 1 h 06 min ago \(NotOnOrAfter 2018-04-14T10:53:58.442Z/,
      ),
    })
    // A pairwise persistent NameID, which Webex does not accept (it reads transient, unspecified, emailAddress).
    expect(check(message, 'NameID')).toMatchObject({ code: 'SSO_NAMEID_FORMAT' })
    expect(message.summary.attributes.length).toBeGreaterThanOrEqual(5)
    for (const attribute of message.summary.attributes) expect(attribute.values.length).toBeGreaterThan(0)
  })
})

describe('the 2018 Entra tenant metadata as input', () => {
  it('reads its entityID, verifies its signature, and lists both signing certificates with their validity', () => {
    const message = inspectOne(
      readRealFixture(WIREAPP_METADATA),
      createInspectionContext({ at: Date.parse('2026-03-01T00:00:00Z') }),
    )
    expect(message.kind).toBe('Metadata')
    expect(message.summary.fields).toContainEqual({
      label: 'entityID',
      value: 'https://sts.windows.net/682febe8-021b-4fde-ac09-e60085f05181/',
    })
    expect(message.signatures[0]).toMatchObject({
      signedElement: 'EntityDescriptor',
      verdict: 'valid',
      trust: 'not-compared',
    })
    expect(message.certificates.map((c) => c.subject)).toEqual([
      'CN=accounts.accesscontrol.windows.net',
      'CN=login.microsoftonline.us',
    ])
    expect(check(message, 'Certificates')).toMatchObject({
      code: 'CERT_EXPIRED',
      message: expect.stringContaining('expired'),
    })
  })
})
