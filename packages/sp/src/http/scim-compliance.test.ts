import { beforeEach, describe, expect, it } from 'vitest'
import { createTestSp, type TestSp } from '../test-support/harness'
import {
  ENTERPRISE_URN,
  expectScimError,
  GROUP_URN,
  patchOp,
  SCIM_FLAVOURS,
  type ScimCall,
  scimRequest,
  USER_URN,
} from '../test-support/scim-client'

/**
 * An RFC 7643/7644 compliance walk of the kind an external SCIM checker runs (none is available
 * offline): discover what the server says it supports, then hold it to that through create,
 * filter, every PATCH form, PUT, DELETE, .search and Bulk, checking status codes, headers,
 * message schemas and versions at each step.
 */
let t: TestSp

beforeEach(async () => {
  t = await createTestSp()
})

const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse'

function expectResource(call: ScimCall, status: number, resourceType: 'User' | 'Group'): void {
  expect(call.status, JSON.stringify(call.json)).toBe(status)
  expect(call.headers.get('content-type')).toContain('application/scim+json')
  expect(call.json.id).toEqual(expect.any(String))
  expect(call.json.meta).toMatchObject({ resourceType, location: expect.stringContaining(call.json.id) })
  expect(call.headers.get('etag')).toBe(call.json.meta.version)
  expect(Date.parse(call.json.meta.created)).not.toBeNaN()
  expect(Date.parse(call.json.meta.lastModified)).not.toBeNaN()
}

function expectList(call: ScimCall, total: number): void {
  expect(call.status, JSON.stringify(call.json)).toBe(200)
  expect(call.json).toMatchObject({ schemas: [LIST], totalResults: total, startIndex: expect.any(Number) })
  expect(call.json.Resources).toHaveLength(call.json.itemsPerPage)
}

