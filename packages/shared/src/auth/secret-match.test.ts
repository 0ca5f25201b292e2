import { describe, expect, it } from 'vitest'
import { secretMatches } from './secret-match'

describe('secretMatches', () => {
  it('matches the expected secret exactly, as a string or as bytes', () => {
    expect(secretMatches('s3cret-token', 's3cret-token')).toBe(true)
    expect(secretMatches(Buffer.from('key bytes'), Buffer.from('key bytes'))).toBe(true)
    expect(secretMatches('key bytes', Buffer.from('key bytes'))).toBe(true)
  })

  it('refuses a secret that differs in one character, in case, or in length', () => {
    expect(secretMatches('s3cret-token', 's3cret-tokem')).toBe(false)
    expect(secretMatches('S3CRET-TOKEN', 's3cret-token')).toBe(false)
    expect(secretMatches('s3cret-token', 's3cret-token-longer')).toBe(false)
    expect(secretMatches('s3cret-token-longer', 's3cret-token')).toBe(false)
  })

  it('never matches an empty expected secret, even against an empty presented one', () => {
    expect(secretMatches('', '')).toBe(false)
    expect(secretMatches(new Uint8Array(0), new Uint8Array(0))).toBe(false)
    expect(secretMatches('anything', '')).toBe(false)
  })

  it('refuses an empty presented secret against a set one', () => {
    expect(secretMatches('', 's3cret-token')).toBe(false)
  })

  it('compares strings as UTF-8, so NFC and NFD spellings are different secrets', () => {
    expect(secretMatches('caf\u00e9', 'caf\u00e9')).toBe(true)
    expect(secretMatches('cafe\u0301', 'caf\u00e9')).toBe(false)
  })
})
