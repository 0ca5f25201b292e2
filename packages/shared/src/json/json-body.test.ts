import { describe, expect, it } from 'vitest'
import { parseJsonBody } from './json-body'
import { findJsonSyntaxProblem } from './json-syntax'

const LIMIT = { limit: 1024 }

describe('parseJsonBody', () => {
  it('returns the parsed value of a JSON body', () => {
    expect(parseJsonBody('{"displayName":"Cisco Webex","tags":[1,true,null]}', LIMIT)).toEqual({
      ok: true,
      value: { displayName: 'Cisco Webex', tags: [1, true, null] },
    })
    expect(parseJsonBody(' \n[]\t', LIMIT)).toEqual({ ok: true, value: [] })
  })

  it('calls a body of only white space empty, not a syntax error', () => {
    for (const text of ['', '   ', '\r\n\t']) {
      const result = parseJsonBody(text, LIMIT)
      expect(!result.ok && result.error.code).toBe('JSON_EMPTY')
    }
  })

  it('refuses a body over the limit in UTF-8 bytes, and says the limit', () => {
    const result = parseJsonBody(`"${'é'.repeat(600)}"`, LIMIT)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code: 'JSON_TOO_LARGE', limit: 1024 })
    expect(result.error.message).toContain('1024 bytes')
    expect(parseJsonBody(`"${'e'.repeat(600)}"`, LIMIT).ok).toBe(true)
  })

  it.each([
    ['{"a":1,}', 1, 8, 'a property name in double quotes'],
    ['{"a" 1}', 1, 6, "':' after a property name"],
    ['{\n  "a": tru\n}', 2, 8, 'a value'],
    ['{"a":', 1, 6, 'a value'],
    ['[1,2', 1, 5, "',' or ']'"],
    ['"abc', 1, 5, 'the closing quote of a string'],
    ['{"a":1}}', 1, 8, 'the end of the text after the JSON value'],
    ['{"a":"\\x"}', 1, 7, 'a valid escape sequence'],
    ["{'a':1}", 1, 2, 'a property name in double quotes, or }'],
    ['\uFEFF{}', 1, 1, 'a value'],
  ])('says where %j stops being JSON and what was expected', (text, line, column, expected) => {
    const result = parseJsonBody(text, LIMIT)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code: 'JSON_SYNTAX', line, column, expected })
    expect(result.error.message).toBe(
      `The request body is not valid JSON: expected ${expected} at line ${line}, column ${column}.`,
    )
  })

  it('locates a mistake under deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}1${']'.repeat(199_999)}`
    expect(findJsonSyntaxProblem(deep)).toEqual({ offset: deep.length, expected: "',' or ']'" })
    expect(findJsonSyntaxProblem(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeNull()
  })
})

describe('findJsonSyntaxProblem', () => {
  /** A deterministic generator (mulberry32), so the mutations are the same on every run. */
  function random(seed: number): () => number {
    let state = seed
    return () => {
      state = (state + 0x6d2b79f5) | 0
      let t = Math.imul(state ^ (state >>> 15), 1 | state)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
  }

  it('agrees with JSON.parse on which texts are JSON, over 3000 mutated documents', () => {
    const base = JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'b.simon@contoso.com',
      name: { givenName: 'B', familyName: 'Simon' },
      emails: [{ value: 'b.simon@contoso.com', primary: true, type: 'work' }],
      active: false,
      count: -12.5e3,
      note: 'tab\t"quoted" \\ \u00e9 \ud83d\ude00',
      nothing: null,
    })
    const alphabet = '{}[]":,.-+eE0123456789 \\tnrfu\n\u0001aé'
    const next = random(7)
    for (let i = 0; i < 3000; i++) {
      let text = base
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * (text.length + 1))
        const char = alphabet[Math.floor(next() * alphabet.length)] ?? ''
        const kind = next()
        text =
          kind < 0.4
            ? text.slice(0, at) + char + text.slice(at)
            : kind < 0.8
              ? text.slice(0, at) + text.slice(at + 1)
              : text.slice(0, at) + char + text.slice(at + 1)
      }
      let parses = true
      try {
        JSON.parse(text)
      } catch {
        parses = false
      }
      expect({ text, isJson: findJsonSyntaxProblem(text) === null }).toEqual({ text, isJson: parses })
    }
  })
})
