import { beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from './corpus/sandbox'

/**
 * security.md §6 #44–45: the Webex emulator's SCIM API (both URL flavours for authentication).
 * Every refusal is an RFC 7644 §3.12 error body and leaves the stored directory as it was.
 */
const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error'
const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User'
const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'

let sandbox: Sandbox
let token: string
let v2: string
let v1: string
let userId: string

beforeAll(async () => {
  sandbox = await createSandbox()
  token = sandbox.sp.services.scimToken.current()
  v2 = `/identity/scim/${sandbox.sp.orgId}/v2`
  v1 = `/v1/scim/${sandbox.sp.orgId}`
  const created = await scim('POST', `${v2}/Users`, {
    schemas: [USER_URN],
    userName: 'scim.user@contoso.com',
    name: { givenName: 'Scim', familyName: 'User' },
    emails: [{ value: 'scim.user@contoso.com', type: 'work', primary: true }],
    userType: 'user',
    active: true,
  })
  expect(created.status).toBe(201)
  userId = created.json.id
})

interface ScimAnswer {
  readonly status: number
  readonly headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary SCIM JSON.
  readonly json: any
}

async function scim(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${token}` },
): Promise<ScimAnswer> {
  const response = await sandbox.sp.app.request(path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: response.status, headers: response.headers, json }
}

/** Asserts an RFC 7644 error with `status` (and `scimType` when given) that changed nothing. */
async function refused(
  call: () => Promise<ScimAnswer>,
  status: number,
  scimType?: string | RegExp,
): Promise<ScimAnswer> {
  const before = sandbox.sp.store.read()
  const answer = await call()
  expect(answer.status, JSON.stringify(answer.json)).toBe(status)
  expect(answer.json.schemas).toEqual([ERROR_URN])
  expect(answer.json.status).toBe(String(status))
  if (scimType !== undefined) expect(answer.json.scimType, JSON.stringify(answer.json)).toMatch(scimType)
  expect(sandbox.sp.store.read()).toBe(before)
  return answer
}

describe('security.md §6 #44 SCIM authentication: no or wrong token, ?access_token=, Basic auth', () => {
  it.each([
    ['no Authorization header', {}, ''],
    ['a wrong bearer token', { authorization: `Bearer ${'x'.repeat(43)}` }, ''],
    ['the right token in the query string', {}, `?access_token=TOKEN`],
    ['Basic auth with the token as password', { authorization: 'BASIC' }, ''],
  ] as const)(
    'refuses %s with 401 + WWW-Authenticate: Bearer on both URL flavours',
    async (_name, headers, query) => {
      const resolved: Record<string, string> = Object.fromEntries(
        Object.entries(headers).map(([k, v]) => [
          k,
          v === 'BASIC' ? `Basic ${Buffer.from(`admin:${token}`).toString('base64')}` : v,
        ]),
      )
      for (const base of [v2, v1]) {
        const path = `${base}/Users${query.replace('TOKEN', token)}`
        const answer = await refused(() => scim('GET', path, undefined, resolved), 401)
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/)
        const write = await refused(
          () =>
            scim(
              'POST',
              `${base}/Users`,
              { schemas: [USER_URN], userName: 'intruder@contoso.com' },
              resolved,
            ),
          401,
        )
        expect(write.headers.get('www-authenticate')).toMatch(/^Bearer/)
      }
    },
  )
})

describe('security.md §6 #45 SCIM input errors: syntax, uniqueness, filter, mutability, path, 404, __proto__, 413, atomic PATCH', () => {
  it('answers 400 invalidSyntax to bad JSON and to a body without the User schema', async () => {
    await refused(() => scim('POST', `${v2}/Users`, '{"userName": '), 400, 'invalidSyntax')
    await refused(
      () => scim('POST', `${v2}/Users`, { schemas: ['urn:example:not-scim'], userName: 'x@contoso.com' }),
      400,
      /invalidSyntax|invalidValue/,
    )
  })

  it('answers 409 uniqueness to a duplicate userName', async () => {
    await refused(
      () =>
        scim('POST', `${v2}/Users`, {
          schemas: [USER_URN],
          userName: 'SCIM.User@contoso.com',
          userType: 'user',
        }),
      409,
      'uniqueness',
    )
  })

  it('answers 400 invalidFilter to an unsupported or broken filter', async () => {
    await refused(
      () => scim('GET', `${v2}/Users?filter=${encodeURIComponent('userName sw "a" or (')}`),
      400,
      'invalidFilter',
    )
    await refused(
      () => scim('GET', `${v2}/Users?filter=${encodeURIComponent('meta.frobnicate zz "a"')}`),
      400,
      'invalidFilter',
    )
  })

  it('answers 400 mutability to a PATCH of id or meta', async () => {
    for (const path of ['id', 'meta.created']) {
      await refused(
        () =>
          scim('PATCH', `${v2}/Users/${userId}`, {
            schemas: [PATCH_URN],
            Operations: [{ op: 'replace', path, value: 'forged' }],
          }),
        400,
        'mutability',
      )
    }
  })

  it('answers 400 invalidPath or noTarget to a bad path', async () => {
    await refused(
      () =>
        scim('PATCH', `${v2}/Users/${userId}`, {
          schemas: [PATCH_URN],
          Operations: [{ op: 'replace', path: 'emails[type eq', value: 'x' }],
        }),
      400,
      /invalidPath|invalidFilter/,
    )
    await refused(
      () =>
        scim('PATCH', `${v2}/Users/${userId}`, {
          schemas: [PATCH_URN],
          Operations: [{ op: 'remove', path: 'emails[type eq "home"]' }],
        }),
      400,
      /noTarget|invalidPath/,
    )
  })

  it('answers 404 to an unknown id', async () => {
    await refused(() => scim('GET', `${v2}/Users/00000000-0000-0000-0000-000000000000`), 404)
    await refused(
      () =>
        scim('PATCH', `${v2}/Users/00000000-0000-0000-0000-000000000000`, {
          schemas: [PATCH_URN],
          Operations: [{ op: 'replace', path: 'active', value: false }],
        }),
      404,
    )
  })

  it('answers 400 to a __proto__ key anywhere in the body', async () => {
    await refused(
      () =>
        scim(
          'POST',
          `${v2}/Users`,
          `{"schemas":["${USER_URN}"],"userName":"proto@contoso.com","__proto__":{"admin":true}}`,
        ),
      400,
    )
    await refused(
      () =>
        scim(
          'PATCH',
          `${v2}/Users/${userId}`,
          `{"schemas":["${PATCH_URN}"],"Operations":[{"op":"add","value":{"__proto__":{"polluted":1}}}]}`,
        ),
      400,
    )
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('answers 413 to a 2 MB body', async () => {
    await refused(
      () =>
        scim('POST', `${v2}/Users`, {
          schemas: [USER_URN],
          userName: 'big@contoso.com',
          userType: 'user',
          displayName: 'x'.repeat(2 * 1024 * 1024),
        }),
      413,
    )
  })

  it('leaves the user unchanged when one operation of a multi-operation PATCH fails', async () => {
    const before = await scim('GET', `${v2}/Users/${userId}`)
    await refused(
      () =>
        scim('PATCH', `${v2}/Users/${userId}`, {
          schemas: [PATCH_URN],
          Operations: [
            { op: 'replace', path: 'displayName', value: 'Changed' },
            { op: 'replace', path: 'active', value: false },
            { op: 'replace', path: 'id', value: 'forged' },
          ],
        }),
      400,
    )
    const after = await scim('GET', `${v2}/Users/${userId}`)
    expect(after.json).toEqual(before.json)
    expect(after.json.displayName).not.toBe('Changed')
  })
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
    const { createPrng } = await import('./corpus/prng')
    const { mutate } = await import('./corpus/fuzz-inputs')
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
