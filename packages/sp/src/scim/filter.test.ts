import { describe, expect, it } from 'vitest'
import { GROUP_RESOURCE, USER_RESOURCE } from './attribute-defs'
import { compileFilter } from './filter-eval'
import { parseFilter, parsePatchPath } from './filter-parser'
import { CISCO_URN, ENTERPRISE_URN } from './scim-urns'

const alice = {
  id: 'a1',
  externalId: 'EXT-A',
  userName: 'alice@contoso.com',
  displayName: 'Alice Example',
  name: { givenName: 'Alice', familyName: 'Example' },
  active: true,
  emails: [
    { value: 'alice@contoso.com', type: 'work', primary: true },
    { value: 'alice@home.example', type: 'home', primary: false },
  ],
  [ENTERPRISE_URN]: { department: 'Sales' },
  [CISCO_URN]: { meta: { organizationId: 'org-1' } },
  meta: { lastModified: '2026-05-01T10:00:00.000Z', created: '2026-04-01T10:00:00.000Z' },
}
const bob = {
  id: 'b2',
  userName: 'bob@fabrikam.com',
  displayName: 'Bob',
  active: false,
  emails: [{ value: 'bob@fabrikam.com', type: 'work', primary: true }],
  meta: { lastModified: '2026-03-01T10:00:00.000Z', created: '2026-03-01T10:00:00.000Z' },
}

function matches(filter: string): string[] {
  const compiled = compileFilter(filter, USER_RESOURCE)
  if (!compiled.ok) throw new Error(compiled.error.detail)
  return [alice, bob].filter((u) => compiled.value(u)).map((u) => u.id)
}

function refusal(filter: string): string {
  const compiled = compileFilter(filter, USER_RESOURCE)
  if (compiled.ok) throw new Error(`expected ${filter} to be refused`)
  expect(compiled.error).toMatchObject({ status: 400, scimType: 'invalidFilter' })
  return compiled.error.detail
}

describe('SCIM filter evaluation (RFC 7644 §3.4.2.2)', () => {
  it('compares userName case-insensitively with eq, co, sw, ew and ne', () => {
    expect(matches('userName eq "ALICE@contoso.com"')).toEqual(['a1'])
    expect(matches('userName co "FABRIKAM"')).toEqual(['b2'])
    expect(matches('userName sw "ali"')).toEqual(['a1'])
    expect(matches('userName ew ".com"')).toEqual(['a1', 'b2'])
    expect(matches('userName ne "alice@contoso.com"')).toEqual(['b2'])
  })

  it('treats id and externalId as case-exact', () => {
    expect(matches('externalId eq "EXT-A"')).toEqual(['a1'])
    expect(matches('externalId eq "ext-a"')).toEqual([])
    expect(matches('id eq "a1"')).toEqual(['a1'])
  })

  it('matches any value of a multi-valued attribute (emails.value) and value paths', () => {
    expect(matches('emails.value eq "alice@home.example"')).toEqual(['a1'])
    expect(matches('emails eq "bob@fabrikam.com"')).toEqual(['b2'])
    expect(matches('emails[type eq "home" and value co "home"]')).toEqual(['a1'])
    expect(matches('emails[type eq "home" and value co "contoso"]')).toEqual([])
  })

  it('supports pr, booleans, and/or/not with precedence and grouping', () => {
    expect(matches('externalId pr')).toEqual(['a1'])
    expect(matches('active eq false')).toEqual(['b2'])
    expect(matches('active eq true or userName sw "bob" and active eq true')).toEqual(['a1'])
    expect(matches('(active eq true or userName sw "bob") and displayName pr')).toEqual(['a1', 'b2'])
    expect(matches('not (active eq true)')).toEqual(['b2'])
    expect(matches('displayName eq "Bob" OR displayName eq "Alice Example"')).toEqual(['a1', 'b2'])
  })

  it('compares meta.lastModified as dates with gt and ge', () => {
    expect(matches('meta.lastModified gt "2026-04-01T00:00:00Z"')).toEqual(['a1'])
    expect(matches('meta.lastModified ge "2026-03-01T10:00:00.000Z"')).toEqual(['a1', 'b2'])
    expect(matches('meta.lastModified lt "2026-04-01T00:00:00Z"')).toEqual(['b2'])
  })

  it('reads extension attributes by their URN-qualified names', () => {
    expect(matches(`${ENTERPRISE_URN}:department eq "sales"`)).toEqual(['a1'])
    expect(matches(`${CISCO_URN}:meta.organizationId eq "org-1"`)).toEqual(['a1'])
  })

  it('refuses malformed filters with invalidFilter and a message saying where', () => {
    expect(refusal('userName eq')).toContain('expected a value')
    expect(refusal('userName equals "x"')).toContain('"equals" is not a SCIM operator')
    expect(refusal('userName eq "x" and')).toContain('expected an attribute name')
    expect(refusal('(userName eq "x"')).toContain('")"')
    expect(refusal('userName eq "unclosed')).toContain('not closed')
    expect(refusal('userName eq bare')).toContain('quote strings')
    expect(refusal('userName eq "x" extra')).toContain('unexpected')
  })

  it('refuses unknown attributes and operands of the wrong type', () => {
    expect(refusal('nosuch eq "x"')).toContain('not an attribute of User')
    expect(refusal('name.nosuch eq "x"')).toContain('no sub-attribute')
    expect(refusal('active eq "yes"')).toContain('boolean')
    expect(refusal('active gt true')).toContain('only eq and ne')
    expect(refusal('meta.lastModified gt "yesterday"')).toContain('date')
    expect(refusal('name eq "x"')).toContain('complex')
    expect(refusal('urn:example:unknown:attr eq "x"')).toContain('schema')
  })

  it('refuses filters that are too long or too deep', () => {
    expect(refusal(`userName eq "${'x'.repeat(5000)}"`)).toContain('longer than')
    expect(refusal(`${'('.repeat(40)}userName pr${')'.repeat(40)}`)).toContain('deeper')
  })

  it('filters groups on displayName and members', () => {
    const group = { id: 'g', displayName: 'Sales', members: [{ value: 'a1' }] }
    const byName = compileFilter('displayName eq "sales"', GROUP_RESOURCE)
    const byMember = compileFilter('members[value eq "a1"]', GROUP_RESOURCE)
    expect(byName.ok && byName.value(group)).toBe(true)
    expect(byMember.ok && byMember.value(group)).toBe(true)
  })
})

describe('PATCH path parsing (RFC 7644 §3.5.2)', () => {
  it('parses plain, dotted, filtered and filtered-with-sub-attribute paths', () => {
    expect(parsePatchPath('active')).toEqual({ ok: true, value: { path: 'active' } })
    expect(parsePatchPath('name.givenName')).toEqual({ ok: true, value: { path: 'name.givenName' } })
    const filtered = parsePatchPath('emails[type eq "work"].value')
    expect(filtered.ok && filtered.value).toMatchObject({
      path: 'emails',
      sub: 'value',
      filter: { kind: 'compare', op: 'eq', value: 'work' },
    })
    expect(parsePatchPath('members[value eq "x"]').ok).toBe(true)
  })

  it('refuses paths with junk after the filter', () => {
    expect(parsePatchPath('emails[type eq "work"]value').ok).toBe(false)
    expect(parsePatchPath('emails[type eq "work"].value extra').ok).toBe(false)
    expect(parsePatchPath('emails[type eq "work"').ok).toBe(false)
    expect(parseFilter('').ok).toBe(false)
  })
})
