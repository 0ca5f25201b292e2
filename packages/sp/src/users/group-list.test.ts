import { describe, expect, it } from 'vitest'
import { groupDetail, pageOfGroups } from './group-list'
import type { DirectoryState } from './user-schema'

const STAMP = '2026-12-03T09:00:00.000Z'

function directory(): DirectoryState {
  const user = (id: string, userName: string, displayName: string) => ({
    id,
    userName,
    givenName: '',
    familyName: '',
    displayName,
    emails: [{ value: userName, type: 'work', primary: true }],
    active: true,
    userType: 'user',
    externalId: null,
    source: 'scim' as const,
    extra: {},
    created: STAMP,
    lastModified: STAMP,
    version: 1,
  })
  const group = (id: string, displayName: string, members: { value: string; display?: string }[]) => ({
    id,
    displayName,
    externalId: null,
    members,
    created: STAMP,
    lastModified: STAMP,
    version: 1,
  })
  return {
    users: [user('u1', 'b.simon@contoso.com', 'B Simon'), user('u2', 'alex@contoso.com', '')],
    groups: [
      group('g1', 'Sales EMEA', [{ value: 'u1' }, { value: 'u2' }, { value: 'gone', display: 'Old member' }]),
      group('g2', 'Support', []),
      group('g3', 'Sales APAC', [{ value: 'u1' }]),
    ],
  }
}

describe('the groups Control Hub lists', () => {
  it('searches names case-insensitively and pages in creation order with member counts', () => {
    const page = pageOfGroups(directory(), { search: ' sales ', limit: 1 })
    expect(page.total).toBe(2)
    expect(page.items).toEqual([
      { id: 'g1', displayName: 'Sales EMEA', memberCount: 3, source: 'scim', lastModified: STAMP },
    ])
    expect(pageOfGroups(directory(), { search: 'SALES', offset: 1 }).items.map((g) => g.id)).toEqual(['g3'])
    expect(pageOfGroups(directory(), { limit: 0, offset: -5 })).toMatchObject({ offset: 0, limit: 1 })
  })

  it('resolves members to users, falls back to the user name, and keeps a dangling reference visible', () => {
    const detail = groupDetail(directory(), 'g1')
    expect(detail?.members).toEqual([
      { id: 'u1', displayName: 'B Simon', email: 'b.simon@contoso.com', exists: true },
      { id: 'u2', displayName: 'alex@contoso.com', email: 'alex@contoso.com', exists: true },
      { id: 'gone', displayName: 'Old member', email: null, exists: false },
    ])
    expect(groupDetail(directory(), 'nope')).toBeNull()
  })
})
