import { beforeAll, describe, expect, it } from 'vitest'
import { buildSpMetadata, SP, type TestSigner, testSigners } from '../test-support/saml-messages'
import { type WebexImportedIdp, type WebexOrgFacts, webexOrgInspectionContext } from './webex-org-context'

let sp: TestSigner
beforeAll(async () => {
  ;({ sp } = await testSigners())
})

const origin = { kind: 'webex-org', label: 'Acme, org-1' } as const

const importedIdp = (entityId: string): WebexImportedIdp => ({
  idpEntityId: entityId,
  trustMode: 'self-signed-allowed',
  ssoUrl: `${entityId}/saml2`,
  signingCertificates: [{ subject: 'CN=Microsoft Azure Federated SSO Certificate', thumbprint: 'AB12' }],
})

function orgFacts(sso: Partial<WebexOrgFacts['sso']>, spMetadataXml = buildSpMetadata(sp)): WebexOrgFacts {
  return {
    orgName: 'Acme',
    orgId: 'org-1',
    entityId: SP.entityId,
    acsUrl: SP.acsUrl,
    spMetadataXml,
    sso: {
      enabled: false,
      pending: null,
      active: null,
      settings: {
        clockSkewSeconds: 300,
        allowSha1: true,
        requireAssertionSignature: false,
        allowIdpInitiated: false,
        matchUserBy: 'nameid',
      },
      ...sso,
    },
  }
}

describe("a Webex org's inspection context", () => {
  it("names the org's entityID, ACS URL, signing certificate and SSO settings", () => {
    const context = webexOrgInspectionContext(orgFacts({}))
    expect(context).toEqual({
      spEntityId: { value: SP.entityId, origin },
      acsUrls: { value: [SP.acsUrl], origin },
      spSigners: { value: [sp.trusted], origin },
      policy: {
        skewMs: 300_000,
        allowSha1: true,
        requireAssertionSignature: false,
        allowUnsolicited: false,
        matchUserBy: 'nameid',
        trustMode: null,
        label: "the Webex org's SSO settings",
      },
    })
  })

  it('judges by the pending IdP before SSO is enabled (Test SSO Connection), by the active one after', () => {
    const pending = importedIdp('https://sts.windows.net/pending/')
    const active = importedIdp('https://sts.windows.net/active/')
    const before = webexOrgInspectionContext(orgFacts({ pending, active }))
    expect(before.idpEntityId).toEqual({ value: pending.idpEntityId, origin })
    expect(before.idpSsoUrls).toEqual({ value: [pending.ssoUrl], origin })
    expect(before.idpSigners).toEqual({
      value: [{ thumbprint: 'AB12', subject: 'CN=Microsoft Azure Federated SSO Certificate', der: null }],
      origin,
    })
    expect(before.policy?.trustMode).toBe('self-signed-allowed')
    const after = webexOrgInspectionContext(orgFacts({ enabled: true, pending, active }))
    expect(after.idpEntityId).toEqual({ value: active.idpEntityId, origin })
  })

  it('leaves out what the org does not have: no IdP imported, SP metadata unreadable', () => {
    const context = webexOrgInspectionContext(orgFacts({}, '<x/>'))
    expect(context).not.toHaveProperty('idpEntityId')
    expect(context).not.toHaveProperty('idpSigners')
    expect(context).not.toHaveProperty('spSigners')
  })
})
