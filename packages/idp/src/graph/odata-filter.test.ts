import { describe, expect, it } from 'vitest'
import { parseODataFilter } from './odata-filter'

const items = [
  {
    id: '1',
    displayName: 'Alice',
    accountEnabled: true,
    mail: null,
    identifierUris: ['urn:a'],
    web: { logoutUrl: 'https://a' },
  },
  {
    id: '2',
    displayName: "O'Brien",
    accountEnabled: false,
    mail: 'ob@contoso.com',
    identifierUris: [],
    web: { logoutUrl: null },
  },
  {
    id: '3',
    displayName: 'alina',
    accountEnabled: true,
    mail: 'al@contoso.com',
    identifierUris: ['urn:b', 'urn:A'],
    web: null,
  },
]

function ids(filter: string): string[] {
  const predicate = parseODataFilter(filter)
  if (!predicate.ok) throw new Error(predicate.error)
  return items.filter(predicate.value).map((i) => i.id)
}

describe('OData $filter', () => {
  it.each([
    ["displayName eq 'alice'", ['1']],
    ["displayName eq 'O''Brien'", ['2']],
    ['displayName eq "Alice"', ['1']],
    ['mail eq null', ['1']],
    ['accountEnabled eq false', ['2']],
    ["startswith(displayName,'ali')", ['1', '3']],
    ["endswith(mail,'@contoso.com') and not (accountEnabled eq false)", ['3']],
    ["displayName eq 'Alice' or id eq '2'", ['1', '2']],
    ["id in ('1','3')", ['1', '3']],
    ["identifierUris/any(x:x eq 'urn:a')", ['1', '3']],
    ["web/logoutUrl eq 'https://a'", ['1']],
    ["DISPLAYNAME ne 'alina'", ['1', '2']],
  ])('%s', (filter, expected) => {
    expect(ids(filter)).toEqual(expected)
  })

  it.each([
    ["displayName like 'a'"],
    ['displayName eq'],
    ["(displayName eq 'a'"],
    ["identifierUris/any(x:y eq 'a')"],
    ['displayName eq alice'],
  ])('refuses %s', (filter) => {
    expect(parseODataFilter(filter).ok).toBe(false)
  })
})
