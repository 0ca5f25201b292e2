import { beforeEach, describe, expect, it } from 'vitest'
import { createTestSp, type TestSp } from '../test-support/harness'
import type { ScimRequestContext } from './scim-service'
import { CISCO_URN, ENTERPRISE_URN, GROUP_URN, PATCH_OP_URN, USER_URN } from './scim-urns'

let t: TestSp
let v2: ScimRequestContext
let legacy: ScimRequestContext

beforeEach(async () => {
  t = await createTestSp()
  v2 = { orgId: t.orgId, baseUrl: `${t.url}/identity/scim/${t.orgId}/v2`, flavour: 'v2' }
  legacy = { orgId: t.orgId, baseUrl: `${t.url}/v1/scim/${t.orgId}`, flavour: 'legacy' }
})

/** The body Entra's provisioning service POSTs to create a user, as Microsoft documents it. */
function entraUser(upn: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [USER_URN, ENTERPRISE_URN],
    externalId: upn.split('@')[0],
    userName: upn,
    active: true,
    emails: [{ primary: true, type: 'work', value: upn }],
    meta: { resourceType: 'User' },
    name: { formatted: 'B Simon', familyName: 'Simon', givenName: 'B' },
    roles: [],
    ...extra,
  }
}

async function createUser(upn = 'b.simon@contoso.com', context = legacy) {
  const created = await t.services.scim.users.create(context, entraUser(upn))
  if (!created.ok) throw new Error(created.error.detail)
  return created.value.body.id as string
}

const patchOp = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_URN], Operations })

describe('SCIM users: create', () => {
  it('stores what Entra sends, and the SSO path finds the same user', async () => {
    const created = await t.services.scim.users.create(legacy, entraUser('B.Simon@contoso.com'))
    expect(created.ok).toBe(true)
    if (!created.ok) return
    expect(created.value.body).toMatchObject({
      userName: 'b.simon@contoso.com',
      displayName: 'B Simon',
      name: { givenName: 'B', familyName: 'Simon', formatted: 'B Simon' },
      userType: 'user',
      active: true,
      roles: [],
      [CISCO_URN]: { meta: { organizationId: t.orgId } },
      meta: { resourceType: 'User', version: 'W/"1"' },
    })
    expect(created.value.location).toBe(`${legacy.baseUrl}/Users/${created.value.body.id}`)
    const found = t.services.users.findSignInUser('B.SIMON@contoso.com')
    expect(found?.id).toBe(created.value.body.id)
    expect(found?.source).toBe('scim')
  })

  it('defaults userType to user on both paths (Entra sends none) and refuses a type Webex lacks', async () => {
    for (const context of [v2, legacy]) {
      const upn = `${context.flavour}@contoso.com`
      const defaulted = await t.services.scim.users.create(context, entraUser(upn))
      expect(defaulted.ok && defaulted.value.body.userType).toBe('user')
    }
    const ok = await t.services.scim.users.create(v2, entraUser('a@contoso.com', { userType: 'room' }))
    expect(ok.ok && ok.value.body.userType).toBe('room')
    const bad = await t.services.scim.users.create(v2, entraUser('c@contoso.com', { userType: 'robot' }))
    expect(bad).toMatchObject({ ok: false, error: { scimType: 'invalidValue' } })
  })

  it('refuses a duplicate userName or email (any case) with 409 uniqueness', async () => {
    await createUser('b.simon@contoso.com')
    const again = await t.services.scim.users.create(legacy, entraUser('B.Simon@Contoso.com'))
    expect(again).toMatchObject({ ok: false, error: { status: 409, scimType: 'uniqueness' } })
    const viaEmail = await t.services.scim.users.create(
      legacy,
      entraUser('other@contoso.com', {
        emails: [{ value: 'other@contoso.com', primary: true }, { value: 'b.simon@contoso.com' }],
      }),
    )
    expect(viaEmail).toMatchObject({ ok: false, error: { status: 409 } })
    expect(t.store.read().directory.users).toHaveLength(1)
  })

  it('refuses bodies that break the schema, naming the culprit', async () => {
    const cases: [unknown, string, string][] = [
      [{ userName: 'x@contoso.com' }, 'invalidSyntax', 'schemas'],
      [{ ...entraUser('x@contoso.com'), schemas: ['urn:example:custom'] }, 'invalidSyntax', USER_URN],
      [{ ...entraUser('x@contoso.com'), name: 'X' }, 'invalidValue', 'name'],
      [{ ...entraUser('x@contoso.com'), active: 'maybe' }, 'invalidValue', 'active'],
      [{ ...entraUser('x@contoso.com'), emails: 'x@contoso.com' }, 'invalidValue', 'emails'],
      [{ ...entraUser('x@contoso.com'), userName: undefined }, 'invalidValue', 'userName is required'],
      [{ ...entraUser('x@contoso.com'), userName: 'not-an-email' }, 'invalidValue', 'userName must be'],
      [
        { ...entraUser('x@contoso.com'), emails: [{ value: 'y@contoso.com', primary: true }] },
        'invalidValue',
        'must equal userName',
      ],
      [
        JSON.parse(
          '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x@contoso.com","__proto__":{"admin":true}}',
        ),
        'invalidSyntax',
        '__proto__',
      ],
    ]
    for (const [body, scimType, mentions] of cases) {
      const result = await t.services.scim.users.create(legacy, body)
      expect(result, JSON.stringify(body)).toMatchObject({ ok: false, error: { status: 400, scimType } })
      expect(result.ok || result.error.detail).toContain(mentions)
    }
    expect(t.store.read().directory.users).toHaveLength(0)
  })

  it('accepts Entra\'s "True"/"False" strings for booleans', async () => {
    const created = await t.services.scim.users.create(
      legacy,
      entraUser('s@contoso.com', { active: 'False' }),
    )
    expect(created.ok && created.value.body.active).toBe(false)
  })
})

