import { beforeEach, describe, expect, it } from 'vitest'
import { CUSTOM_TEMPLATE_ID } from '../../enterprise-apps/gallery'
import { graphClient } from '../../test-support/graph-client'
import { createTestIdp, type TestIdp } from '../../test-support/harness'

/**
 * Graph's query options on directory objects, as its advanced-query documentation states them:
 * `$orderby`, `$search`, `$expand`, `$count` and the operators that need
 * `ConsistencyLevel: eventual` (+ `$count=true`). Nothing is silently ignored.
 */
let t: TestIdp
let graph: ReturnType<typeof graphClient>
const eventual = { ConsistencyLevel: 'eventual' }
const names = (answer: { json: { value: { displayName: string }[] } }) =>
  answer.json.value.map((v) => v.displayName)

beforeEach(async () => {
  t = await createTestIdp()
  graph = graphClient(t)
  for (const [name, upn] of [
    ['Carol Ward', 'zcarol'],
    ['Ann Lee', 'ann'],
    ['bob McGowan', 'bob'],
    ['HelpDesk-Agent', 'helpdesk'],
  ]) {
    const created = await graph.post('/v1.0/users', {
      displayName: name,
      userPrincipalName: `${upn}@contoso.com`,
    })
    expect(created.status).toBe(201)
  }
})

async function errorOf(path: string, headers?: Record<string, string>) {
  const answer = await graph.get(path, headers)
  expect(answer.status).toBe(400)
  expect(answer.json.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/)
  return { code: answer.json.error.code as string, message: answer.json.error.message as string }
}

describe('$orderby', () => {
  it('sorts users by displayName (asc and desc, case-insensitive) and userPrincipalName by default', async () => {
    expect(names(await graph.get('/v1.0/users?$orderby=displayName'))).toEqual([
      'Ann Lee',
      'bob McGowan',
      'Carol Ward',
      'HelpDesk-Agent',
      'Sandbox Admin',
    ])
    expect(names(await graph.get('/v1.0/users?$orderby=displayName desc&$top=2'))).toEqual([
      'Sandbox Admin',
      'HelpDesk-Agent',
    ])
    const byUpn = await graph.get('/v1.0/users?$orderby=userPrincipalName&$select=userPrincipalName')
    expect(byUpn.json.value.map((u: { userPrincipalName: string }) => u.userPrincipalName)).toEqual([
      'admin@contoso.com',
      'ann@contoso.com',
      'bob@contoso.com',
      'helpdesk@contoso.com',
      'zcarol@contoso.com',
    ])
  })

  it('pages a sorted collection in sort order through @odata.nextLink', async () => {
    const first = await graph.get('/v1.0/users?$orderby=displayName&$top=3')
    const next = new URL(first.json['@odata.nextLink'])
    expect(next.searchParams.get('$orderby')).toBe('displayName')
    const second = await graph.get(`${next.pathname}${next.search}`)
    expect([...names(first), ...names(second)]).toEqual([
      'Ann Lee',
      'bob McGowan',
      'Carol Ward',
      'HelpDesk-Agent',
      'Sandbox Admin',
    ])
  })

  it('refuses a property Graph cannot sort by, and advanced-only ones without the advanced parameters', async () => {
    expect(await errorOf('/v1.0/users?$orderby=mail')).toEqual({
      code: 'Request_UnsupportedQuery',
      message: "Unsupported sort property 'mail' for 'User'.",
    })
    expect(await errorOf('/v1.0/users?$orderby=createdDateTime desc')).toEqual({
      code: 'Request_UnsupportedQuery',
      message: "Unsupported sort property 'createdDateTime' for 'User'.",
    })
    const advanced = await graph.get('/v1.0/users?$orderby=createdDateTime desc&$count=true', eventual)
    expect(advanced.status).toBe(200)
    expect(await errorOf('/v1.0/users?$orderby=displayName sideways')).toMatchObject({ code: 'BadRequest' })
  })

  it('needs the advanced parameters for $filter with $orderby, as Graph does', async () => {
    const path =
      "/v1.0/users?$filter=startswith(displayName,'a') or startswith(displayName,'b')&$orderby=displayName desc"
    expect(await errorOf(path)).toEqual({
      code: 'Request_UnsupportedQuery',
      message: 'Sorting not supported for current query.',
    })
    const answer = await graph.get(`${path}&$count=true`, eventual)
    expect(names(answer)).toEqual(['bob McGowan', 'Ann Lee'])
    expect(answer.json['@odata.count']).toBe(2)
  })

  it('sorts groups by displayName by default, and service principals and applications only in advanced queries', async () => {
    for (const name of ['Zeta', 'alpha']) {
      await graph.post('/v1.0/groups', {
        displayName: name,
        mailNickname: name,
        securityEnabled: true,
        mailEnabled: false,
      })
      await graph.post(`/v1.0/applicationTemplates/${CUSTOM_TEMPLATE_ID}/instantiate`, { displayName: name })
    }
    expect(names(await graph.get('/v1.0/groups?$orderby=displayName'))).toEqual(['alpha', 'Zeta'])
    for (const [collection, entity] of [
      ['servicePrincipals', 'ServicePrincipal'],
      ['applications', 'Application'],
    ]) {
      expect(await errorOf(`/v1.0/${collection}?$orderby=displayName`)).toEqual({
        code: 'Request_UnsupportedQuery',
        message: `Unsupported sort property 'displayName' for '${entity}'.`,
      })
      const sorted = await graph.get(`/v1.0/${collection}?$orderby=displayName desc&$count=true`, eventual)
      expect(names(sorted)).toEqual(['Zeta', 'alpha'])
    }
  })
})

