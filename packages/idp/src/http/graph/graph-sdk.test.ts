import {
  Client,
  type FetchOptions,
  GraphError,
  type PageCollection,
  PageIterator,
} from '@microsoft/microsoft-graph-client'
import type { Runtime } from '@sandbox/shared'
import { Agent } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../../../../test/support/test-runtime'
import type { IdpConfig } from '../../config'
import { CISCO_WEBEX_TEMPLATE_ID } from '../../enterprise-apps/gallery'
import { type RunningIdp, startIdp } from '../../server'

/**
 * The Graph-shaped API driven by Microsoft's own Graph JS SDK over a socket, the way an admin's
 * script would: `Client.init` with a custom auth provider and the sandbox as a custom host, its
 * request builder (`.filter().orderby().search().expand().count()`), its PageIterator following
 * `@odata.nextLink`, and its GraphError parsing.
 *
 * Over `--https`, as a script needs it: the SDK sends the token only to https hosts and follows
 * only https nextLinks. Node 20's fetch trusts the sandbox CA through an undici dispatcher.
 */
let runtime: Runtime
let idp: RunningIdp
let client: Client
const config: IdpConfig = {
  host: '127.0.0.1',
  port: 0,
  publicUrl: undefined,
  dataDir: null,
  reset: false,
  https: true,
}

async function graphErrorOf(request: Promise<unknown>): Promise<GraphError> {
  try {
    await request
  } catch (error) {
    if (error instanceof GraphError) return error
    throw error
  }
  throw new Error('the request succeeded')
}

