import { verifyPassword } from '@sandbox/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestServices, type TestServices } from '../test-support/harness'

let t: TestServices
beforeEach(async () => {
  t = await createTestServices()
})

describe('directory users', () => {
  it('creates the default tenant with a Global Administrator whose one-time password works', async () => {
    const state = t.store.read()
    expect(state.tenant.defaultDomain).toBe('contoso.com')
    expect(state.tenant.id).toMatch(/^[0-9a-f-]{36}$/)
    const admin = state.users[0]
    expect(admin?.userPrincipalName).toBe('admin@contoso.com')
    expect(admin?.directoryRoles).toEqual(['Global Administrator'])
    await expect(verifyPassword(t.adminPassword, admin?.passwordHash ?? '')).resolves.toBe(true)
  })

  it('generates a password shown once when none is given, and stores only its hash', async () => {
    const created = await t.services.directory.createUser({
      userPrincipalName: 'Alice@contoso.com',
      displayName: 'Alice Example',
      givenName: 'Alice',
      surname: 'Example',
      mail: 'alice@contoso.com',
    })
    expect(created.ok).toBe(true)
    if (!created.ok) return
    expect(created.value.generatedPassword).toMatch(/^[A-Z][a-z]{5}\d{4}[A-Z][a-z]$/)
    expect(created.value.user.mailNickname).toBe('Alice')
    const stored = t.store.read().users.find((u) => u.id === created.value.user.id)
    expect(JSON.stringify(stored)).not.toContain(created.value.generatedPassword as string)
    await expect(
      t.services.credentials.check(
        'alice@contoso.com',
        created.value.generatedPassword as string,
        '127.0.0.1',
      ),
    ).resolves.toMatchObject({ ok: true })
  })

  it('refuses a UPN outside the verified domains with Entra’s message, and stores nothing', async () => {
    const before = t.store.read()
    const created = await t.services.directory.createUser({
      userPrincipalName: 'bob@fabrikam.com',
      displayName: 'Bob',
    })
    expect(created).toMatchObject({ ok: false, error: { code: 'INVALID', target: 'userPrincipalName' } })
    if (!created.ok) expect(created.error.message).toContain('You must use one of the verified domain names')
    expect(t.store.read()).toBe(before)
  })

  it('refuses a second user with the same UPN (case-insensitively) as an ObjectConflict', async () => {
    const created = await t.services.directory.createUser({
      userPrincipalName: 'ADMIN@contoso.com',
      displayName: 'X',
    })
    expect(created).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Another object with the same value for property userPrincipalName already exists.',
      },
    })
  })

  it('refuses weak passwords with the complexity message', async () => {
    const created = await t.services.directory.createUser({
      userPrincipalName: 'weak@contoso.com',
      displayName: 'Weak',
      password: 'password',
    })
    expect(created).toMatchObject({ ok: false, error: { code: 'INVALID', target: 'passwordProfile' } })
  })

  it('finds users by id or UPN, updates them and deletes them with their memberships and assignments', async () => {
    const created = await t.services.directory.createUser({
      userPrincipalName: 'carol@contoso.com',
      displayName: 'Carol',
      password: 'Str0ng!Pass',
    })
    if (!created.ok) throw new Error(created.error.message)
    const id = created.value.user.id
    expect(t.services.directory.getUser('CAROL@contoso.com')).toMatchObject({ ok: true, value: { id } })
    const updated = await t.services.directory.updateUser(id, { surname: 'Smith', accountEnabled: false })
    expect(updated).toMatchObject({ ok: true, value: { surname: 'Smith', accountEnabled: false } })
    const group = await t.services.groups.createGroup({ displayName: 'Sales' })
    if (!group.ok) throw new Error(group.error.message)
    await t.services.groups.addMember(group.value.id, id)
    expect(await t.services.directory.deleteUser(id)).toEqual({ ok: true, value: undefined })
    expect(t.services.directory.getUser(id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(t.store.read().groups[0]?.memberIds).toEqual([])
  })

  it('keeps the last Global Administrator', async () => {
    const admin = t.store.read().users[0]
    const deleted = await t.services.directory.deleteUser(admin?.id ?? '')
    expect(deleted).toMatchObject({ ok: false, error: { code: 'INVALID' } })
  })

  it('refuses to disable or demote the last enabled Global Administrator, saying what to do first', async () => {
    const admin = t.store.read().users[0]?.id ?? ''
    const disabled = await t.services.directory.updateUser(admin, {
      accountEnabled: false,
      surname: 'Changed',
    })
    expect(disabled).toMatchObject({ ok: false, error: { code: 'INVALID', target: 'accountEnabled' } })
    if (disabled.ok) return
    expect(disabled.error.message).toContain('last enabled Global Administrator')
    expect(disabled.error.message).toContain('Give another enabled user the Global Administrator role first')
    const demoted = await t.services.directory.updateUser(admin, { directoryRoles: [] })
    expect(demoted).toMatchObject({ ok: false, error: { code: 'INVALID', target: 'directoryRoles' } })
    // Nothing of a refused update is kept, not even the properties that were fine.
    expect(t.store.read().users[0]).toMatchObject({
      accountEnabled: true,
      surname: 'Admin',
      directoryRoles: ['Global Administrator'],
    })
  })

  it('disables a Global Administrator while another enabled one remains, then keeps that one', async () => {
    const admin = t.store.read().users[0]?.id ?? ''
    const second = await t.services.directory.createUser({
      userPrincipalName: 'second@contoso.com',
      displayName: 'Second Admin',
      directoryRoles: ['Global Administrator'],
    })
    if (!second.ok) throw new Error(second.error.message)
    const secondId = second.value.user.id
    expect(await t.services.directory.updateUser(admin, { accountEnabled: false })).toMatchObject({
      ok: true,
    })
    expect(await t.services.directory.updateUser(secondId, { accountEnabled: false })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', target: 'accountEnabled' },
    })
    // The disabled administrator does not count: the enabled one cannot be deleted either.
    expect(await t.services.directory.deleteUser(secondId)).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    })
    expect(await t.services.directory.updateUser(admin, { accountEnabled: true })).toMatchObject({ ok: true })
    expect(await t.services.directory.deleteUser(secondId)).toMatchObject({ ok: true })
  })

  it('answers unknown accounts and wrong passwords identically, and a disabled account only after its password', async () => {
    const check = (name: string, password: string) =>
      t.services.credentials.check(name, password, '127.0.0.1')
    const unknown = await check('nobody@contoso.com', 'whatever')
    const wrong = await check('admin@contoso.com', 'whatever')
    expect(unknown).toEqual(wrong)
    expect(unknown).toEqual({ ok: false, error: { code: 'AADSTS50126' } })
    const created = await t.services.directory.createUser({
      userPrincipalName: 'erin@contoso.com',
      displayName: 'Erin',
      password: 'Contoso1234!',
    })
    if (!created.ok) throw new Error(created.error.message)
    const disabled = await t.services.directory.updateUser(created.value.user.id, { accountEnabled: false })
    expect(disabled).toMatchObject({ ok: true, value: { accountEnabled: false } })
    await expect(check('erin@contoso.com', 'whatever')).resolves.toEqual({
      ok: false,
      error: { code: 'AADSTS50126' },
    })
    await expect(check('erin@contoso.com', 'Contoso1234!')).resolves.toEqual({
      ok: false,
      error: { code: 'AADSTS50057' },
    })
  })
})

