import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DocumentStore, openFileStore, type Result } from '@sandbox/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../../../test/support/test-runtime'
import { describeError, type SpError, statusOf } from '../errors/catalogue'
import { createScimService } from '../scim/scim-service'
import { USER_URN } from '../scim/scim-urns'
import { createInitialSpState, SP_STATE_FILE, type SpState } from '../state/sp-state'
import { createTestSp, type TestSp } from '../test-support/harness'
import { createUserService } from './user-service'

let t: TestSp

/** The status the API answers a failed result with (the catalogue's, by code). */
function httpStatusOf(result: Result<unknown, SpError>): number | null {
  return result.ok ? null : statusOf(result.error.code)
}
beforeEach(async () => {
  t = await createTestSp()
})

describe('Control Hub users', () => {
  it('adds a user with a derived display name and finds it for sign-in by any case', async () => {
    const added = await t.services.users.add({
      email: ' B.Simon@Contoso.com ',
      firstName: 'B',
      lastName: 'Simon',
    })
    expect(added.ok && added.value).toMatchObject({
      userName: 'b.simon@contoso.com',
      displayName: 'B Simon',
      emails: [{ value: 'b.simon@contoso.com', type: 'work', primary: true }],
      active: true,
      source: 'manual',
      userType: 'user',
    })
    expect(t.services.users.findSignInUser('B.SIMON@contoso.com')?.givenName).toBe('B')
    expect(t.services.users.findSignInUser('nobody@contoso.com')).toBeNull()
    expect(t.services.users.findSignInUser('  ')).toBeNull()
  })

  it('uses the email as display name when there are no names', async () => {
    const added = await t.services.users.add({ email: 'solo@contoso.com' })
    expect(added.ok && added.value.displayName).toBe('solo@contoso.com')
  })

  it('refuses bad and duplicate emails, naming the field and the fix', async () => {
    for (const email of ['', 'not-an-email', 'a b@contoso.com', `${'x'.repeat(250)}@contoso.com`]) {
      const result = await t.services.users.add({ email })
      expect(result).toMatchObject({ ok: false, error: { code: 'USER_INVALID', field: 'email' } })
      expect(httpStatusOf(result)).toBe(400)
      expect(result.ok || describeError(result.error).fix).toBeTruthy()
    }
    await t.services.users.add({ email: 'b.simon@contoso.com' })
    const dup = await t.services.users.add({ email: 'B.SIMON@contoso.com' })
    expect(dup).toMatchObject({ ok: false, error: { code: 'USER_EXISTS' } })
    expect(httpStatusOf(dup)).toBe(409)
    const longName = await t.services.users.add({ email: 'x@contoso.com', firstName: 'x'.repeat(300) })
    expect(longName).toMatchObject({ ok: false, error: { field: 'firstName' } })
    expect(t.store.read().directory.users).toHaveLength(1)
  })

  it('modifies names (derived display name follows) and email (primary follows)', async () => {
    const added = await t.services.users.add({
      email: 'b.simon@contoso.com',
      firstName: 'B',
      lastName: 'Simon',
    })
    if (!added.ok) throw new Error(added.error.code)
    const renamed = await t.services.users.modify(added.value.id, {
      firstName: 'Bea',
      email: 'bea@contoso.com',
    })
    expect(renamed.ok && renamed.value).toMatchObject({
      displayName: 'Bea Simon',
      userName: 'bea@contoso.com',
      emails: [{ value: 'bea@contoso.com', primary: true }],
      version: 2,
    })
    const custom = await t.services.users.modify(added.value.id, { displayName: 'The Bee' })
    expect(custom.ok && custom.value.displayName).toBe('The Bee')
    const kept = await t.services.users.modify(added.value.id, { lastName: 'Simons' })
    expect(kept.ok && kept.value.displayName).toBe('The Bee')
    await t.services.users.add({ email: 'other@contoso.com' })
    expect(await t.services.users.modify(added.value.id, { email: 'OTHER@contoso.com' })).toMatchObject({
      ok: false,
      error: { code: 'USER_EXISTS' },
    })
    const missing = await t.services.users.modify('nope', { firstName: 'x' })
    expect(missing.ok).toBe(false)
    expect(httpStatusOf(missing)).toBe(404)
  })

  it('deactivates, activates and deletes (memberships go too)', async () => {
    const added = await t.services.users.add({ email: 'b.simon@contoso.com' })
    if (!added.ok) throw new Error(added.error.code)
    const id = added.value.id
    expect((await t.services.users.deactivate(id)).ok).toBe(true)
    expect(t.services.users.findSignInUser('b.simon@contoso.com')?.active).toBe(false)
    expect((await t.services.users.activate(id)).ok).toBe(true)
    await t.store.update((draft) => {
      draft.directory.groups.push({
        id: 'g',
        displayName: 'G',
        externalId: null,
        members: [{ value: id }],
        created: '',
        lastModified: '',
        version: 1,
      })
      return { ok: true, value: undefined }
    })
    expect((await t.services.users.remove(id)).ok).toBe(true)
    expect(t.store.read().directory.groups[0]?.members).toEqual([])
    expect(await t.services.users.remove(id)).toMatchObject({ ok: false, error: { code: 'USER_NOT_FOUND' } })
  })

  it('creates just-in-time users with source jit and the same rules', async () => {
    const jit = await t.services.users.createJustInTime({ email: 'new@contoso.com', givenName: 'New' })
    expect(jit.ok && jit.value).toMatchObject({
      source: 'jit',
      displayName: 'New',
      givenName: 'New',
      familyName: '',
    })
    const again = await t.services.users.createJustInTime({ email: 'NEW@contoso.com' })
    expect(again.ok).toBe(false)
    expect(httpStatusOf(again)).toBe(409)
  })

  it('lists with search and paging', async () => {
    for (const n of [1, 2, 3, 4, 5])
      await t.services.users.add({ email: `user${n}@contoso.com`, lastName: n % 2 ? 'Odd' : 'Even' })
    expect(t.services.users.list({ search: 'odd' }).total).toBe(3)
    const page = t.services.users.list({ offset: 1, limit: 2 })
    expect(page).toMatchObject({ total: 5, offset: 1, limit: 2 })
    expect(page.items.map((u) => u.userName)).toEqual(['user2@contoso.com', 'user3@contoso.com'])
    expect(t.services.users.list({ limit: 99999 }).limit).toBe(1000)
  })
})