describe('$search', () => {
  it('needs ConsistencyLevel: eventual and answers Graph’s message without it', async () => {
    expect(await errorOf('/v1.0/users?$search="displayName:carol"')).toEqual({
      code: 'Request_UnsupportedQuery',
      message:
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    })
  })

  it.each([
    ['"displayName:car"', ['Carol Ward']],
    ['"displayName:ward car"', ['Carol Ward']],
    ['"displayName:gowan"', ['bob McGowan']],
    ['"displayName:McGowan"', ['bob McGowan']],
    ['"displayName:mcg"', []],
    ['"displayName:desk"', ['HelpDesk-Agent']],
    ['"displayName:helpdeskagent"', ['HelpDesk-Agent']],
    ['"displayName:ann" OR "displayName:bob"', ['Ann Lee', 'bob McGowan']],
    ['"displayName:ann" AND "displayName:lee"', ['Ann Lee']],
    ['("displayName:ann" OR "displayName:carol") AND "userPrincipalName:zc"', ['Carol Ward']],
    ['"mail:x"', []],
  ])('matches words the way Graph tokenizes them: %s', async (search, expected) => {
    const answer = await graph.get(
      `/v1.0/users?$search=${encodeURIComponent(search)}&$orderby=displayName`,
      eventual,
    )
    expect(answer.status).toBe(200)
    expect(names(answer)).toEqual(expected)
  })

  it('combines with $filter and $count, and searches groups by description', async () => {
    const answer = await graph.get(
      `/v1.0/users?$search="displayName:a"&$filter=userPrincipalName eq 'ann@contoso.com'&$count=true`,
      eventual,
    )
    expect(answer.json).toMatchObject({ '@odata.count': 1, value: [{ displayName: 'Ann Lee' }] })
    await graph.post('/v1.0/groups', {
      displayName: 'Other group',
      description: 'Unrelated people',
      mailNickname: 'other',
      securityEnabled: true,
      mailEnabled: false,
    })
    await graph.post('/v1.0/groups', {
      displayName: 'Webex users',
      description: 'People who sign in to Cisco Webex',
      mailNickname: 'webex',
      securityEnabled: true,
      mailEnabled: false,
    })
    expect(names(await graph.get('/v1.0/groups?$search="description:cisco"', eventual))).toEqual([
      'Webex users',
    ])
  })

  it.each([
    ['displayName:carol', 'BadRequest'],
    ['"displayName:carol', 'BadRequest'],
    ['"displayName:carol" "displayName:ann"', 'BadRequest'],
    ['"displayName:carol" and "displayName:ann"', 'BadRequest'],
    ['"carol"', 'BadRequest'],
    [`${'('.repeat(40)}"displayName:a"${')'.repeat(40)}`, 'BadRequest'],
    ['"accountEnabled:true"', 'Request_UnsupportedQuery'],
    ['"shoeSize:44"', 'Request_UnsupportedQuery'],
  ])('refuses %s with a 400 that says how to write it', async (search, code) => {
    const error = await errorOf(`/v1.0/users?$search=${encodeURIComponent(search)}`, eventual)
    expect(error.code).toBe(code)
    expect(error.message.length).toBeGreaterThan(20)
  })
})