describe('SCIM users: list, get, replace, delete', () => {
  it('lists with filter, 1-based paging, capped count and projection', async () => {
    for (const n of [1, 2, 3]) await createUser(`user${n}@contoso.com`)
    const page = t.services.scim.users.list(legacy, {
      filter: 'userName sw "user"',
      startIndex: '2',
      count: '1',
    })
    expect(page.ok && page.value).toMatchObject({ totalResults: 3, itemsPerPage: 1, startIndex: 2 })
    expect(page.ok && (page.value.Resources as { userName: string }[])[0]?.userName).toBe('user2@contoso.com')
    const none = t.services.scim.users.list(legacy, { filter: 'userName eq "nobody@contoso.com"' })
    expect(none.ok && none.value).toMatchObject({ totalResults: 0, Resources: [] })
    const clamped = t.services.scim.users.list(legacy, { startIndex: '-5', count: '99999' })
    expect(clamped.ok && clamped.value).toMatchObject({ startIndex: 1, itemsPerPage: 3 })
    const only = t.services.scim.users.list(legacy, { attributes: 'userName,name.givenName' })
    expect(only.ok && (only.value.Resources as unknown[])[0]).toEqual({
      schemas: expect.any(Array),
      id: expect.any(String),
      userName: 'user1@contoso.com',
      name: { givenName: 'B' },
    })
    const sorted = t.services.scim.users.list(legacy, { sortBy: 'userName', sortOrder: 'descending' })
    expect(sorted.ok && (sorted.value.Resources as { userName: string }[])[0]?.userName).toBe(
      'user3@contoso.com',
    )
    expect(t.services.scim.users.list(legacy, { count: 'ten' })).toMatchObject({
      ok: false,
      error: { scimType: 'invalidValue' },
    })
    expect(t.services.scim.users.list(legacy, { attributes: 'shoeSize' })).toMatchObject({
      ok: false,
      error: { status: 400 },
    })
  })

  it('replaces a user with PUT and bumps the version; a stale If-Match is a 412', async () => {
    const id = await createUser()
    const put = await t.services.scim.users.replace(
      legacy,
      id,
      entraUser('b.simon@contoso.com', { displayName: 'Bee' }),
      'W/"1"',
    )
    expect(put.ok && put.value.body).toMatchObject({ displayName: 'Bee', meta: { version: 'W/"2"' } })
    const stale = await t.services.scim.users.replace(legacy, id, entraUser('b.simon@contoso.com'), 'W/"1"')
    expect(stale).toMatchObject({ ok: false, error: { status: 412 } })
    const missing = await t.services.scim.users.replace(legacy, 'nope', entraUser('z@contoso.com'))
    expect(missing).toMatchObject({ ok: false, error: { status: 404 } })
  })

  it('deletes a user and its group memberships; a second delete is 404', async () => {
    const id = await createUser()
    const group = await t.services.scim.groups.create(v2, {
      schemas: [GROUP_URN],
      displayName: 'Sales',
      members: [{ value: id }],
    })
    expect(group.ok).toBe(true)
    expect(await t.services.scim.users.remove(id)).toEqual({ ok: true, value: undefined })
    expect(t.store.read().directory.groups[0]?.members).toEqual([])
    expect(await t.services.scim.users.remove(id)).toMatchObject({ ok: false, error: { status: 404 } })
  })
})