describe('directory groups', () => {
  it('adds direct members once, refuses duplicates with Graph’s message, and removes them', async () => {
    const group = await t.services.groups.createGroup({ displayName: 'Webex users', description: 'All' })
    if (!group.ok) throw new Error(group.error.message)
    const admin = t.store.read().users[0]?.id ?? ''
    expect(await t.services.groups.addMember(group.value.id, admin)).toEqual({ ok: true, value: undefined })
    const again = await t.services.groups.addMember(group.value.id, admin)
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID', target: 'members' } })
    expect(t.services.groups.listMembers(group.value.id)).toMatchObject({ ok: true, value: [{ id: admin }] })
    expect(await t.services.groups.removeMember(group.value.id, admin)).toEqual({
      ok: true,
      value: undefined,
    })
    expect(t.services.groups.listMembers(group.value.id)).toMatchObject({ ok: true, value: [] })
  })

  it('refuses mail-enabled groups and unknown members', async () => {
    expect(await t.services.groups.createGroup({ displayName: 'List', mailEnabled: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', target: 'mailEnabled' },
    })
    const group = await t.services.groups.createGroup({ displayName: 'G' })
    if (!group.ok) throw new Error(group.error.message)
    expect(
      await t.services.groups.addMember(group.value.id, '00000000-0000-4000-8000-000000000000'),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})
