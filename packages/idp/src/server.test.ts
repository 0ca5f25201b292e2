import { encodeRedirectBinding, HeadlessBrowser, type Runtime, readEntityMetadata } from '@sandbox/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../../test/support/test-runtime'
import type { IdpConfig } from './config'
import { CUSTOM_TEMPLATE_ID } from './enterprise-apps/gallery'
import { type RunningIdp, startIdp } from './server'
import { authnRequestXml } from './test-support/saml-app'
import { submitCredentials } from './test-support/sign-in-steps'

let runtime: Runtime
let idp: RunningIdp
const config: IdpConfig = {
  host: '127.0.0.1',
  port: 0,
  publicUrl: undefined,
  dataDir: null,
  reset: false,
  https: false,
}

beforeAll(async () => {
  runtime = await createTestRuntime()
  idp = await startIdp(config, runtime)
})
afterAll(async () => {
  await idp?.close()
})

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${idp.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  // biome-ignore lint/suspicious/noExplicitAny: Graph JSON is read field by field.
  return { status: response.status, json: (text ? JSON.parse(text) : null) as any }
}

describe('the Entra ID emulator over a real socket', () => {
  it('configures a SAML app through the token endpoint and Graph, serves its metadata, and signs a user in', async () => {
    expect(idp.url).toMatch(/^http:\/\/localhost:\d+$/)
    expect(idp.graphApiToken.length).toBeGreaterThanOrEqual(32)
    const tokenResponse = await fetch(`${idp.url}/${idp.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: idp.automationClient.clientId,
        client_secret: idp.automationClient.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    })
    const token = ((await tokenResponse.json()) as { access_token: string }).access_token
    const created = await call(
      'POST',
      `/v1.0/applicationTemplates/${CUSTOM_TEMPLATE_ID}/instantiate`,
      token,
      { displayName: 'Socket app' },
    )
    const spId = created.json.servicePrincipal.id as string
    const appId = created.json.application.appId as string
    expect(
      (await call('PATCH', `/v1.0/servicePrincipals/${spId}`, token, { preferredSingleSignOnMode: 'saml' }))
        .status,
    ).toBe(204)
    expect(
      (
        await call('PATCH', `/v1.0/applications/${created.json.application.id}`, token, {
          identifierUris: ['urn:socket'],
          web: { redirectUris: ['http://127.0.0.1:9/acs'] },
        })
      ).status,
    ).toBe(204)
    const certificate = await call(
      'POST',
      `/v1.0/servicePrincipals/${spId}/addTokenSigningCertificate`,
      token,
      {},
    )
    await call('PATCH', `/v1.0/servicePrincipals/${spId}`, token, {
      preferredTokenSigningKeyThumbprint: certificate.json.thumbprint,
    })
    const admin = (await call('GET', "/v1.0/users?$filter=userPrincipalName eq 'admin@contoso.com'", token))
      .json.value[0]
    expect(
      (
        await call('POST', `/v1.0/servicePrincipals/${spId}/appRoleAssignedTo`, token, {
          principalId: admin.id,
          resourceId: spId,
          appRoleId: '00000000-0000-0000-0000-000000000000',
        })
      ).status,
    ).toBe(201)

    const metadata = await fetch(
      `${idp.url}/${idp.tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${appId}`,
    )
    const bytes = Buffer.from(await metadata.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(readEntityMetadata(bytes.toString('utf8')).ok).toBe(true)

    const password = (await call('POST', `/sandbox/api/users/${admin.id}/resetPassword`, idp.graphApiToken))
      .json.password as string
    const browser = new HeadlessBrowser()
    const request = encodeRedirectBinding({
      parameter: 'SAMLRequest',
      xml: authnRequestXml({ issuer: 'urn:socket', acsUrl: 'http://127.0.0.1:9/acs' }),
    })
    const login = await browser.open(`${idp.url}/${idp.tenantId}/saml2?${request}`)
    const form = login.facts.forms[0]
    if (!form) throw new Error('no sign-in form')
    const posted = await submitCredentials(browser, login, { login: 'admin@contoso.com', password })
    expect(posted.facts.forms[0]?.action.href).toBe('http://127.0.0.1:9/acs')
    const log = await call('GET', `/v1.0/auditLogs/signIns?$filter=appId eq '${appId}'`, idp.graphApiToken)
    expect(log.json.value[0]).toMatchObject({ ipAddress: '127.0.0.1', status: { errorCode: 0 } })
  })
})
