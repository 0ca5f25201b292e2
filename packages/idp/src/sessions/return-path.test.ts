import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './return-path'

describe('safeReturnPath', () => {
  it('keeps a same-origin path with its query', () => {
    expect(safeReturnPath('/users?search=simon&page=2')).toBe('/users?search=simon&page=2')
    expect(safeReturnPath('/')).toBe('/')
  })

  it('sends anything that could leave the site home', () => {
    for (const hostile of [
      'https://evil.test/',
      '//evil.test/x',
      '/\\evil.test',
      'javascript:alert(1)',
      'users',
      '/users\r\nSet-Cookie: x=1',
      '/ space',
      '/\u00e9',
      `/${'a'.repeat(3000)}`,
      '',
      undefined,
      null,
    ]) {
      expect(safeReturnPath(hostile), String(hostile)).toBe('/')
    }
  })

  it('drops a fragment and normalises dot segments within the site', () => {
    expect(safeReturnPath('/users/../groups#x')).toBe('/groups')
  })
})