describe('$count', () => {
  it('ignores $count=true on directory objects without ConsistencyLevel: eventual, as Graph documents', async () => {
    const plain = await graph.get('/v1.0/users?$count=true')
    expect(plain.status).toBe(200)
    expect(plain.json['@odata.count']).toBeUndefined()
    const counted = await graph.get('/v1.0/users?$count=true', eventual)
    expect(counted.json['@odata.count']).toBe(5)
    expect(await errorOf('/v1.0/users?$count=yes', eventual)).toMatchObject({ code: 'BadRequest' })
  })

  it('refuses /$count without ConsistencyLevel: eventual and answers the number as text with it', async () => {
    for (const collection of ['users', 'groups', 'servicePrincipals', 'applications']) {
      expect(await errorOf(`/v1.0/${collection}/$count`)).toEqual({
        code: 'Request_UnsupportedQuery',
        message:
          "Raw count (/$count) is not supported because the 'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information",
      })
    }
    const response = await t.app.request(
      "/v1.0/users/$count?$filter=endswith(userPrincipalName,'@contoso.com')",
      {
        headers: { authorization: `Bearer ${t.store.read().graphApiToken}`, ConsistencyLevel: 'eventual' },
      },
    )
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await response.text()).toBe('5')
  })

  it('needs the advanced parameters for ne, not and endsWith on directory objects', async () => {
    for (const [filter, operator] of [
      ["endswith(mail,'@contoso.com')", 'endsWith'],
      ["displayName ne 'Ann Lee'", 'ne'],
      ["not(displayName eq 'Ann Lee')", 'not'],
    ]) {
      expect(await errorOf(`/v1.0/users?$filter=${filter}`)).toEqual({
        code: 'Request_UnsupportedQuery',
        message: `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
      })
    }
    const advanced = await graph.get("/v1.0/users?$filter=displayName ne 'Ann Lee'&$count=true", eventual)
    expect(advanced.json['@odata.count']).toBe(4)
  })
})

describe('$expand', () => {
  async function groupWith(displayName: string, members: readonly string[]) {
    const group = await graph.post('/v1.0/groups', {
      displayName,
      mailNickname: displayName.replace(/\W/g, ''),
      securityEnabled: true,
      mailEnabled: false,
    })
    for (const member of members) {
      const user = (await graph.get(`/v1.0/users/${member}@contoso.com`)).json
      const ref = { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${user.id}` }
      expect((await graph.post(`/v1.0/groups/${group.json.id}/members/$ref`, ref)).status).toBe(204)
    }
    return group.json.id as string
  }

  it('expands a user’s memberOf and a group’s members, with $select inside', async () => {
    const groupId = await groupWith('Webex users', ['ann', 'bob'])
    const user = await graph.get('/v1.0/users/ann@contoso.com?$expand=memberOf($select=id,displayName)')
    expect(user.json).toMatchObject({
      userPrincipalName: 'ann@contoso.com',
      memberOf: [{ id: groupId, displayName: 'Webex users' }],
    })
    expect(Object.keys(user.json.memberOf[0]).sort()).toEqual(['@odata.type', 'displayName', 'id'])
    const groups = await graph.get('/v1.0/groups?$expand=members&$select=id,displayName')
    expect(groups.json.value).toMatchObject([{ id: groupId, displayName: 'Webex users' }])
    expect(
      groups.json.value[0].members.map((m: { userPrincipalName: string }) => m.userPrincipalName).sort(),
    ).toEqual(['ann@contoso.com', 'bob@contoso.com'])
    const listed = await graph.get(
      "/v1.0/users?$filter=userPrincipalName eq 'bob@contoso.com'&$expand=memberOf",
    )
    expect(listed.json.value[0].memberOf).toMatchObject([
      { '@odata.type': '#microsoft.graph.group', id: groupId },
    ])
  })

  it('expands a service principal’s appRoleAssignedTo', async () => {
    const created = await graph.post(`/v1.0/applicationTemplates/${CUSTOM_TEMPLATE_ID}/instantiate`, {
      displayName: 'Expanded app',
    })
    const spId = created.json.servicePrincipal.id as string
    const ann = (await graph.get('/v1.0/users/ann@contoso.com')).json
    await graph.post(`/v1.0/servicePrincipals/${spId}/appRoleAssignedTo`, {
      principalId: ann.id,
      resourceId: spId,
      appRoleId: '00000000-0000-0000-0000-000000000000',
    })
    const sp = await graph.get(`/v1.0/servicePrincipals/${spId}?$expand=appRoleAssignedTo`)
    expect(sp.json.appRoleAssignedTo).toMatchObject([
      { principalId: ann.id, principalDisplayName: 'Ann Lee' },
    ])
    const list = await graph.get(`/v1.0/servicePrincipals?$filter=id eq '${spId}'&$expand=appRoleAssignedTo`)
    expect(list.json.value[0].appRoleAssignedTo).toHaveLength(1)
  })

  it('returns at most 20 related objects, as Graph does for directory objects', async () => {
    const upns: string[] = []
    for (let i = 0; i < 22; i += 1) {
      await graph.post('/v1.0/users', {
        displayName: `Member ${i}`,
        userPrincipalName: `member${i}@contoso.com`,
      })
      upns.push(`member${i}`)
    }
    const groupId = await groupWith('Big group', upns)
    expect((await graph.get(`/v1.0/groups/${groupId}?$expand=members`)).json.members).toHaveLength(20)
    expect((await graph.get(`/v1.0/groups/${groupId}/members?$top=999`)).json.value).toHaveLength(22)
  })

  it.each([
    [
      '/v1.0/users?$expand=memberOf,appRoleAssignments',
      'BadRequest',
      'The result of parsing $expand contained at least 2 items, but the maximum allowed is 1.',
    ],
    [
      '/v1.0/users?$expand=shoes',
      'BadRequest',
      "Could not find a property named 'shoes' on type 'microsoft.graph.user'.",
    ],
    [
      '/v1.0/users?$expand=displayName',
      'BadRequest',
      "Property 'displayName' on type 'microsoft.graph.user' is not a navigation property or complex property. Only navigation properties can be expanded.",
    ],
    [
      '/v1.0/users?$expand=manager',
      'Request_UnsupportedQuery',
      "The sandbox does not expand 'manager' on 'User'; it expands memberOf, appRoleAssignments.",
    ],
    ['/v1.0/users?$expand=memberOf($expand=members)', 'BadRequest', undefined],
    ['/v1.0/users?$expand=memberOf($filter=id eq 1)', 'BadRequest', undefined],
    [
      '/v1.0/users?$expand=memberOf&$search="displayName:ann"',
      'Request_UnsupportedQuery',
      '$expand is not supported in advanced queries (ConsistencyLevel: eventual with $count=true or $search).',
    ],
  ])('refuses %s', async (path, code, message) => {
    const error = await errorOf(path, eventual)
    expect(error.code).toBe(code)
    if (message) expect(error.message).toBe(message)
  })
})

describe('$top and $filter bounds', () => {
  it('refuses a page size outside 1–999 with Graph’s message', async () => {
    expect(await errorOf('/v1.0/users?$top=1000')).toEqual({
      code: 'Request_UnsupportedQuery',
      message: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    })
  })

  it('answers a deeply nested $filter with Graph’s 400, not a stack overflow', async () => {
    const deep = (depth: number) => `${'('.repeat(depth)}displayName eq 'a'${')'.repeat(depth)}`
    expect(await errorOf(`/v1.0/users?$filter=${encodeURIComponent(deep(100))}`)).toEqual({
      code: 'BadRequest',
      message:
        'Invalid filter clause: Recursion depth exceeded allowed limit (32 nested parentheses, not or any).',
    })
    expect(await errorOf(`/v1.0/users?$filter=${encodeURIComponent(deep(20_000))}`)).toEqual({
      code: 'BadRequest',
      message: 'Invalid filter clause: the filter is 40018 characters long; at most 4096 are allowed.',
    })
  })
})
