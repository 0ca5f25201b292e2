import { beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from './corpus/sandbox'
import { PATCH_URN, type ScimProbe, scimProbe, USER_URN } from './corpus/scim-kit'

/**
 * Authentication and hostile input at the Webex emulator's SCIM API (both URL flavours).
 * Every refusal is an RFC 7644 §3.12 error body and leaves the stored directory as it was.
 */
let sandbox: Sandbox
let token: string
let scim: ScimProbe['scim']
let refused: ScimProbe['refused']
let v2: string
let v1: string
let userId: string

beforeAll(async () => {
  sandbox = await createSandbox()
  ;({ scim, refused } = scimProbe(sandbox))
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

describe('SCIM authentication: no or wrong token, ?access_token=, Basic auth', () => {
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

describe('SCIM input errors: syntax, uniqueness, filter, mutability, path, 404, __proto__, 413, atomic PATCH', () => {
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