describe('SCIM users: PATCH', () => {
  it('applies what Entra sends: capitalised ops, value paths, "False" strings', async () => {
    const id = await createUser()
    const result = await t.services.scim.users.patch(
      legacy,
      id,
      patchOp(
        { op: 'Replace', path: 'name.familyName', value: 'Simons' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'b.simons@contoso.com' },
        { op: 'Replace', path: 'userName', value: 'b.simons@contoso.com' },
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Add', path: `${ENTERPRISE_URN}:department`, value: 'Sales' },
      ),
    )
    expect(result.ok && result.value.body).toMatchObject({
      userName: 'b.simons@contoso.com',
      name: { familyName: 'Simons' },
      active: false,
      emails: [{ value: 'b.simons@contoso.com', type: 'work', primary: true }],
      [ENTERPRISE_URN]: { department: 'Sales' },
      meta: { version: 'W/"2"' },
    })
  })

  it('moves the primary email along when Entra changes userName alone', async () => {
    const id = await createUser()
    const result = await t.services.scim.users.patch(
      legacy,
      id,
      patchOp({ op: 'Replace', path: 'userName', value: 'bee@contoso.com' }),
    )
    expect(result.ok && result.value.body.emails).toEqual([
      { value: 'bee@contoso.com', type: 'work', primary: true },
    ])
    expect(t.services.users.findSignInUser('b.simon@contoso.com')).toBeNull()
    expect(t.services.users.findSignInUser('bee@contoso.com')?.id).toBe(id)
  })

  it('accepts replace and add without a path (value objects, dotted and URN keys)', async () => {
    const id = await createUser()
    const result = await t.services.scim.users.patch(
      legacy,
      id,
      patchOp(
        { op: 'replace', value: { active: false, displayName: 'B.S.', 'name.givenName': 'Bea' } },
        { op: 'add', value: { [ENTERPRISE_URN]: { employeeNumber: '42' }, title: 'Engineer' } },
      ),
    )
    expect(result.ok && result.value.body).toMatchObject({
      active: false,
      displayName: 'B.S.',
      name: { givenName: 'Bea', familyName: 'Simon' },
      title: 'Engineer',
      [ENTERPRISE_URN]: { employeeNumber: '42' },
    })
  })

  it('adds a missing typed email from an eq filter, and removes values by filter', async () => {
    const id = await createUser()
    const added = await t.services.scim.users.patch(
      legacy,
      id,
      patchOp({ op: 'add', path: 'emails[type eq "home"].value', value: 'bee@home.example' }),
    )
    expect(added.ok && added.value.body.emails).toEqual([
      { value: 'b.simon@contoso.com', type: 'work', primary: true },
      { value: 'bee@home.example', type: 'home', primary: false },
    ])
    const removed = await t.services.scim.users.patch(
      legacy,
      id,
      patchOp({ op: 'remove', path: 'emails[type eq "home"]' }),
    )
    expect(removed.ok && removed.value.body.emails).toHaveLength(1)
    expect(t.services.users.findSignInUser('bee@home.example')).toBeNull()
  })

  it('is all-or-nothing: a failing operation after good ones changes nothing', async () => {
    const id = await createUser()
    const before = t.store.read().directory.users[0]
    const result = await t.services.scim.users.patch(
      legacy,
      id,
      patchOp(
        { op: 'replace', path: 'displayName', value: 'Changed' },
        { op: 'replace', path: 'emails[type eq "fax"].value', value: 'x@contoso.com' },
      ),
    )
    expect(result).toMatchObject({ ok: false, error: { status: 400, scimType: 'noTarget' } })
    expect(t.store.read().directory.users[0]).toEqual(before)
  })

  it('answers each bad PATCH with its RFC 7644 scimType', async () => {
    const id = await createUser()
    await createUser('taken@contoso.com')
    const cases: [unknown, number, string | undefined][] = [
      [{ Operations: [{ op: 'replace', path: 'active', value: false }] }, 400, 'invalidSyntax'],
      [patchOp(), 400, 'invalidSyntax'],
      [patchOp({ op: 'merge', path: 'active', value: false }), 400, 'invalidSyntax'],
      [patchOp({ op: 'remove' }), 400, 'noTarget'],
      [patchOp({ op: 'replace', path: 'id', value: 'x' }), 400, 'mutability'],
      [patchOp({ op: 'replace', path: 'meta.created', value: '2020-01-01T00:00:00Z' }), 400, 'mutability'],
      [patchOp({ op: 'add', path: 'groups', value: [{ value: 'g' }] }), 400, 'mutability'],
      [patchOp({ op: 'replace', path: 'shoeSize', value: 42 }), 400, 'invalidPath'],
      [patchOp({ op: 'replace', path: 'emails[type eq "work"', value: 'x' }), 400, 'invalidPath'],
      [patchOp({ op: 'replace', path: 'emails[kind eq "work"].value', value: 'x' }), 400, 'invalidFilter'],
      [patchOp({ op: 'replace', path: 'emails.value', value: 'x@contoso.com' }), 400, 'invalidPath'],
      [patchOp({ op: 'replace', path: 'active', value: 'perhaps' }), 400, 'invalidValue'],
      [patchOp({ op: 'replace', path: 'active' }), 400, 'invalidValue'],
      [patchOp({ op: 'remove', path: 'userName' }), 400, 'mutability'],
      [patchOp({ op: 'replace', path: 'userName', value: 'TAKEN@contoso.com' }), 409, 'uniqueness'],
    ]
    for (const [body, status, scimType] of cases) {
      const result = await t.services.scim.users.patch(legacy, id, body)
      expect(result, JSON.stringify(body)).toMatchObject({ ok: false, error: { status, scimType } })
    }
    expect(
      await t.services.scim.users.patch(
        legacy,
        'nope',
        patchOp({ op: 'replace', path: 'active', value: true }),
      ),
    ).toMatchObject({
      ok: false,
      error: { status: 404 },
    })
    expect(t.store.read().directory.users.find((u) => u.id === id)?.version).toBe(1)
  })
})

