import { describe, expect, it } from 'vitest'
import { OwnedBoundedMap } from './owned-bounded-map'

type Kind = 'source' | 'browser'
const small = () =>
  new OwnedBoundedMap<string, number, Kind>({
    capacity: 10,
    perOwner: { source: 10, browser: 3 },
    fairBy: 'source',
  })

describe('OwnedBoundedMap', () => {
  it("evicts a browser's own oldest entries past its limit, and nobody else's", () => {
    const map = small()
    map.set('victim', 0, { source: 'loopback', browser: 'B' })
    for (let i = 0; i < 100; i += 1) map.set(`a${i}`, i, { source: 'loopback', browser: 'A' })
    expect(map.get('victim')).toBe(0)
    expect([map.get('a96'), map.get('a97'), map.get('a98'), map.get('a99')]).toEqual([undefined, 97, 98, 99])
    expect(map.countOf('browser', 'A')).toBe(3)
    expect(map.size).toBe(4)
  })

  it('when full, takes from the source holding the most: a flood from one source evicts only its own', () => {
    const map = small()
    map.set('b1', 1, { source: 'ipv4:192.0.2.2', browser: null })
    map.set('b2', 2, { source: 'ipv4:192.0.2.2', browser: null })
    map.set('c1', 3, { source: 'ipv6:2001:db8:0:1::/64', browser: 'C' })
    for (let i = 0; i < 1000; i += 1) map.set(`a${i}`, i, { source: 'loopback', browser: `fresh-${i}` })
    expect([map.get('b1'), map.get('b2'), map.get('c1')]).toEqual([1, 2, 3])
    expect(map.size).toBe(10)
    expect(map.countOf('source', 'loopback')).toBe(7)
    // Its own oldest went first: what is left of the flood is its newest.
    expect(map.get('a993')).toBe(993)
    expect(map.get('a992')).toBeUndefined()
  })

  it('shares the capacity fairly between several flooding sources', () => {
    const map = small()
    for (let i = 0; i < 300; i += 1) {
      map.set(`x${i}`, i, { source: 'X', browser: null })
      if (i % 3 === 0) map.set(`y${i}`, i, { source: 'Y', browser: null })
    }
    expect(map.size).toBe(10)
    expect(map.countOf('source', 'X')).toBe(5)
    expect(map.countOf('source', 'Y')).toBe(5)
  })

  it('keeps owners and age through update, and forgets emptied owners on delete', () => {
    const map = small()
    map.set('k1', 1, { source: 'S', browser: 'B' })
    map.set('k2', 2, { source: 'S', browser: 'B' })
    expect(map.update('k1', 10)).toBe(true)
    expect(map.update('missing', 1)).toBe(false)
    map.set('k3', 3, { source: 'S', browser: 'B' })
    map.set('k4', 4, { source: 'S', browser: 'B' })
    expect([map.get('k1'), map.get('k2'), map.get('k3'), map.get('k4')]).toEqual([undefined, 2, 3, 4])
    for (const key of ['k2', 'k3', 'k4']) expect(map.delete(key)).toBe(true)
    expect(map.delete('k4')).toBe(false)
    expect([map.size, map.countOf('browser', 'B'), map.countOf('source', 'S')]).toEqual([0, 0, 0])
    map.set('k5', 5, { source: 'S', browser: 'B' })
    expect([...map.values()]).toEqual([5])
    map.clear()
    expect(map.size).toBe(0)
  })

  it('moves a re-set key to its new owners', () => {
    const map = small()
    map.set('k', 1, { source: 'S', browser: 'B' })
    map.set('k', 2, { source: 'T', browser: null })
    expect([map.countOf('source', 'S'), map.countOf('browser', 'B'), map.countOf('source', 'T')]).toEqual([
      0, 0, 1,
    ])
    expect(map.get('k')).toBe(2)
  })
})
