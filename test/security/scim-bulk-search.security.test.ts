import { beforeAll, describe, expect, it } from 'vitest'
import { mutate } from './corpus/fuzz-inputs'
import { createPrng } from './corpus/prng'
import { createSandbox, type Sandbox } from './corpus/sandbox'
import { PATCH_URN, type ScimProbe, scimProbe, USER_URN } from './corpus/scim-kit'

/**
 * The SCIM endpoints beyond single resources: root and per-type .search, Bulk, /Users/me and
 * /Groups/{id}/Members (both URL flavours). Refusals are RFC 7644 §3.12 errors that change nothing;
 * nothing here answers a 5xx.
 */
let sandbox: Sandbox
let v2: string
let v1: string
let userId: string
let scim: ScimProbe['scim']
let refused: ScimProbe['refused']

beforeAll(async () => {
  sandbox = await createSandbox()
  ;({ scim, refused } = scimProbe(sandbox))
  v2 = `/identity/scim/${sandbox.sp.orgId}/v2`
  v1 = `/v1/scim/${sandbox.sp.orgId}`
  const created = await scim('POST', `${v2}/Users`, {
    schemas: [USER_URN],
    userName: 'scim.user@contoso.com',
  })
  expect(created.status).toBe(201)
  userId = created.json.id
})

describe('SCIM .search, Bulk, /Users/me and /Groups/{id}/Members: hostile input', () => {
  const BULK_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest'
  const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest'

  it('refuses every new endpoint without the bearer token, on both URL flavours', async () => {
    for (const base of [v2, v1]) {
      for (const [method, path] of [
        ['POST', '/.search'],
        ['GET', ''],
        ['POST', '/Users/.search'],
        ['POST', '/Bulk'],
        ['GET', '/Users/me'],
        ['GET', `/Groups/${userId}/Members`],
        ['GET', '/Schemas/SCIM2/User'],
      ] as const) {
        const answer = await refused(
          () => scim(method, `${base}${path}`, method === 'POST' ? {} : undefined, {}),
          401,
        )
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/)
      }
    }
    await refused(() => scim('GET', '/identity/scim/v2/Users/me', undefined, {}), 401)
  })

  it('refuses prototype keys, oversized and malformed Bulk requests as a whole, changing nothing', async () => {
    await refused(
      () =>
        scim(
          'POST',
          `${v2}/Bulk`,
          `{"schemas":["${BULK_URN}"],"Operations":[{"method":"PATCH","path":"/Users/${userId}","data":{"constructor":{"prototype":{"x":1}}}}]}`,
        ),
      400,
      'invalidSyntax',
    )
    const many = Array.from({ length: 101 }, () => ({ method: 'DELETE', path: `/Users/${userId}` }))
    await refused(() => scim('POST', `${v2}/Bulk`, { schemas: [BULK_URN], Operations: many }), 413)
    await refused(
      () => scim('POST', `${v2}/Bulk`, { schemas: [BULK_URN], Operations: [], failOnErrors: 1 }),
      400,
    )
    await refused(
      () =>
        scim('POST', `${v2}/Bulk`, {
          schemas: [BULK_URN],
          failOnErrors: -1,
          Operations: [{ method: 'DELETE', path: `/Users/${userId}` }],
        }),
      400,
      'invalidValue',
    )
  })

  it('refuses a deeply nested Bulk operation on its own, without a 5xx', async () => {
    const before = sandbox.sp.store.read()
    const depth = 400_000
    const deep = `{"schemas":["${BULK_URN}"],"Operations":[{"method":"PATCH","path":"/Users/${userId}","data":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}]}`
    const answer = await scim('POST', `${v2}/Bulk`, deep)
    expect(answer.status).toBe(200)
    expect(answer.json.Operations).toEqual([
      expect.objectContaining({
        status: '400',
        response: expect.objectContaining({ scimType: 'invalidValue' }),
      }),
    ])
    expect(sandbox.sp.store.read()).toBe(before)
  })

  it('keeps Bulk operations inside this organization’s Users and Groups', async () => {
    const before = sandbox.sp.store.read()
    const answer = await scim('POST', `${v2}/Bulk`, {
      schemas: [BULK_URN],
      Operations: [
        { method: 'DELETE', path: `/../../api/v1/users/${userId}` },
        { method: 'DELETE', path: `/Users/${userId}/../x` },
        { method: 'DELETE', path: `https://evil.example/Users/${userId}` },
        {
          method: 'PATCH',
          path: `/Users/${userId}`,
          data: { schemas: [PATCH_URN], Operations: [{ op: 'replace', path: 'id', value: 'forged' }] },
        },
      ],
    })
    expect(answer.status).toBe(200)
    expect(answer.json.Operations.map((o: { status: string }) => o.status)).toEqual([
      '400',
      '400',
      '400',
      '400',
    ])
    expect(sandbox.sp.store.read()).toBe(before)
  })

  it('answers deeply nested .search filters and bad SearchRequests with a 400, never a 5xx', async () => {
    const deep = `${'('.repeat(200)}userName pr${')'.repeat(200)}`
    for (const path of [`${v2}/.search`, `${v2}/Users/.search`, `${v1}/Groups/.search`]) {
      await refused(() => scim('POST', path, { schemas: [SEARCH_URN], filter: deep }), 400, 'invalidFilter')
      await refused(() => scim('POST', path, { schemas: [SEARCH_URN], count: 'many' }), 400, 'invalidValue')
      await refused(
        () => scim('POST', path, { schemas: [SEARCH_URN], sortBy: { $gt: '' } }),
        400,
        'invalidValue',
      )
      await refused(
        () => scim('POST', path, `{"schemas":["${SEARCH_URN}"],"__proto__":{"filter":"x"}}`),
        400,
        'invalidSyntax',
      )
    }
  })

  it('survives a seeded fuzz of Bulk and .search bodies: no 5xx, and a refusal changes nothing', async () => {
    const prng = createPrng(44)
    const seeds = [
      JSON.stringify({
        schemas: [BULK_URN],
        failOnErrors: 2,
        Operations: [
          {
            method: 'POST',
            path: '/Groups',
            bulkId: 'g',
            data: {
              schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
              displayName: 'Fuzz',
              members: [{ value: userId }],
            },
          },
          {
            method: 'PATCH',
            path: '/Groups/bulkId:g',
            data: { schemas: [PATCH_URN], Operations: [{ op: 'remove', path: 'members' }] },
          },
          { method: 'DELETE', path: '/Groups/bulkId:g' },
        ],
      }),
      JSON.stringify({
        schemas: [SEARCH_URN],
        filter: 'userName sw "scim" and not (active eq false)',
        attributes: ['userName'],
        startIndex: 1,
        count: 5,
      }),
    ]
    const problems: string[] = []
    for (let i = 0; i < 400 && problems.length < 5; i += 1) {
      const body = mutate(prng, seeds[i % 2] as string)
      const path =
        i % 2 === 0
          ? `${v2}/Bulk`
          : prng.pick([`${v2}/.search`, `${v1}/Users/.search`, `${v2}/Groups/.search`])
      const before = sandbox.sp.store.read()
      const answer = await scim('POST', path, body)
      if (answer.status >= 500)
        problems.push(`#${i} ${answer.status}: ${JSON.stringify(answer.json).slice(0, 200)}`)
      if (answer.status >= 400 && sandbox.sp.store.read() !== before)
        problems.push(`#${i} refused but changed state`)
    }
    expect(problems).toEqual([])
  })
})
