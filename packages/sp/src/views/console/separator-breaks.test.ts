import { describe, expect, it } from 'vitest'
import { isIdentifierLike, separatorBreaks } from './separator-breaks'

describe('separatorBreaks', () => {
  it('cuts a claim URI after each separator run and never inside a word', () => {
    expect(separatorBreaks('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress')).toEqual([
      'http://',
      'schemas.',
      'xmlsoap.',
      'org/',
      'ws/',
      '2005/',
      '05/',
      'identity/',
      'claims/',
      'emailaddress',
    ])
  })

  it('gives the text back when the parts are joined', () => {
    const urn = 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress'
    expect(separatorBreaks(urn).join('')).toBe(urn)
    expect(separatorBreaks(urn)).toContain('nameid-')
  })

  it('keeps a trailing separator with the part before it and leaves short names whole', () => {
    expect(separatorBreaks('https://sts.windows.net/0a1b2c3d-0000/')).toEqual([
      'https://',
      'sts.',
      'windows.',
      'net/',
      '0a1b2c3d-',
      '0000/',
    ])
    expect(separatorBreaks('uid')).toEqual(['uid'])
    expect(separatorBreaks('a.b/c', 2)).toEqual(['a.', 'b/', 'c'])
  })

  it('does not cut a word that has no separator, however long', () => {
    const word = 'x'.repeat(200)
    expect(separatorBreaks(word)).toEqual([word])
  })

  it('treats URIs and URNs as identifiers, and dates, addresses and prose as words', () => {
    expect(isIdentifierLike('https://sts.windows.net/0a1b/')).toBe(true)
    expect(isIdentifierLike('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent')).toBe(true)
    expect(isIdentifierLike('2026-03-01T10:00:00.000Z')).toBe(false)
    expect(isIdentifierLike('b.simon@contoso.com')).toBe(false)
    expect(isIdentifierLike('CN=Microsoft Azure Federated SSO Certificate')).toBe(false)
    expect(isIdentifierLike('see https://example.com')).toBe(false)
  })
})