describe.each(SCIM_FLAVOURS)('SCIM compliance walk (%s path)', (flavour, baseOf) => {
  it('discovery → create → filter → PATCH variants → PUT → DELETE → .search → Bulk', async () => {
    const base = baseOf(t.orgId)
    const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      scimRequest(t, method, `${base}${path}`, body, headers)

    // Discovery: what the server claims is what the rest of the walk relies on.
    const config = (await call('GET', '/ServiceProviderConfig')).json
    expect(config).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      etag: { supported: true },
    })
    expect(config.bulk.supported).toBe(true)
    const types = (await call('GET', '/ResourceTypes')).json.Resources as {
      endpoint: string
      schema: string
    }[]
    expect(types.map((r) => r.endpoint)).toEqual(['/Users', '/Groups'])
    for (const type of types) expect((await call('GET', `/Schemas/${type.schema}`)).status).toBe(200)

    // Create: 201, Location equals meta.location, readOnly and unknown input ignored.
    const created = await call('POST', '/Users', {
      schemas: [USER_URN, ENTERPRISE_URN],
      userName: 'Walk.User@contoso.com',
      externalId: 'walk-1',
      name: { givenName: 'Walk', familyName: 'User' },
      emails: [{ value: 'walk.user@contoso.com', type: 'work', primary: true }],
      [ENTERPRISE_URN]: { department: 'QA' },
      id: 'client-chosen',
      unknownAttribute: true,
    })
    expectResource(created, 201, 'User')
    const id = created.json.id as string
    expect(id).not.toBe('client-chosen')
    expect(created.headers.get('location')).toBe(created.json.meta.location)
    expectScimError(
      await call('POST', '/Users', { schemas: [USER_URN], userName: 'walk.user@contoso.com' }),
      409,
      'uniqueness',
    )

    // Filter, projection, paging.
    const filter = (f: string, extra = '') => call('GET', `/Users?filter=${encodeURIComponent(f)}${extra}`)
    expectList(await filter('userName eq "WALK.USER@contoso.com"'), 1)
    expectList(await filter(`externalId eq "walk-1" and ${ENTERPRISE_URN}:department eq "QA"`), 1)
    expectList(await filter('externalId eq "WALK-1"'), 0)
    expectList(await filter('emails[type eq "work" and value co "walk"]'), 1)
    const projected = await filter('userName pr', '&attributes=userName')
    expect(Object.keys(projected.json.Resources[0]).sort()).toEqual(['id', 'schemas', 'userName'])
    expectList(await call('GET', '/Users?startIndex=2&count=5'), 1)
    expectScimError(await filter('userName zz "x"'), 400, 'invalidFilter')

    // PATCH: every path form, each bumping the version.
    let version = created.json.meta.version as string
    const patch = async (...operations: unknown[]) => {
      const answer = await call('PATCH', `/Users/${id}`, patchOp(...operations), { 'if-match': version })
      expectResource(answer, 200, 'User')
      expect(answer.json.meta.version).not.toBe(version)
      version = answer.json.meta.version
      return answer.json
    }
    expect((await patch({ op: 'replace', path: 'name.givenName', value: 'Walker' })).name.givenName).toBe(
      'Walker',
    )
    expect((await patch({ op: 'add', path: 'nickName', value: 'W' })).nickName).toBe('W')
    expect((await patch({ op: 'add', value: { title: 'Tester', 'name.middleName': 'Q' } })).title).toBe(
      'Tester',
    )
    const valuePath = await patch({
      op: 'add',
      path: 'emails[type eq "home"].value',
      value: 'walk@home.example',
    })
    expect(valuePath.emails).toContainEqual({ value: 'walk@home.example', type: 'home', primary: false })
    const urn = await patch({ op: 'replace', path: `${ENTERPRISE_URN}:department`, value: 'Ops' })
    expect(urn[ENTERPRISE_URN].department).toBe('Ops')
    expect(await patch({ op: 'remove', path: 'emails[type eq "home"]' })).not.toHaveProperty(['emails', 1])
    expect(await patch({ op: 'remove', path: 'nickName' })).not.toHaveProperty('nickName')
    expect((await patch({ op: 'Replace', path: 'active', value: 'False' })).active).toBe(false)
    expectScimError(
      await call('PATCH', `/Users/${id}`, patchOp({ op: 'replace', path: 'id', value: 'x' })),
      400,
      'mutability',
    )
    expectScimError(
      await call('PATCH', `/Users/${id}`, patchOp({ op: 'remove', path: 'emails[type eq "fax"]' })),
      400,
      'noTarget',
    )
    expectScimError(
      await call('PATCH', `/Users/${id}`, patchOp({ op: 'replace', path: 'a..b', value: 1 })),
      400,
      'invalidPath',
    )
    expectScimError(
      await call('PATCH', `/Users/${id}`, patchOp({ op: 'add', path: 'title', value: 'x' }), {
        'if-match': 'W/"1"',
      }),
      412,
    )

    // PUT replaces; an omitted active does not reactivate.
    const put = await call('PUT', `/Users/${id}`, {
      schemas: [USER_URN],
      userName: 'walk.user@contoso.com',
      displayName: 'Walk',
    })
    expectResource(put, 200, 'User')
    expect(put.json).toMatchObject({ displayName: 'Walk', active: false })
    expect(put.json).not.toHaveProperty('title')

    // Groups and DELETE: membership goes with the user.
    const group = await call('POST', '/Groups', {
      schemas: [GROUP_URN],
      displayName: 'Walkers',
      members: [{ value: id }],
    })
    expectResource(group, 201, 'Group')
    expect((await call('GET', `/Users/${id}`)).json.groups).toEqual([
      expect.objectContaining({ value: group.json.id }),
    ])
    const deleted = await call('DELETE', `/Users/${id}`)
    expect(deleted.status).toBe(204)
    expectScimError(await call('GET', `/Users/${id}`), 404)
    expect((await call('GET', `/Groups/${group.json.id}`)).json.members).toEqual([])

    // .search at the root and per type.
    const search = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: 'displayName eq "Walkers"',
    }
    expectList(await call('POST', '/.search', search), 1)
    expectList(await call('POST', '/Groups/.search', search), 1)
    expectList(await call('POST', '/Users/.search', { ...search, filter: 'userName pr' }), 0)

    // Bulk: independent operations, bulkId references, per-operation results.
    const bulk = await call('POST', '/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        {
          method: 'POST',
          path: '/Users',
          bulkId: 'u',
          data: { schemas: [USER_URN], userName: `bulk.${flavour}@contoso.com` },
        },
        {
          method: 'PATCH',
          path: `/Groups/${group.json.id}`,
          data: patchOp({ op: 'add', path: 'members', value: [{ value: 'bulkId:u' }] }),
        },
        { method: 'DELETE', path: '/Users/00000000-0000-4000-8000-000000000000' },
      ],
    })
    expect(bulk.status).toBe(200)
    expect(bulk.json.Operations.map((o: { status: string }) => o.status)).toEqual(['201', '200', '404'])
    expect((await call('GET', `/Groups/${group.json.id}`)).json.members).toHaveLength(1)
  })
})
