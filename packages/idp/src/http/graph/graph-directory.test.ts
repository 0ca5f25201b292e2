import { beforeEach, describe, expect, it } from 'vitest'
import { graphClient } from '../../test-support/graph-client'
import { createTestIdp, type TestIdp } from '../../test-support/harness'

let t: TestIdp
let graph: ReturnType<typeof graphClient>
beforeEach(async () => {
  t = await createTestIdp()
  graph = graphClient(t)
})

describe('Graph authentication and errors', () => {
  it('answers 401 InvalidAuthenticationToken with WWW-Authenticate without a valid bearer token', async () => {
    for (const client of [graphClient(t, null), graphClient(t, 'not-the-token')]) {
      const answer = await client.get('/v1.0/users')
      expect(answer.status).toBe(401)
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /)
      expect(answer.json.error.code).toBe('InvalidAuthenticationToken')
      expect(answer.json.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/)
    }
    const inQuery = await graphClient(t, null).get(`/v1.0/users?access_token=${t.store.read().graphApiToken}`)
    expect(inQuery.status).toBe(401)
  })

  it('uses Graph’s error shape for unknown segments, bad JSON, unknown properties, bad filters and 404s', async () => {
    const unknown = await graph.get('/v1.0/chats')
    expect(unknown).toMatchObject({
      status: 400,
      json: { error: { code: 'BadRequest', message: "Resource not found for the segment 'chats'." } },
    })
    expect((await graph.post('/v1.0/users', '{not json')).json.error.message).toContain(
      'Unable to read JSON request payload',
    )
    const property = await graph.post('/v1.0/users', {
      userPrincipalName: 'a@contoso.com',
      displayName: 'A',
      shoeSize: 44,
    })
    expect(property.json.error.message).toBe(
      "Property 'shoeSize' does not exist as a declared property or extension property.",
    )
    const filter = await graph.get("/v1.0/users?$filter=displayName like 'a'")
    expect(filter).toMatchObject({ status: 400, json: { error: { code: 'BadRequest' } } })
    expect(filter.json.error.message).toMatch(/^Invalid filter clause: /)
    const missing = await graph.get('/v1.0/users/00000000-0000-4000-8000-000000000000')
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'Request_ResourceNotFound' } } })
    expect(missing.headers.get('request-id')).toBe(missing.json.error.innerError['request-id'])
  })
})

describe('Graph keys that are not valid percent-encoding once decoded', () => {
  it('answers 404 or 400 for a key or @odata.id holding a stray %, never 500', async () => {
    for (const path of [
      "/v1.0/applications(appId='%250')",
      "/v1.0/servicePrincipals(appId='%25E0%25A4%25A')",
    ]) {
      const answer = await graph.get(path)
      expect(answer).toMatchObject({ status: 404, json: { error: { code: 'Request_ResourceNotFound' } } })
    }
    const group = await graph.post('/v1.0/groups', {
      displayName: 'G',
      mailNickname: 'g',
      securityEnabled: true,
      mailEnabled: false,
    })
    const ref = await graph.post(`/v1.0/groups/${group.json.id}/members/$ref`, {
      '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/%E0%A4%A',
    })
    expect(ref).toMatchObject({ status: 404, json: { error: { code: 'Request_ResourceNotFound' } } })
  })
})

