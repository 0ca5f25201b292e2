import { describe, expect, it } from 'vitest'
import { ExpiringSet } from './expiring-set'

describe('ExpiringSet', () => {
  it('holds each key until its expiry, inclusive, then forgets it', () => {
    const set = new ExpiringSet<string>(10)
    expect(set.add('a', 100, 0)).toBe(true)
    expect([set.has('a', 50), set.has('a', 100), set.has('b', 50)]).toEqual([true, true, false])
    expect(set.has('a', 101)).toBe(false)
    expect(set.size).toBe(0)
  })

  it('refuses new keys rather than forget an unexpired one, and takes them again once room expires', () => {
    const set = new ExpiringSet<string>(3)
    for (const [key, until] of [
      ['a', 300],
      ['b', 200],
      ['c', 400],
    ] as const)
      expect(set.add(key, until, 0)).toBe(true)
    for (let i = 0; i < 1000; i += 1) expect(set.add(`flood-${i}`, 1000, 10)).toBe(false)
    expect(['a', 'b', 'c'].map((k) => set.has(k, 150))).toEqual([true, true, true])
    expect(set.nextExpiry(150)).toBe(200)
    expect(set.add('d', 1000, 200)).toBe(false)
    expect(set.add('d', 1000, 201)).toBe(true)
    expect(['a', 'b', 'c', 'd'].map((k) => set.has(k, 201))).toEqual([true, false, true, true])
    expect(set.size).toBe(3)
  })

  it('notices a key that expires sooner than those it already held', () => {
    const set = new ExpiringSet<string>(2)
    set.add('late', 1000, 0)
    set.add('late-2', 1000, 0)
    expect(set.add('x', 5000, 10)).toBe(false)
    expect(set.nextExpiry(10)).toBe(1000)
    set.add('late-2', 1000, 10)
    expect(set.has('late-2', 10)).toBe(true)
    // 'late' expires first; once it does, there is room again.
    expect(set.add('x', 5000, 1001)).toBe(true)
  })

  it('drops expired keys as new ones arrive, so a steady flow never fills it', () => {
    const set = new ExpiringSet<number>(100)
    for (let now = 0; now < 10_000; now += 1) expect(set.add(now, now + 50, now)).toBe(true)
    expect(set.size).toBeLessThanOrEqual(51)
    set.clear()
    expect(set.nextExpiry(0)).toBeNull()
  })
})
