import { certificateToDer, readEntityMetadata, signIn, summarizeCertificate } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  CISCO_WEBEX_TEMPLATE_ID,
  CUSTOM_TEMPLATE_ID,
  SINGLE_INSTANCE_MESSAGE,
} from '../../enterprise-apps/gallery'
import { graphClient } from '../../test-support/graph-client'
import { createTestIdp, type TestIdp } from '../../test-support/harness'
import { authnRequestXml, redirectUrl } from '../../test-support/saml-app'

let t: TestIdp
let graph: ReturnType<typeof graphClient>
beforeEach(async () => {
  t = await createTestIdp()
  graph = graphClient(t)
})

async function instantiate(templateId = CUSTOM_TEMPLATE_ID, displayName = 'AWS Contoso') {
  const created = await graph.post(`/v1.0/applicationTemplates/${templateId}/instantiate`, { displayName })
  expect(created.status).toBe(201)
  return {
    appObjectId: created.json.application.id as string,
    spId: created.json.servicePrincipal.id as string,
    appId: created.json.application.appId as string,
  }
}

describe('applicationTemplates', () => {
  it('finds Cisco Webex by displayName and refuses a second instance with Entra’s message', async () => {
    const found = await graph.get("/v1.0/applicationTemplates?$filter=displayName eq 'Cisco Webex'")
    expect(found.json.value).toMatchObject([
      { id: CISCO_WEBEX_TEMPLATE_ID, supportedSingleSignOnModes: ['saml', 'external'] },
    ])
    const created = await graph.post(`/v1.0/applicationTemplates/${CISCO_WEBEX_TEMPLATE_ID}/instantiate`, {
      displayname: 'Cisco Webex',
    })
    expect(created.json).toMatchObject({
      '@odata.context': `${t.url}/v1.0/$metadata#microsoft.graph.applicationServicePrincipal`,
      application: { displayName: 'Cisco Webex', identifierUris: [], signInAudience: 'AzureADMyOrg' },
      servicePrincipal: {
        appRoleAssignmentRequired: true,
        preferredSingleSignOnMode: null,
        samlSingleSignOnSettings: null,
      },
    })
    expect(created.json.servicePrincipal.appRoles.map((r: { displayName: string }) => r.displayName)).toEqual(
      ['User', 'msiam_access'],
    )
    const second = await graph.post(`/v1.0/applicationTemplates/${CISCO_WEBEX_TEMPLATE_ID}/instantiate`, {
      displayName: 'Webex 2',
    })
    expect(second).toMatchObject({ status: 400, json: { error: { message: SINGLE_INSTANCE_MESSAGE } } })
  })
})