describe('users across a restart', () => {
  let dir: string
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps Control Hub and SCIM users in the state file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sp-users-'))
    const path = join(dir, 'sp-state.json')
    const runtime = await createTestRuntime()
    const open = async (): Promise<DocumentStore<SpState>> => {
      const opened = await openFileStore({
        path,
        spec: SP_STATE_FILE,
        createInitial: () => createInitialSpState(runtime),
      })
      if (!opened.ok) throw new Error(opened.error.message)
      return opened.value
    }
    const first = await open()
    const orgId = first.read().organization.id
    await createUserService({ store: first, runtime }).add({ email: 'manual@contoso.com', firstName: 'Man' })
    const scim = await createScimService({ store: first, runtime }).users.create(
      { orgId, baseUrl: 'http://localhost/v1/scim/x', flavour: 'legacy' },
      { schemas: [USER_URN], userName: 'scim@contoso.com', externalId: 'e-1' },
    )
    expect(scim.ok).toBe(true)
    await first.close()

    const second = await open()
    const users = createUserService({ store: second, runtime })
    expect(users.findSignInUser('manual@contoso.com')?.givenName).toBe('Man')
    expect(users.findSignInUser('SCIM@contoso.com')).toMatchObject({ source: 'scim', externalId: 'e-1' })
    await second.close()
  })
})
