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
  return items.filter(predicate.value.predicate).map((i) => i.id)
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

describe('OData $filter bounds', () => {
  const deep = (depth: number, open: string, close: string) =>
    `${open.repeat(depth)}displayName eq 'a'${close.repeat(depth)}`

  it.each([
    ['parentheses', deep(2000, '(', ')')],
    ['not', `${'not '.repeat(1000)}displayName eq 'a'`],
    ['not with parentheses', deep(600, 'not (', ')')],
    [
      'parentheses after a long and-chain',
      `${"identifierUris/any(x:x eq 'a') and ".repeat(100)}(${deep(40, '(', ')')})`,
    ],
  ])('refuses %s nested deeper than 32 levels with Graph’s recursion message', (_name, filter) => {
    expect(filter.length).toBeLessThanOrEqual(4096)
    const parsed = parseODataFilter(filter)
    expect(parsed.ok ? 'accepted' : parsed.error).toMatch(/^Recursion depth exceeded allowed limit/)
  })

  it('refuses a filter nested 20 000 deep by its length, before parsing it', () => {
    const parsed = parseODataFilter(deep(20_000, '(', ')'))
    expect(parsed.ok ? 'accepted' : parsed.error).toBe(
      'the filter is 40018 characters long; at most 4096 are allowed',
    )
  })

  it('accepts 32 levels and refuses 33', () => {
    expect(parseODataFilter(deep(32, '(', ')')).ok).toBe(true)
    expect(parseODataFilter(deep(33, '(', ')')).ok).toBe(false)
  })

  it('refuses a filter longer than 4096 characters, and evaluates a long flat or-chain', () => {
    const chain = Array.from({ length: 250 }, (_, i) => `id eq '${i}'`).join(' or ')
    expect(chain.length).toBeLessThan(4096)
    expect(ids(chain)).toEqual(['1', '2', '3'])
    const long = parseODataFilter(`displayName eq '${'a'.repeat(4100)}'`)
    expect(long.ok ? 'accepted' : long.error).toMatch(/4096/)
  })

  it('names the operators Graph allows on directory objects only in advanced queries', () => {
    const parsed = parseODataFilter("endswith(mail,'x') and not (id ne '1') or id eq '2'")
    expect(parsed.ok && [...parsed.value.advancedOperators].sort()).toEqual(['endsWith', 'ne', 'not'])
  })
})