describe('configuring SAML SSO through Graph, as Microsoft’s tutorial does', () => {
  it('sets the mode, URLs, certificate, assignment and claims policy, and the app then signs users in', async () => {
    const { appObjectId, spId, appId } = await instantiate()
    expect(
      (
        await graph.patch(`/v1.0/servicePrincipals/${spId}`, {
          preferredSingleSignOnMode: 'saml',
          loginURL: 'https://signin.example.com/start',
          samlSingleSignOnSettings: { relayState: '/home' },
          notificationEmailAddresses: ['admin@contoso.com'],
        })
      ).status,
    ).toBe(204)
    const urls = {
      web: {
        redirectUris: ['https://signin.example.com/saml'],
        logoutUrl: 'https://signin.example.com/logout',
      },
      identifierUris: ['https://signin.example.com/saml'],
    }
    expect((await graph.patch(`/v1.0/applications/${appObjectId}`, urls)).status).toBe(204)
    const certificate = await graph.post(`/v1.0/servicePrincipals/${spId}/addTokenSigningCertificate`, {
      displayName: 'CN=AWSContoso',
      endDateTime: new Date(t.runtime.clock.now() + 200 * 86_400_000).toISOString(),
    })
    expect(certificate.status).toBe(200)
    expect(certificate.json).toMatchObject({
      displayName: 'CN=AWSContoso',
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
    })
    expect(Buffer.from(certificate.json.customKeyIdentifier, 'base64').toString('hex').toUpperCase()).toBe(
      certificate.json.thumbprint,
    )
    expect(summarizeCertificate(certificate.json.key).thumbprint).toBe(certificate.json.thumbprint)
    let sp = (await graph.get(`/v1.0/servicePrincipals/${spId}`)).json
    expect(sp.preferredTokenSigningKeyThumbprint).toBeNull()
    expect(sp.keyCredentials.map((k: { usage: string }) => k.usage)).toEqual(['Sign', 'Verify'])
    expect(
      (
        await graph.patch(`/v1.0/servicePrincipals/${spId}`, {
          preferredTokenSigningKeyThumbprint: certificate.json.thumbprint,
        })
      ).status,
    ).toBe(204)
    sp = (await graph.get(`/v1.0/servicePrincipals/${spId}`)).json
    expect(sp).toMatchObject({
      preferredSingleSignOnMode: 'saml',
      loginUrl: 'https://signin.example.com/start',
      logoutUrl: 'https://signin.example.com/logout',
      replyUrls: ['https://signin.example.com/saml'],
      samlSingleSignOnSettings: { relayState: '/home' },
      servicePrincipalNames: [appId, 'https://signin.example.com/saml'],
      preferredTokenSigningKeyThumbprint: certificate.json.thumbprint,
      notificationEmailAddresses: ['admin@contoso.com'],
    })
    const policy = await graph.post('/v1.0/policies/claimsMappingPolicies', {
      definition: [
        JSON.stringify({
          ClaimsMappingPolicy: {
            Version: 1,
            IncludeBasicClaimSet: 'true',
            ClaimsSchema: [
              { Value: '900', SamlClaimType: 'https://aws.amazon.com/SAML/Attributes/SessionDuration' },
            ],
          },
        }),
      ],
      displayName: 'AWS Claims Policy',
      isOrganizationDefault: false,
    })
    expect(policy.status).toBe(201)
    const ref = {
      '@odata.id': `https://graph.microsoft.com/v1.0/policies/claimsMappingPolicies/${policy.json.id}`,
    }
    expect((await graph.post(`/v1.0/servicePrincipals/${spId}/claimsMappingPolicies/$ref`, ref)).status).toBe(
      204,
    )
    expect(
      (await graph.get(`/v1.0/servicePrincipals/${spId}/claimsMappingPolicies`)).json.value,
    ).toMatchObject([{ id: policy.json.id }])
    const admin = (await graph.get("/v1.0/users?$filter=userPrincipalName eq 'admin@contoso.com'")).json
      .value[0]
    const assigned = await graph.post(`/v1.0/servicePrincipals/${spId}/appRoleAssignedTo`, {
      principalId: admin.id,
      resourceId: spId,
      appRoleId: '00000000-0000-0000-0000-000000000000',
    })
    expect(assigned.json).toMatchObject({
      principalDisplayName: 'Sandbox Admin',
      principalType: 'User',
      resourceDisplayName: 'AWS Contoso',
      resourceId: spId,
    })
    const metadataResponse = await t.app.request(
      `/${t.tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${appId}`,
    )
    const metadata = readEntityMetadata(await metadataResponse.text())
    expect(metadata.ok && metadata.value.idp?.keys[0]?.certificates[0]).toEqual(
      certificateToDer(certificate.json.key),
    )
    const request = authnRequestXml({
      issuer: 'https://signin.example.com/saml',
      acsUrl: 'https://signin.example.com/saml',
    })
    const signedIn = await signIn({
      startUrl: redirectUrl(t, request),
      username: 'admin@contoso.com',
      password: t.adminPassword,
      browser: t.browser(),
    })
    if (!signedIn.ok) throw new Error(signedIn.error.message)
    expect(signedIn.value.samlResponse.xml).toContain(
      '<Attribute Name="https://aws.amazon.com/SAML/Attributes/SessionDuration"><AttributeValue>900</AttributeValue>',
    )
    const log = await graph.get(`/v1.0/auditLogs/signIns?$filter=appId eq '${appId}'`)
    expect(log.json.value[0]).toMatchObject({
      appDisplayName: 'AWS Contoso',
      userPrincipalName: 'admin@contoso.com',
      status: { errorCode: 0 },
    })
  })

  it('adds a Sign and Verify keyCredential and a passwordCredential with one customKeyIdentifier, as addTokenSigningCertificate does', async () => {
    const { spId } = await instantiate()
    const before = (
      await graph.get(`/v1.0/servicePrincipals/${spId}?$select=keyCredentials,passwordCredentials`)
    ).json
    const endDateTime = new Date(t.runtime.clock.now() + 400 * 86_400_000).toISOString()
    const added = await graph.post(`/v1.0/servicePrincipals/${spId}/addTokenSigningCertificate`, {
      displayName: 'CN=customDisplayName',
      endDateTime,
    })
    expect(added.status).toBe(200)
    const sp = (await graph.get(`/v1.0/servicePrincipals/${spId}?$select=keyCredentials,passwordCredentials`))
      .json
    type Credential = { customKeyIdentifier: string; keyId: string; usage?: string; type?: string }
    const mine = (list: Credential[]) =>
      list.filter((k) => k.customKeyIdentifier === added.json.customKeyIdentifier)
    const keys = mine(sp.keyCredentials)
    expect(keys.map((k) => [k.usage, k.type])).toEqual([
      ['Sign', 'X509CertAndPassword'],
      ['Verify', 'AsymmetricX509Cert'],
    ])
    expect(keys[1]).toMatchObject({ keyId: added.json.keyId })
    expect(sp.passwordCredentials).toHaveLength(before.passwordCredentials.length + 1)
    expect(mine(sp.passwordCredentials)).toEqual([
      {
        customKeyIdentifier: added.json.customKeyIdentifier,
        displayName: 'CN=customDisplayName',
        endDateTime: added.json.endDateTime,
        hint: null,
        keyId: keys[0]?.keyId,
        secretText: null,
        startDateTime: added.json.startDateTime,
      },
    ])
    for (const key of keys)
      expect(key).toMatchObject({
        startDateTime: added.json.startDateTime,
        endDateTime: added.json.endDateTime,
      })
  })

  it('reads and patches by appId, validates values, hides the app with the HideApp tag, and deletes', async () => {
    const { spId, appId, appObjectId } = await instantiate()
    expect((await graph.get(`/v1.0/applications(appId='${appId}')`)).json.id).toBe(appObjectId)
    expect((await graph.get(`/v1.0/servicePrincipals(appId='${appId}')`)).json.id).toBe(spId)
    expect((await graph.get(`/v1.0/servicePrincipals?$filter=appId eq '${appId}'`)).json.value).toHaveLength(
      1,
    )
    const bad = await graph.patch(`/v1.0/applications/${appObjectId}`, {
      web: { redirectUris: ['http://example.com/acs'] },
    })
    expect(bad.json.error.message).toContain('must start with https://')
    await graph.patch(`/v1.0/servicePrincipals/${spId}`, {
      tags: ['WindowsAzureActiveDirectoryIntegratedApp', 'HideApp'],
      appRoleAssignmentRequired: false,
    })
    expect(
      (await graph.get(`/v1.0/servicePrincipals/${spId}?$select=tags,appRoleAssignmentRequired`)).json,
    ).toMatchObject({
      tags: ['WindowsAzureActiveDirectoryIntegratedApp', 'HideApp'],
      appRoleAssignmentRequired: false,
    })
    const other = await instantiate(CUSTOM_TEMPLATE_ID, 'Other')
    await graph.patch(`/v1.0/applications/${appObjectId}`, { identifierUris: ['urn:shared'] })
    const clash = await graph.patch(`/v1.0/applications/${other.appObjectId}`, {
      identifierUris: ['urn:shared'],
    })
    expect(clash.json.error.details).toEqual([{ code: 'ObjectConflict', target: 'identifierUris' }])
    expect(
      (await graph.get("/v1.0/applications?$filter=identifierUris/any(x:x eq 'urn:shared')")).json.value,
    ).toMatchObject([{ id: appObjectId }])
    expect((await graph.delete(`/v1.0/applications/${appObjectId}`)).status).toBe(204)
    expect((await graph.get(`/v1.0/servicePrincipals/${spId}`)).status).toBe(404)
  })

  it('lists and removes app role assignments, and refuses a role the app does not define', async () => {
    const { spId } = await instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Cisco Webex')
    const user = await graph.post('/v1.0/users', { displayName: 'Gus', userPrincipalName: 'gus@contoso.com' })
    const wrong = await graph.post(`/v1.0/servicePrincipals/${spId}/appRoleAssignedTo`, {
      principalId: user.json.id,
      resourceId: spId,
      appRoleId: '00000000-0000-0000-0000-000000000000',
    })
    expect(wrong.json.error.message).toContain('Permission being assigned was not found on application')
    const sp = (await graph.get(`/v1.0/servicePrincipals/${spId}`)).json
    const viaUser = await graph.post(`/v1.0/users/${user.json.id}/appRoleAssignments`, {
      principalId: user.json.id,
      resourceId: spId,
      appRoleId: sp.appRoles[0].id,
    })
    expect(viaUser.status).toBe(201)
    const list = await graph.get(`/v1.0/servicePrincipals/${spId}/appRoleAssignedTo`)
    expect(list.json.value).toMatchObject([{ principalId: user.json.id, appRoleId: sp.appRoles[0].id }])
    expect(
      (await graph.delete(`/v1.0/servicePrincipals/${spId}/appRoleAssignedTo/${viaUser.json.id}`)).status,
    ).toBe(204)
    expect((await graph.get(`/v1.0/users/${user.json.id}/appRoleAssignments`)).json.value).toEqual([])
  })
})
