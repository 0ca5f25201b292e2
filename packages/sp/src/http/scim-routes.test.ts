import { beforeEach, describe, expect, it } from 'vitest'
import { GROUP_URN, LIST_RESPONSE_URN, PATCH_OP_URN, USER_URN } from '../scim/scim-urns'
import { createTestSp, type TestSp } from '../test-support/harness'
import { expectScimError, scimRequest } from '../test-support/scim-client'

let t: TestSp

beforeEach(async () => {
  t = await createTestSp()
})

/** A SCIM request with the org's bearer token. */
const scim = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  scimRequest(t, method, path, body, headers)

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [USER_URN],
  userName,
  userType: 'user',
  name: { givenName: 'B', familyName: 'Simon' },
  emails: [{ value: userName, type: 'work', primary: true }],
  ...extra,
})

describe.each([
  ['v2', (org: string) => `/identity/scim/${org}/v2`],
  ['legacy', (org: string) => `/v1/scim/${org}`],
])('SCIM over HTTP (%s path)', (flavour, baseOf) => {
  let base: string
  beforeEach(() => {
    base = baseOf(t.orgId)
  })

  it('POST creates (201, Location, ETag), GET reads, PUT replaces, PATCH updates, DELETE removes', async () => {
    const created = await scim('POST', `${base}/Users`, user('b.simon@contoso.com'))
    expect(created.status).toBe(201)
    expect(created.headers.get('content-type')).toContain('application/scim+json')
    const id = created.json.id as string
    expect(created.headers.get('location')).toBe(`${t.url}${base}/Users/${id}`)
    expect(created.headers.get('etag')).toBe('W/"1"')
    expect(created.json.meta).toMatchObject({ resourceType: 'User', location: `${t.url}${base}/Users/${id}` })

    const read = await scim('GET', `${base}/Users/${id}`)
    expect(read.status).toBe(200)
    expect(read.json.userName).toBe('b.simon@contoso.com')

    const listed = await scim(
      'GET',
      `${base}/Users?filter=${encodeURIComponent('userName eq "B.Simon@contoso.com"')}`,
    )
    expect(listed.json).toMatchObject({
      schemas: [LIST_RESPONSE_URN],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    })

    const put = await scim('PUT', `${base}/Users/${id}`, user('b.simon@contoso.com', { displayName: 'Bee' }))
    expect(put.status).toBe(200)
    expect(put.json).toMatchObject({ displayName: 'Bee', meta: { version: 'W/"2"' } })

    const patched = await scim('PATCH', `${base}/Users/${id}`, {
      schemas: [PATCH_OP_URN],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    })
    expect(patched.status).toBe(200)
    expect(patched.json.active).toBe(false)
    expect(t.services.users.findSignInUser('b.simon@contoso.com')?.active).toBe(false)

    const deleted = await t.app.request(`${base}/Users/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${t.store.read().scimToken}` },
    })
    expect(deleted.status).toBe(204)
    expectScimError(await scim('GET', `${base}/Users/${id}`), 404)
    expectScimError(await scim('DELETE', `${base}/Users/${id}`), 404)
  })

  it('answers every bad input with an RFC 7644 error', async () => {
    await scim('POST', `${base}/Users`, user('taken@contoso.com'))
    const id = (await scim('POST', `${base}/Users`, user('b.simon@contoso.com'))).json.id as string
    expectScimError(await scim('POST', `${base}/Users`, '{"schemas": ['), 400, 'invalidSyntax')
    expectScimError(await scim('POST', `${base}/Users`, ''), 400, 'invalidSyntax')
    expectScimError(
      await scim('POST', `${base}/Users`, user('x@contoso.com'), { 'content-type': 'text/plain' }),
      415,
    )
    expectScimError(
      await scim('POST', `${base}/Users`, user('x@contoso.com', { title: 'x'.repeat(300 * 1024) })),
      413,
    )
    expectScimError(
      await scim('GET', `${base}/Users?filter=${encodeURIComponent('userName eq')}`),
      400,
      'invalidFilter',
    )
    expectScimError(
      await scim('POST', `${base}/Users`, { schemas: [USER_URN], userType: 'user' }),
      400,
      'invalidValue',
    )
    expectScimError(await scim('POST', `${base}/Users`, user('TAKEN@contoso.com')), 409, 'uniqueness')
    expectScimError(await scim('GET', `${base}/Users/00000000-0000-4000-8000-000000000000`), 404)
    expectScimError(
      await scim('PATCH', `${base}/Users/${id}`, {
        schemas: [PATCH_OP_URN],
        Operations: [{ op: 'replace', path: 'id', value: 'x' }],
      }),
      400,
      'mutability',
    )
    expectScimError(
      await scim('PUT', `${base}/Users/${id}`, user('b.simon@contoso.com'), { 'if-match': 'W/"9"' }),
      412,
    )
    expectScimError(await scim('PUT', `${base}/Users`, user('x@contoso.com')), 405)
    expectScimError(await scim('POST', `${base}/Bulk`, { schemas: [] }), 400, 'invalidSyntax')
    expectScimError(await scim('GET', `${base}/Nope`), 404)
    expectScimError(await scim('GET', `${baseOf('11111111-2222-4333-8444-555555555555')}/Users`), 404)
    expect(t.store.read().directory.users).toHaveLength(2)
  })

  it('serves groups: create, filter without members, PATCH members', async () => {
    const member = (await scim('POST', `${base}/Users`, user('b.simon@contoso.com'))).json.id as string
    const group = await scim('POST', `${base}/Groups`, {
      schemas: [GROUP_URN],
      displayName: 'Sales',
      externalId: 'sales',
    })
    expect(group.status).toBe(201)
    const gid = group.json.id as string
    const found = await scim(
      'GET',
      `${base}/Groups?filter=${encodeURIComponent('displayName eq "Sales"')}&excludedAttributes=members`,
    )
    expect(found.json.totalResults).toBe(1)
    expect((found.json.Resources as Record<string, unknown>[])[0]).not.toHaveProperty('members')
    const patch = await t.app.request(`${base}/Groups/${gid}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${t.store.read().scimToken}`,
        'content-type': 'application/scim+json',
      },
      body: JSON.stringify({
        schemas: [PATCH_OP_URN],
        Operations: [{ op: 'Add', path: 'members', value: [{ value: member }] }],
      }),
    })
    // Entra's gallery connector expects 204 from the legacy path; the v2 API returns the group.
    expect(patch.status).toBe(flavour === 'legacy' ? 204 : 200)
    const read = await scim('GET', `${base}/Groups/${gid}`)
    expect(read.json.members).toEqual([
      { value: member, display: 'B Simon', $ref: `${t.url}${base}/Users/${member}`, type: 'User' },
    ])
    const memberView = await scim('GET', `${base}/Users/${member}?attributes=groups`)
    expect(memberView.json.groups).toEqual([expect.objectContaining({ value: gid, display: 'Sales' })])
    expect(
      (
        await t.app.request(`${base}/Groups/${gid}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${t.store.read().scimToken}` },
        })
      ).status,
    ).toBe(204)
  })

  it('publishes ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const config = await scim('GET', `${base}/ServiceProviderConfig`)
    expect(config.json).toMatchObject({
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 100, maxPayloadSize: 1048576 },
      filter: { supported: true, maxResults: 1000 },
    })
    const types = await scim('GET', `${base}/ResourceTypes`)
    expect((types.json.Resources as { id: string }[]).map((r) => r.id)).toEqual(['User', 'Group'])
    expect((await scim('GET', `${base}/ResourceTypes/User`)).json.endpoint).toBe('/Users')
    const schemas = await scim('GET', `${base}/Schemas`)
    expect(schemas.json.totalResults).toBe(4)
    const userSchema = await scim('GET', `${base}/Schemas/${USER_URN}`)
    expect((userSchema.json.attributes as { name: string }[]).map((a) => a.name)).toContain('userName')
    expectScimError(await scim('GET', `${base}/Schemas/urn:nope`), 404)
  })
})
