import { describe, expect, it } from 'vitest'
import { readFormActionPolicies, refusingFormAction } from './form-action-policy'

const SELF = new URL('http://localhost:7070/tenant/login')

function allows(sources: string, target: string, redirected = false, self: URL = SELF): boolean {
  const policies = readFormActionPolicies([`default-src 'self'; form-action ${sources}; base-uri 'none'`])
  return refusingFormAction(policies, new URL(target), self, redirected) === null
}

describe('readFormActionPolicies', () => {
  it('reads form-action from each policy of each header and ignores policies without it', () => {
    expect(
      readFormActionPolicies([
        "default-src 'self'; form-action 'self' https://sp.test",
        "script-src 'none', FORM-ACTION  https:  ;",
        "default-src 'none'",
      ]),
    ).toEqual([["'self'", 'https://sp.test'], ['https:']])
  })

  it('keeps only the first form-action of a policy and reads an empty one as allowing nothing', () => {
    const policies = readFormActionPolicies(["form-action; form-action 'self'"])
    expect(policies).toEqual([[]])
    expect(refusingFormAction(policies, new URL('http://localhost:7070/x'), SELF, false)).toEqual([])
  })

  it('restricts nothing without the directive (form-action has no default-src fallback)', () => {
    const policies = readFormActionPolicies(["default-src 'none'"])
    expect(refusingFormAction(policies, new URL('https://elsewhere.test/'), SELF, true)).toBeNull()
  })
})

describe('refusingFormAction', () => {
  it("allows 'self' and its https upgrade, and refuses other origins and other ports", () => {
    expect(allows("'self'", 'http://localhost:7070/other')).toBe(true)
    expect(allows("'self'", 'https://localhost:7070/other')).toBe(true)
    expect(allows("'self'", 'http://localhost:7080/acs')).toBe(false)
    expect(allows("'self'", 'http://127.0.0.1:7070/acs')).toBe(false)
    expect(allows("'self'", 'http://localhost:7080/acs', true)).toBe(false)
  })

  it('matches host-sources by scheme, host, port and (before a redirect) path', () => {
    expect(allows('http://localhost:7080', 'http://localhost:7080/idb/acs')).toBe(true)
    expect(allows('http://localhost:7080', 'https://localhost:7080/idb/acs')).toBe(true)
    expect(allows('https://localhost:7080', 'http://localhost:7080/idb/acs')).toBe(false)
    expect(allows('localhost:7080', 'http://localhost:7080/acs')).toBe(true)
    expect(allows('http://localhost', 'http://localhost:7080/acs')).toBe(false)
    expect(allows('http://localhost:*', 'http://localhost:7080/acs')).toBe(true)
    expect(allows('http://sp.test:80', 'https://sp.test/acs')).toBe(true)
    expect(allows('*.webex.test', 'https://idbroker.webex.test/x', false, new URL('https://a.test/'))).toBe(
      true,
    )
    expect(allows('*.webex.test', 'https://webex.test/x', false, new URL('https://a.test/'))).toBe(false)
    expect(allows('http://localhost:7080/acs', 'http://localhost:7080/acs')).toBe(true)
    expect(allows('http://localhost:7080/acs', 'http://localhost:7080/home')).toBe(false)
    expect(allows('http://localhost:7080/acs', 'http://localhost:7080/home', true)).toBe(true)
    expect(allows('http://localhost:7080/idb/', 'http://localhost:7080/idb/acs')).toBe(true)
  })

  it("matches scheme-sources and '*', and nothing for 'none', nonces or hashes", () => {
    expect(allows('https:', 'https://anything.test/')).toBe(true)
    expect(allows('http:', 'https://anything.test/')).toBe(true)
    expect(allows('https:', 'http://anything.test/')).toBe(false)
    expect(allows('*', 'https://anything.test/')).toBe(true)
    expect(allows('*', 'data:text/html,x')).toBe(false)
    expect(allows("'none'", 'http://localhost:7070/tenant/login')).toBe(false)
    expect(allows("'nonce-abc' 'sha256-xyz' 'unsafe-inline'", 'http://localhost:7070/x')).toBe(false)
  })

  it('refuses when any one of several policies refuses (every policy is enforced)', () => {
    const policies = readFormActionPolicies([
      "form-action 'self' http://localhost:7080",
      "form-action 'self'",
    ])
    expect(refusingFormAction(policies, new URL('http://localhost:7080/acs'), SELF, false)).toEqual([
      "'self'",
    ])
  })
})