describe('Graph users', () => {
  it('creates a user (Graph’s 201 shape) and shows a generated password once when none was given', async () => {
    const created = await graph.post('/v1.0/users', {
      accountEnabled: true,
      displayName: 'Alice Example',
      mailNickname: 'alice',
      userPrincipalName: 'alice@contoso.com',
      givenName: 'Alice',
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      '@odata.context': `${t.url}/v1.0/$metadata#users/$entity`,
      businessPhones: [],
      displayName: 'Alice Example',
      userPrincipalName: 'alice@contoso.com',
      jobTitle: null,
    })
    expect(created.json.passwordProfile.password).toMatch(/^[A-Za-z0-9]{12}$/)
    const withPassword = await graph.post('/v1.0/users', {
      displayName: 'Bob',
      userPrincipalName: 'bob@contoso.com',
      passwordProfile: { password: 'Contoso1234!', forceChangePasswordNextSignIn: false },
    })
    expect(withPassword.json.passwordProfile).toBeUndefined()
    const clash = await graph.post('/v1.0/users', {
      displayName: 'Again',
      userPrincipalName: 'ALICE@contoso.com',
    })
    expect(clash.json.error).toMatchObject({
      code: 'Request_BadRequest',
      details: [{ code: 'ObjectConflict', target: 'userPrincipalName' }],
    })
  })

  it('lists with $filter (eq, startswith, double quotes, case-insensitive), $select, $top paging and $count', async () => {
    for (const name of ['Carol', 'Cathy', 'Dave']) {
      await graph.post('/v1.0/users', {
        displayName: name,
        userPrincipalName: `${name.toLowerCase()}@contoso.com`,
      })
    }
    const byUpn = await graph.get("/v1.0/users?$filter=userPrincipalName eq 'CAROL@contoso.com'")
    expect(byUpn.json.value.map((u: { displayName: string }) => u.displayName)).toEqual(['Carol'])
    const quoted = await graph.get('/v1.0/users?$filter=displayName eq "Dave"')
    expect(quoted.json.value).toHaveLength(1)
    const starts = await graph.get(
      "/v1.0/users?$filter=startswith(displayName,'ca') and accountEnabled eq true&$select=id,displayName",
    )
    expect(starts.json.value.map((u: object) => Object.keys(u).sort())).toEqual([
      ['displayName', 'id'],
      ['displayName', 'id'],
    ])
    const page1 = await graph.get('/v1.0/users?$top=2&$count=true', { ConsistencyLevel: 'eventual' })
    expect(page1.json['@odata.count']).toBe(4)
    expect(page1.json.value).toHaveLength(2)
    const next = new URL(page1.json['@odata.nextLink'])
    const page2 = await graph.get(`${next.pathname}${next.search}`, { ConsistencyLevel: 'eventual' })
    expect(page2.json.value).toHaveLength(2)
    expect(page2.json['@odata.nextLink']).toBeUndefined()
  })

  it('gets by id or UPN, updates (204) and deletes (204)', async () => {
    const created = await graph.post('/v1.0/users', {
      displayName: 'Erin',
      userPrincipalName: 'erin@contoso.com',
    })
    const id = created.json.id as string
    expect((await graph.get('/v1.0/users/erin@contoso.com')).json.id).toBe(id)
    const patched = await graph.patch(`/v1.0/users/${id}`, {
      surname: 'Smith',
      accountEnabled: false,
      mail: 'erin@contoso.com',
    })
    expect(patched.status).toBe(204)
    const selected = await graph.get(`/v1.0/users/${id}?$select=surname,accountEnabled,mail`)
    expect(selected.json).toMatchObject({ surname: 'Smith', accountEnabled: false, mail: 'erin@contoso.com' })
    expect((await graph.delete(`/v1.0/users/${id}`)).status).toBe(204)
    expect((await graph.get(`/v1.0/users/${id}`)).status).toBe(404)
  })

  it('answers 400 with what to do when PATCH would disable the last enabled Global Administrator', async () => {
    const admin = (await graph.get('/v1.0/users/admin@contoso.com')).json.id as string
    const refused = await graph.patch(`/v1.0/users/${admin}`, { accountEnabled: false })
    expect(refused).toMatchObject({
      status: 400,
      json: {
        error: { code: 'Request_BadRequest', details: [{ code: 'InvalidValue', target: 'accountEnabled' }] },
      },
    })
    expect(refused.json.error.message).toMatch(
      /last enabled Global Administrator.*cannot be disabled.*Give another enabled user the Global Administrator role first/,
    )
    expect((await graph.get(`/v1.0/users/${admin}?$select=accountEnabled`)).json.accountEnabled).toBe(true)
  })
})

describe('Graph groups', () => {
  it('creates a security group and manages members through members/$ref', async () => {
    const group = await graph.post('/v1.0/groups', {
      displayName: 'Webex users',
      mailEnabled: false,
      mailNickname: 'webex',
      securityEnabled: true,
    })
    expect(group.status).toBe(201)
    const user = await graph.post('/v1.0/users', { displayName: 'Fay', userPrincipalName: 'fay@contoso.com' })
    const ref = { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${user.json.id}` }
    expect((await graph.post(`/v1.0/groups/${group.json.id}/members/$ref`, ref)).status).toBe(204)
    const twice = await graph.post(`/v1.0/groups/${group.json.id}/members/$ref`, ref)
    expect(twice.json.error.message).toContain('One or more added object references already exist')
    const members = await graph.get(`/v1.0/groups/${group.json.id}/members`)
    expect(members.json.value).toMatchObject([{ '@odata.type': '#microsoft.graph.user', id: user.json.id }])
    const memberOf = await graph.get(`/v1.0/users/${user.json.id}/memberOf`)
    expect(memberOf.json.value).toMatchObject([
      { '@odata.type': '#microsoft.graph.group', id: group.json.id },
    ])
    expect((await graph.delete(`/v1.0/groups/${group.json.id}/members/${user.json.id}/$ref`)).status).toBe(
      204,
    )
    expect((await graph.get(`/v1.0/groups/${group.json.id}/members`)).json.value).toEqual([])
  })
})
