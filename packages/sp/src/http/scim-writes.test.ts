import { beforeEach, describe, expect, it } from 'vitest'
import { createTestSp, type TestSp } from '../test-support/harness'
import {
  CISCO_URN,
  createScimUser,
  ENTERPRISE_URN,
  expectScimError,
  GROUP_URN,
  patchOp,
  SCIM_FLAVOURS,
  scimRequest,
  USER_URN,
} from '../test-support/scim-client'

let t: TestSp

beforeEach(async () => {
  t = await createTestSp()
})

describe.each(SCIM_FLAVOURS)('SCIM writes (%s path)', (_flavour, baseOf) => {
  let base: string
  beforeEach(() => {
    base = baseOf(t.orgId)
  })
  const get = async (id: string) => (await scimRequest(t, 'GET', `${base}/Users/${id}`)).json
  const patch = (id: string, ...operations: unknown[]) =>
    scimRequest(t, 'PATCH', `${base}/Users/${id}`, patchOp(...operations))

  it("creates a user without userType (Entra's Webex connector sends none) as userType user", async () => {
    const id = await createScimUser(t, base, 'b.simon@contoso.com')
    expect((await get(id)).userType).toBe('user')
    expect(t.services.users.findSignInUser('b.simon@contoso.com')?.userType).toBe('user')
  })

  it('PATCH remove of active, userType or displayName leaves it unassigned and never reactivates', async () => {
    const id = await createScimUser(t, base, 'b.simon@contoso.com', { displayName: 'Bee', userType: 'room' })
    expect((await patch(id, { op: 'replace', path: 'active', value: false })).status).toBe(200)
    const replaced = await scimRequest(t, 'PUT', `${base}/Users/${id}`, {
      schemas: [USER_URN],
      userName: 'b.simon@contoso.com',
      displayName: 'Bee',
    })
    expect(replaced.json).toMatchObject({ active: false, userType: 'room' })
    const removed = await patch(id, { op: 'remove', path: 'active' })
    expect(removed.status).toBe(200)
    expect(removed.json).not.toHaveProperty('active')
    expect(t.services.users.findSignInUser('b.simon@contoso.com')?.active).not.toBe(true)
    for (const path of ['userType', 'displayName']) {
      const answer = await patch(id, { op: 'remove', path })
      expect(answer.status).toBe(200)
      expect(answer.json).not.toHaveProperty(path)
    }
    const after = await get(id)
    expect(after).not.toHaveProperty('active')
    expect(after).not.toHaveProperty('userType')
    expect(after).not.toHaveProperty('displayName')
    // An unrelated change keeps them unassigned; a PUT without active keeps the user inactive.
    await patch(id, { op: 'replace', path: 'title', value: 'Engineer' })
    expect(await get(id)).not.toHaveProperty('active')
    const put = await scimRequest(t, 'PUT', `${base}/Users/${id}`, {
      schemas: [USER_URN],
      userName: 'b.simon@contoso.com',
    })
    expect(put.status).toBe(200)
    expect(put.json.active).not.toBe(true)
    const filtered = await scimRequest(
      t,
      'GET',
      `${base}/Users?filter=${encodeURIComponent('active eq true')}`,
    )
    expect(filtered.json.totalResults).toBe(0)
  })

  it('PATCH remove of a required attribute (userName, a group displayName) is 400 mutability', async () => {
    const id = await createScimUser(t, base, 'b.simon@contoso.com')
    expectScimError(await patch(id, { op: 'remove', path: 'userName' }), 400, 'mutability')
    const group = await scimRequest(t, 'POST', `${base}/Groups`, {
      schemas: [GROUP_URN],
      displayName: 'Sales',
    })
    const removed = await scimRequest(
      t,
      'PATCH',
      `${base}/Groups/${group.json.id}`,
      patchOp({ op: 'remove', path: 'displayName' }),
    )
    expectScimError(removed, 400, 'mutability')
  })

  it('a PATCH that makes a value primary makes the others non-primary (emails, phoneNumbers)', async () => {
    const id = await createScimUser(t, base, 'b.simon@contoso.com', {
      phoneNumbers: [{ value: '+1 555 0100', type: 'work', primary: true }],
    })
    const phone = await patch(id, {
      op: 'add',
      path: 'phoneNumbers',
      value: [{ value: '+1 555 0199', type: 'mobile', primary: true }],
    })
    expect(phone.status).toBe(200)
    expect(phone.json.phoneNumbers).toEqual([
      { value: '+1 555 0100', type: 'work', primary: false },
      { value: '+1 555 0199', type: 'mobile', primary: true },
    ])
    const filtered = await patch(id, {
      op: 'replace',
      path: 'phoneNumbers[type eq "work"].primary',
      value: true,
    })
    expect(filtered.json.phoneNumbers.map((p: { primary: boolean }) => p.primary)).toEqual([true, false])
    // A new primary email becomes the userName's email only together with userName (Webex's rule);
    // the old address stays as a secondary email.
    const moved = await patch(
      id,
      { op: 'replace', path: 'userName', value: 'bee@contoso.com' },
      { op: 'add', path: 'emails', value: [{ value: 'bee@contoso.com', type: 'work', primary: true }] },
    )
    expect(moved.status).toBe(200)
    expect(moved.json.emails).toEqual([
      { value: 'b.simon@contoso.com', type: 'work', primary: false },
      { value: 'bee@contoso.com', type: 'work', primary: true },
    ])
    const alone = await patch(id, {
      op: 'add',
      path: 'emails',
      value: [{ value: 'other@contoso.com', primary: true }],
    })
    expectScimError(alone, 400, 'invalidValue')
    expect(alone.json.detail).not.toContain('At most one')
    expect(alone.json.detail).toContain('must equal userName')
  })

  it('refuses two primary values in one POST or PUT, for every multi-valued attribute', async () => {
    const twoPhones = {
      schemas: [USER_URN],
      userName: 'b.simon@contoso.com',
      phoneNumbers: [
        { value: '1', primary: true },
        { value: '2', primary: true },
      ],
    }
    const refused = await scimRequest(t, 'POST', `${base}/Users`, twoPhones)
    expectScimError(refused, 400, 'invalidValue')
    expect(refused.json.detail).toContain('phoneNumbers')
    const id = await createScimUser(t, base, 'b.simon@contoso.com')
    expectScimError(await scimRequest(t, 'PUT', `${base}/Users/${id}`, twoPhones), 400, 'invalidValue')
  })

  it('accepts PATCH paths prefixed with a schema URN, and a schema URN alone with a value object', async () => {
    const id = await createScimUser(t, base, 'b.simon@contoso.com')
    const attribute = await patch(id, { op: 'add', path: `${ENTERPRISE_URN}:employeeNumber`, value: '42' })
    expect(attribute.status).toBe(200)
    expect(attribute.json[ENTERPRISE_URN]).toEqual({ employeeNumber: '42' })
    const whole = await patch(id, {
      op: 'replace',
      path: ENTERPRISE_URN,
      value: { department: 'Sales', manager: { value: id } },
    })
    expect(whole.status, JSON.stringify(whole.json)).toBe(200)
    expect(whole.json[ENTERPRISE_URN]).toEqual({
      employeeNumber: '42',
      department: 'Sales',
      manager: { value: id },
    })
    const sub = await patch(id, { op: 'replace', path: `${ENTERPRISE_URN}:manager.value`, value: 'm-1' })
    expect(sub.json[ENTERPRISE_URN].manager).toEqual({ value: 'm-1' })
    const core = await patch(id, { op: 'replace', path: `${USER_URN}:name.givenName`, value: 'Bea' })
    expect(core.json.name.givenName).toBe('Bea')
    const coreAlone = await patch(id, { op: 'replace', path: USER_URN, value: { title: 'Lead' } })
    expect(coreAlone.json.title).toBe('Lead')
    const cisco = await patch(id, {
      op: 'add',
      path: `${CISCO_URN}:sipAddresses`,
      value: [{ value: 'sip:b@contoso.com', type: 'enterprise' }],
    })
    expect(cisco.status).toBe(200)
    expect(cisco.json[CISCO_URN].sipAddresses).toEqual([{ value: 'sip:b@contoso.com', type: 'enterprise' }])
    const gone = await patch(id, { op: 'remove', path: ENTERPRISE_URN })
    expect(gone.json).not.toHaveProperty(ENTERPRISE_URN)
    const unknown = await patch(id, { op: 'add', path: 'urn:example:custom:2.0:User:shoeSize', value: '42' })
    expectScimError(unknown, 400, 'invalidPath')
    expect(unknown.json.detail).toContain('not in any schema of User resources')
    const typo = await patch(id, { op: 'add', path: `${ENTERPRISE_URN}:employeeNumbr`, value: '1' })
    expectScimError(typo, 400, 'invalidPath')
    expect(typo.json.detail).toContain('is not an attribute of the EnterpriseUser schema')
    const notAValue = await patch(id, { op: 'replace', path: ENTERPRISE_URN, value: 'x' })
    expectScimError(notAValue, 400, 'invalidValue')
  })

  it('ignores unknown schemas, unknown attributes and read-only attributes, as Webex does', async () => {
    const created = await scimRequest(t, 'POST', `${base}/Users`, {
      schemas: [USER_URN, 'urn:example:custom:2.0:User'],
      'urn:example:custom:2.0:User': { shoeSize: 42 },
      userName: 'b.simon@contoso.com',
      favouriteColour: 'blue',
      name: { givenName: 'B', nickname: 'bee' },
      id: 'forged',
      meta: { created: '2000-01-01T00:00:00Z' },
      groups: [{ value: 'g' }],
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect(created.json.id).not.toBe('forged')
    expect(created.json.schemas).not.toContain('urn:example:custom:2.0:User')
    expect(created.json).not.toHaveProperty('favouriteColour')
    expect(created.json.name).toEqual({ givenName: 'B' })
    const id = created.json.id as string
    const noPath = await patch(id, {
      op: 'add',
      value: { 'urn:example:custom:2.0:User': { x: 1 }, shoeSize: 42, title: 'Lead' },
    })
    expect(noPath.status).toBe(200)
    expect(noPath.json.title).toBe('Lead')
    expect(noPath.json).not.toHaveProperty('shoeSize')
  })

  it('still refuses __proto__, constructor and prototype keys, even inside unknown attributes', async () => {
    const bodies = [
      `{"schemas":["${USER_URN}"],"userName":"p@contoso.com","favouriteColour":{"__proto__":{"admin":true}}}`,
      `{"schemas":["${USER_URN}"],"userName":"p@contoso.com","constructor":{"prototype":{"admin":true}}}`,
      `{"schemas":["${USER_URN}","urn:x"],"urn:x":{"prototype":1},"userName":"p@contoso.com"}`,
    ]
    for (const body of bodies)
      expectScimError(await scimRequest(t, 'POST', `${base}/Users`, body), 400, 'invalidSyntax')
    expect(t.store.read().directory.users).toHaveLength(0)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })
})