beforeAll(async () => {
  runtime = await createTestRuntime()
  idp = await startIdp(config, runtime)
  expect(idp.url).toMatch(/^https:\/\/localhost:\d+$/)
  const dispatcher = new Agent({ connect: { ca: runtime.ca.root.certificatePem } })
  client = Client.init({
    authProvider: (done) => done(null, idp.graphApiToken),
    baseUrl: `${idp.url}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set(['localhost']),
    fetchOptions: { dispatcher } as FetchOptions,
  })
  for (const [displayName, nickname] of [
    ['Britta Simon', 'b.simon'],
    ['Adele Vance', 'adelev'],
    ['Megan Bowen', 'meganb'],
  ] as const) {
    await client.api('/users').post({
      accountEnabled: true,
      displayName,
      mailNickname: nickname,
      userPrincipalName: `${nickname}@contoso.com`,
      passwordProfile: { password: 'Contoso1234!', forceChangePasswordNextSignIn: false },
    })
  }
})
afterAll(async () => {
  await idp?.close()
})

describe('Microsoft Graph JS SDK against the sandbox', () => {
  it('orders with .orderby() and pages with PageIterator through @odata.nextLink', async () => {
    const first = (await client.api('/users').orderby('displayName desc').top(2).get()) as PageCollection
    expect(first['@odata.nextLink']).toContain('$skiptoken=')
    const seen: string[] = []
    await new PageIterator(client, first, (user: { displayName: string }) => {
      seen.push(user.displayName)
      return true
    }).iterate()
    expect(seen).toEqual(['Sandbox Admin', 'Megan Bowen', 'Britta Simon', 'Adele Vance'])
  })

  it('searches with .search() and ConsistencyLevel: eventual, and gets Graph’s error without the header', async () => {
    const found = await client
      .api('/users')
      .header('ConsistencyLevel', 'eventual')
      .search('"displayName:megan" OR "displayName:simon"')
      .orderby('displayName')
      .count(true)
      .select(['id', 'displayName'])
      .get()
    expect(found['@odata.count']).toBe(2)
    expect(found.value.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Britta Simon',
      'Megan Bowen',
    ])
    const refused = await graphErrorOf(client.api('/users').search('"displayName:megan"').get())
    expect(refused).toMatchObject({ statusCode: 400, code: 'Request_UnsupportedQuery' })
    expect(refused.message).toContain("'ConsistencyLevel: eventual'")
    expect(refused.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('counts with .count(true) and /users/$count only under ConsistencyLevel: eventual', async () => {
    expect((await client.api('/users').count(true).get())['@odata.count']).toBeUndefined()
    expect(
      (await client.api('/users').header('ConsistencyLevel', 'eventual').count(true).get())['@odata.count'],
    ).toBe(4)
    expect(String(await client.api('/users/$count').header('ConsistencyLevel', 'eventual').get())).toBe('4')
    const raw = await graphErrorOf(client.api('/users/$count').get())
    expect(raw).toMatchObject({ statusCode: 400, code: 'Request_UnsupportedQuery' })
    expect(raw.message).toMatch(/^Raw count \(\/\$count\) is not supported/)
  })

  it('sets up Cisco Webex as the tutorial’s Graph steps do and expands memberOf and appRoleAssignedTo', async () => {
    const templates = await client.api('/applicationTemplates').filter("displayName eq 'Cisco Webex'").get()
    expect(templates.value[0].id).toBe(CISCO_WEBEX_TEMPLATE_ID)
    const created = await client
      .api(`/applicationTemplates/${CISCO_WEBEX_TEMPLATE_ID}/instantiate`)
      .post({ displayName: 'Cisco Webex' })
    const spId = created.servicePrincipal.id as string
    await client.api(`/servicePrincipals/${spId}`).patch({ preferredSingleSignOnMode: 'saml' })
    const certificate = await client.api(`/servicePrincipals/${spId}/addTokenSigningCertificate`).post({
      displayName: 'CN=Cisco Webex',
      endDateTime: new Date(runtime.clock.now() + 365 * 86_400_000).toISOString(),
    })
    const sp = await client
      .api(`/servicePrincipals/${spId}`)
      .select(['keyCredentials', 'passwordCredentials', 'appRoles'])
      .get()
    expect(
      sp.passwordCredentials.filter(
        (p: { customKeyIdentifier: string }) => p.customKeyIdentifier === certificate.customKeyIdentifier,
      ),
    ).toHaveLength(1)
    const britta = await client.api('/users/b.simon@contoso.com').get()
    const group = await client
      .api('/groups')
      .post({ displayName: 'Webex users', mailNickname: 'webex', securityEnabled: true, mailEnabled: false })
    await client
      .api(`/groups/${group.id}/members/$ref`)
      .post({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${britta.id}` })
    await client.api(`/servicePrincipals/${spId}/appRoleAssignedTo`).post({
      principalId: group.id,
      resourceId: spId,
      appRoleId: sp.appRoles.find((r: { displayName: string }) => r.displayName === 'User').id,
    })
    const withGroups = await client
      .api(`/users/${britta.id}`)
      .expand('memberOf($select=id,displayName)')
      .get()
    expect(withGroups.memberOf).toEqual([
      { '@odata.type': '#microsoft.graph.group', id: group.id, displayName: 'Webex users' },
    ])
    const listed = await client
      .api('/servicePrincipals')
      .filter(`id eq '${spId}'`)
      .expand('appRoleAssignedTo')
      .get()
    expect(listed.value[0].appRoleAssignedTo).toMatchObject([
      { principalId: group.id, principalType: 'Group' },
    ])
    const twice = await graphErrorOf(client.api('/users').expand(['memberOf', 'appRoleAssignments']).get())
    expect(twice).toMatchObject({ statusCode: 400, code: 'BadRequest' })
  })

  it('gets Graph’s 400 for an unsupported sort, a too-deep filter and the $filter + $orderby combination', async () => {
    const sort = await graphErrorOf(client.api('/servicePrincipals').orderby('displayName').get())
    expect(sort).toMatchObject({
      statusCode: 400,
      code: 'Request_UnsupportedQuery',
      message: "Unsupported sort property 'displayName' for 'ServicePrincipal'.",
    })
    const deep = await graphErrorOf(
      client
        .api('/users')
        .filter(`${'('.repeat(50)}id eq '1'${')'.repeat(50)}`)
        .get(),
    )
    expect(deep).toMatchObject({ statusCode: 400, code: 'BadRequest' })
    expect(deep.message).toMatch(/^Invalid filter clause: Recursion depth exceeded allowed limit/)
    const combined = await graphErrorOf(
      client.api('/users').filter("startswith(displayName,'a')").orderby('displayName').get(),
    )
    expect(combined.message).toBe('Sorting not supported for current query.')
  })
})
