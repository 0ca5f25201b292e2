import { beforeEach, describe, expect, it } from 'vitest'
import { createTestSp, type TestSp } from '../test-support/harness'
import {
  createScimUser,
  expectScimError,
  GROUP_URN,
  PATCH_URN,
  patchOp,
  SCIM_FLAVOURS,
  scimRequest,
  USER_URN,
} from '../test-support/scim-client'

const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest'
const BULK_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest'

let t: TestSp

beforeEach(async () => {
  t = await createTestSp()
})

const search = (body: Record<string, unknown>) => ({ schemas: [SEARCH_URN], ...body })
const bulk = (Operations: unknown[], extra: Record<string, unknown> = {}) => ({
  schemas: [BULK_URN],
  ...extra,
  Operations,
})

describe.each(SCIM_FLAVOURS)(
  'SCIM .search, Bulk, /Users/me, /Groups/{id}/Members (%s path)',
  (_flavour, baseOf) => {
    let base: string
    let alice: string
    let bob: string
    let sales: string
    beforeEach(async () => {
      base = baseOf(t.orgId)
      alice = await createScimUser(t, base, 'alice@contoso.com', { displayName: 'Alice' })
      bob = await createScimUser(t, base, 'bob@fabrikam.com', { displayName: 'Bob' })
      const group = await scimRequest(t, 'POST', `${base}/Groups`, {
        schemas: [GROUP_URN],
        displayName: 'Sales',
        members: [{ value: alice }],
      })
      sales = group.json.id
    })

    it('POST /Users/.search and /Groups/.search query one resource type, like GET with the same parameters', async () => {
      const found = await scimRequest(
        t,
        'POST',
        `${base}/Users/.search`,
        search({
          filter: 'userName ew "@contoso.com"',
          attributes: ['userName'],
          startIndex: 1,
          count: 10,
        }),
      )
      expect(found.status).toBe(200)
      expect(found.json).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1 })
      expect(found.json.Resources).toEqual([
        { schemas: expect.any(Array), id: alice, userName: 'alice@contoso.com' },
      ])
      const groups = await scimRequest(
        t,
        'POST',
        `${base}/Groups/.search`,
        search({ filter: 'displayName eq "sales"' }),
      )
      expect(groups.json.Resources.map((g: { id: string }) => g.id)).toEqual([sales])
      const sorted = await scimRequest(
        t,
        'POST',
        `${base}/Users/.search`,
        search({ sortBy: 'userName', sortOrder: 'descending' }),
      )
      expect(sorted.json.Resources.map((u: { id: string }) => u.id)).toEqual([bob, alice])
      expectScimError(
        await scimRequest(t, 'POST', `${base}/Users/.search`, search({ filter: 'userName eq' })),
        400,
        'invalidFilter',
      )
      expectScimError(
        await scimRequest(t, 'POST', `${base}/Users/.search`, { filter: 'userName pr' }),
        400,
        'invalidSyntax',
      )
      expectScimError(
        await scimRequest(t, 'POST', `${base}/Users/.search`, search({ attributes: 5 })),
        400,
        'invalidValue',
      )
      expectScimError(await scimRequest(t, 'GET', `${base}/Users/.search`), 405)
    })

    it('POST /.search and GET / query across Users and Groups', async () => {
      const all = await scimRequest(t, 'POST', `${base}/.search`, search({}))
      expect(all.status).toBe(200)
      expect(all.json.totalResults).toBe(3)
      expect(all.json.Resources.map((r: { id: string }) => r.id)).toEqual([alice, bob, sales])
      const byName = await scimRequest(t, 'POST', `${base}/.search`, search({ filter: 'displayName sw "a"' }))
      expect(byName.json.Resources.map((r: { id: string }) => r.id)).toEqual([alice])
      const groupsOnly = await scimRequest(
        t,
        'POST',
        `${base}/.search`,
        search({ filter: 'meta.resourceType eq "Group"' }),
      )
      expect(groupsOnly.json.Resources.map((r: { id: string }) => r.id)).toEqual([sales])
      // userName exists only on Users: Groups simply do not match.
      const userOnly = await scimRequest(
        t,
        'POST',
        `${base}/.search`,
        search({ filter: 'userName pr', attributes: ['userName', 'members'] }),
      )
      expect(userOnly.json.totalResults).toBe(2)
      expect(userOnly.json.Resources[0]).toEqual({
        schemas: expect.any(Array),
        id: alice,
        userName: 'alice@contoso.com',
      })
      const paged = await scimRequest(
        t,
        'POST',
        `${base}/.search`,
        search({ sortBy: 'displayName', startIndex: 2, count: 1 }),
      )
      expect(paged.json).toMatchObject({ totalResults: 3, itemsPerPage: 1, startIndex: 2 })
      expect(paged.json.Resources[0].id).toBe(bob)
      const viaGet = await scimRequest(
        t,
        'GET',
        `${base}?filter=${encodeURIComponent('displayName eq "Sales"')}`,
      )
      expect(viaGet.json.Resources.map((r: { id: string }) => r.id)).toEqual([sales])
      expectScimError(
        await scimRequest(t, 'POST', `${base}/.search`, search({ filter: 'shoeSize eq 1' })),
        400,
        'invalidFilter',
      )
      expectScimError(
        await scimRequest(t, 'POST', `${base}/.search`, search({ attributes: ['shoeSize'] })),
        400,
        'invalidValue',
      )
      expectScimError(await scimRequest(t, 'GET', `${base}/.search`), 405)
    })

    it('POST /Bulk runs each operation on its own, resolves bulkId references and reports each result', async () => {
      const answer = await scimRequest(
        t,
        'POST',
        `${base}/Bulk`,
        bulk([
          {
            method: 'PATCH',
            path: '/Groups/bulkId:eng',
            data: patchOp({ op: 'add', path: 'members', value: [{ value: 'bulkId:carol' }] }),
          },
          {
            method: 'POST',
            path: '/Users',
            bulkId: 'carol',
            data: { schemas: [USER_URN], userName: 'carol@contoso.com' },
          },
          {
            method: 'POST',
            path: '/Users',
            bulkId: 'dup',
            data: { schemas: [USER_URN], userName: 'ALICE@contoso.com' },
          },
          {
            method: 'POST',
            path: '/Groups',
            bulkId: 'eng',
            data: { schemas: [GROUP_URN], displayName: 'Engineering' },
          },
          {
            method: 'PATCH',
            path: `/Users/${bob}`,
            version: 'W/"1"',
            data: patchOp({ op: 'replace', path: 'active', value: false }),
          },
          {
            method: 'PATCH',
            path: '/Groups/bulkId:dup',
            data: patchOp({ op: 'add', path: 'members', value: [{ value: bob }] }),
          },
          { method: 'DELETE', path: `/Groups/${sales}` },
          {
            method: 'PUT',
            path: '/Users/bulkId:nobody',
            data: { schemas: [USER_URN], userName: 'x@contoso.com' },
          },
          { method: 'FETCH', path: '/Users' },
          { method: 'POST', path: '/Groups', bulkId: 'nodata' },
          { method: 'DELETE', path: '/Groups/bulkId:nodata' },
        ]),
      )
      expect(answer.status, JSON.stringify(answer.json)).toBe(200)
      expect(answer.json.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:BulkResponse'])
      const results = answer.json.Operations as Record<string, unknown>[]
      expect(results.map((r) => [r.method, r.bulkId, r.status])).toEqual([
        ['PATCH', undefined, '200'],
        ['POST', 'carol', '201'],
        ['POST', 'dup', '409'],
        ['POST', 'eng', '201'],
        ['PATCH', undefined, '200'],
        ['PATCH', undefined, '409'],
        ['DELETE', undefined, '204'],
        ['PUT', undefined, '400'],
        [undefined, undefined, '400'],
        ['POST', 'nodata', '400'],
        ['DELETE', undefined, '409'],
      ])
      expect(results[2]?.response).toMatchObject({ scimType: 'uniqueness', status: '409' })
      const carol = String(results[1]?.location).split('/').pop()
      const eng = String(results[3]?.location).split('/').pop()
      expect(results[1]).toMatchObject({ version: 'W/"1"', location: `${t.url}${base}/Users/${carol}` })
      const group = await scimRequest(t, 'GET', `${base}/Groups/${eng}`)
      expect(group.json.members.map((m: { value: string }) => m.value)).toEqual([carol])
      expect((await scimRequest(t, 'GET', `${base}/Users/${bob}`)).json.active).toBe(false)
      expectScimError(await scimRequest(t, 'GET', `${base}/Groups/${sales}`), 404)
      // The failed operations left nothing behind; the others stay done.
      expect(t.store.read().directory.users.map((u) => u.userName)).toEqual([
        'alice@contoso.com',
        'bob@fabrikam.com',
        'carol@contoso.com',
      ])
    })

    it('POST /Bulk stops after failOnErrors failures, refuses cycles, and enforces maxOperations and maxPayloadSize', async () => {
      const stopped = await scimRequest(
        t,
        'POST',
        `${base}/Bulk`,
        bulk(
          [
            {
              method: 'POST',
              path: '/Users',
              bulkId: 'a',
              data: { schemas: [USER_URN], userName: 'alice@contoso.com' },
            },
            {
              method: 'POST',
              path: '/Users',
              bulkId: 'b',
              data: { schemas: [USER_URN], userName: 'carol@contoso.com' },
            },
          ],
          { failOnErrors: 1 },
        ),
      )
      expect(stopped.json.Operations.map((r: { status: string }) => r.status)).toEqual(['409'])
      expect(t.store.read().directory.users).toHaveLength(2)
      const cycle = await scimRequest(
        t,
        'POST',
        `${base}/Bulk`,
        bulk([
          {
            method: 'POST',
            path: '/Groups',
            bulkId: 'x',
            data: { schemas: [GROUP_URN], displayName: 'X', members: [{ value: 'bulkId:y' }] },
          },
          {
            method: 'POST',
            path: '/Groups',
            bulkId: 'y',
            data: { schemas: [GROUP_URN], displayName: 'Y', members: [{ value: 'bulkId:x' }] },
          },
        ]),
      )
      expect(cycle.json.Operations.map((r: { status: string }) => r.status)).toEqual(['409', '409'])
      const many = Array.from({ length: 101 }, (_, i) => ({ method: 'DELETE', path: `/Users/u${i}` }))
      expectScimError(await scimRequest(t, 'POST', `${base}/Bulk`, bulk(many)), 413)
      const big = bulk([
        {
          method: 'POST',
          path: '/Users',
          bulkId: 'big',
          data: { schemas: [USER_URN], userName: 'big@contoso.com', title: 'x'.repeat(1024 * 1024) },
        },
      ])
      expectScimError(await scimRequest(t, 'POST', `${base}/Bulk`, big), 413)
      expectScimError(await scimRequest(t, 'POST', `${base}/Bulk`, { Operations: [] }), 400, 'invalidSyntax')
      expectScimError(
        await scimRequest(
          t,
          'POST',
          `${base}/Bulk`,
          `{"schemas":["${BULK_URN}"],"Operations":[{"method":"POST","path":"/Users","bulkId":"p","data":{"__proto__":{}}}]}`,
        ),
        400,
        'invalidSyntax',
      )
      expectScimError(await scimRequest(t, 'GET', `${base}/Bulk`), 405)
      expect(t.store.read().directory.groups.map((g) => g.displayName)).toEqual(['Sales'])
    })

    it("answers /Users/me with a 404 that explains the organization token has no user, as for Webex's connector token", async () => {
      for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
        const body =
          method === 'GET' || method === 'DELETE' ? undefined : { schemas: [PATCH_URN], Operations: [] }
        const me = await scimRequest(t, method, `${base}/Users/me`, body)
        expectScimError(me, 404)
        expect(me.json.detail).toContain('belongs to the organization')
      }
      expectScimError(await scimRequest(t, 'GET', '/identity/scim/v2/Users/me'), 404)
      const anonymous = await t.app.request('/identity/scim/v2/Users/me')
      expect(anonymous.status).toBe(401)
    })

    it("serves Webex's GET /Groups/{id}/Members with paging and memberType", async () => {
      await scimRequest(
        t,
        'PATCH',
        `${base}/Groups/${sales}`,
        patchOp({ op: 'add', path: 'members', value: [{ value: bob }] }),
      )
      const nested = await scimRequest(t, 'POST', `${base}/Groups`, {
        schemas: [GROUP_URN],
        displayName: 'EMEA',
        members: [{ value: sales }],
      })
      const members = await scimRequest(t, 'GET', `${base}/Groups/${sales}/Members`)
      expect(members.status).toBe(200)
      expect(members.json).toEqual({
        schemas: ['urn:scim:schemas:extension:cisco:webexidentity:2.0:GroupMembers'],
        displayName: 'Sales',
        memberSize: 2,
        startIndex: 1,
        itemsPerPage: 2,
        members: [
          { value: alice, type: 'user', display: 'Alice' },
          { value: bob, type: 'user', display: 'Bob' },
        ],
      })
      const page = await scimRequest(t, 'GET', `${base}/Groups/${sales}/Members?startIndex=2&count=1`)
      expect(page.json.members.map((m: { value: string }) => m.value)).toEqual([bob])
      const groups = await scimRequest(t, 'GET', `${base}/Groups/${nested.json.id}/Members?memberType=group`)
      expect(groups.json.members).toEqual([{ value: sales, type: 'group', display: 'Sales' }])
      expectScimError(
        await scimRequest(t, 'GET', `${base}/Groups/${sales}/Members?memberType=robot`),
        400,
        'invalidValue',
      )
      expectScimError(await scimRequest(t, 'GET', `${base}/Groups/nope/Members`), 404)
    })
  },
)
