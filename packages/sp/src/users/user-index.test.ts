import { describe, expect, it } from 'vitest'
import { userById, usersHolding } from './user-index'

interface TestUser {
  readonly id: string
  readonly userName: string
  readonly emails: readonly { readonly value: string }[]
}

function user(id: string, userName: string, ...emails: string[]): TestUser {
  return Object.freeze({
    id,
    userName,
    emails: Object.freeze(emails.map((value) => Object.freeze({ value }))),
  })
}

const ids = (found: readonly TestUser[] | null) => found?.map((u) => u.id) ?? null

describe('the users index', () => {
  it('finds the holders of an address by userName or email, case-insensitively, in array order', () => {
    const users = Object.freeze([
      user('1', 'b.simon@contoso.com'),
      user('2', 'b.fox@contoso.com', 'Shared@Contoso.com'),
      user('3', 'shared@contoso.com'),
    ])
    expect(ids(usersHolding(users, 'B.Simon@contoso.com'))).toEqual(['1'])
    expect(ids(usersHolding(users, 'shared@contoso.com'))).toEqual(['2', '3'])
    expect(ids(usersHolding(users, 'nobody@contoso.com'))).toEqual([])
  })

  it('follows a new array that appends to and replaces users of the last one', () => {
    const first = Object.freeze([user('1', 'a@contoso.com'), user('2', 'b@contoso.com')])
    expect(ids(usersHolding(first, 'a@contoso.com'))).toEqual(['1'])
    // What a SCIM create and then a rename make: the same users plus one, then one replaced.
    const appended = Object.freeze([...first, user('3', 'c@contoso.com')])
    expect(ids(usersHolding(appended, 'c@contoso.com'))).toEqual(['3'])
    const renamed = Object.freeze(appended.with(0, user('1', 'renamed@contoso.com')))
    expect(ids(usersHolding(renamed, 'a@contoso.com'))).toEqual([])
    expect(ids(usersHolding(renamed, 'renamed@contoso.com'))).toEqual(['1'])
    expect(ids(usersHolding(renamed, 'b@contoso.com'))).toEqual(['2'])
    // An older array is still answered for itself (rebuilt), not with the newer one's index.
    expect(ids(usersHolding(first, 'c@contoso.com'))).toEqual([])
    expect(ids(usersHolding(first, 'a@contoso.com'))).toEqual(['1'])
    const shrunk = Object.freeze(renamed.slice(1))
    expect(ids(usersHolding(shrunk, 'renamed@contoso.com'))).toEqual([])
    expect(userById(shrunk, '1')).toBeUndefined()
    expect(userById(shrunk, '3')?.userName).toBe('c@contoso.com')
    expect(userById(renamed, '1')?.userName).toBe('renamed@contoso.com')
  })

  it('does not index users that may still change (a draft), so the caller scans them', () => {
    const draft = [user('1', 'a@contoso.com')]
    expect(usersHolding(draft, 'a@contoso.com')).toBeNull()
    const mutableUser = { id: '2', userName: 'b@contoso.com', emails: [] }
    expect(usersHolding(Object.freeze([mutableUser]), 'b@contoso.com')).toBeNull()
  })
})