describe('SCIM groups', () => {
  it('creates an empty group, adds and removes members as Entra does', async () => {
    const alice = await createUser('alice@contoso.com')
    const bob = await createUser('bob@contoso.com')
    const group = await t.services.scim.groups.create(legacy, {
      schemas: [GROUP_URN],
      displayName: 'Sales',
      externalId: 'g-1',
    })
    if (!group.ok) throw new Error(group.error.detail)
    const id = group.value.body.id as string
    const added = await t.services.scim.groups.patch(
      legacy,
      id,
      patchOp({ op: 'Add', path: 'members', value: [{ value: alice }, { value: bob }, { value: alice }] }),
    )
    expect(added.ok && (added.value.body.members as { value: string }[]).map((m) => m.value)).toEqual([
      alice,
      bob,
    ])
    const removed = await t.services.scim.groups.patch(
      legacy,
      id,
      patchOp({ op: 'Remove', path: 'members', value: [{ value: alice }] }),
    )
    expect(removed.ok && (removed.value.body.members as { value: string }[]).map((m) => m.value)).toEqual([
      bob,
    ])
    const byFilter = await t.services.scim.groups.patch(
      legacy,
      id,
      patchOp({ op: 'remove', path: `members[value eq "${bob}"]` }),
    )
    expect(byFilter.ok && byFilter.value.body.members).toEqual([])
    const user = t.services.scim.users.get(legacy, alice)
    expect(user.ok && user.value.body.groups).toBeUndefined()
  })

  it('refuses unknown members, duplicate names and missing names', async () => {
    const group = await t.services.scim.groups.create(v2, { schemas: [GROUP_URN], displayName: 'Sales' })
    if (!group.ok) throw new Error(group.error.detail)
    const id = group.value.body.id as string
    expect(
      await t.services.scim.groups.patch(
        v2,
        id,
        patchOp({ op: 'add', path: 'members', value: [{ value: 'ghost' }] }),
      ),
    ).toMatchObject({
      ok: false,
      error: { status: 400, scimType: 'invalidValue' },
    })
    expect(
      await t.services.scim.groups.create(v2, { schemas: [GROUP_URN], displayName: 'SALES' }),
    ).toMatchObject({
      ok: false,
      error: { status: 409, scimType: 'uniqueness' },
    })
    expect(await t.services.scim.groups.create(v2, { schemas: [GROUP_URN] })).toMatchObject({
      ok: false,
      error: { status: 400, scimType: 'invalidValue' },
    })
    const filtered = t.services.scim.groups.list(v2, {
      filter: 'displayName eq "sales"',
      excludedAttributes: 'members',
    })
    expect(filtered.ok && filtered.value.Resources).toEqual([
      expect.not.objectContaining({ members: expect.anything() }),
    ])
  })
})

describe('SCIM lists: a plain equality filter', () => {
  it('finds the same resources as the full filter would, whatever the case of the name or value', async () => {
    const ids = [
      await createUser('a@contoso.com'),
      await createUser('b.simon@contoso.com'),
      await createUser('c@contoso.com'),
    ]
    const found = (filter: string) => {
      const listed = t.services.scim.users.list(legacy, { filter })
      if (!listed.ok) throw new Error(listed.error.detail)
      return (listed.value.Resources as { id: string }[]).map((r) => r.id)
    }
    expect(found('USERNAME eq "B.Simon@Contoso.com"')).toEqual([ids[1]])
    expect(found(`id eq "${ids[2]}"`)).toEqual([ids[2]])
    // externalId compares with case (it is the client's own key).
    expect(found('externalId eq "b.simon"')).toEqual([ids[1]])
    expect(found('externalId eq "B.SIMON"')).toEqual([])
    expect(found('userName eq "nobody@contoso.com"')).toEqual([])
    expect(found('userName eq "a@contoso.com" or userName eq "c@contoso.com"')).toEqual([ids[0], ids[2]])
  })
})
