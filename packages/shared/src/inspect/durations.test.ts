import { describe, expect, it } from 'vitest'
import { humanDuration, parseInstant, relativeTime } from './durations'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN
const D = 24 * H

describe('humanDuration', () => {
  it.each([
    [45 * S, '45 s'],
    [3 * MIN, '3 min'],
    [12 * MIN + 5 * S, '12 min 05 s'],
    [2 * H + 3 * MIN, '2 h 03 min'],
    [2 * H, '2 h'],
    [3 * D + 4 * H, '3 days 4 h'],
    [1 * D, '1 day'],
    [150 * D, '4 months 28 days'],
    [3 * 365.25 * D + 61 * D, '3 years 2 months'],
    [-(2 * H + 3 * MIN), '2 h 03 min'],
  ])('reads %i ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text)
  })
})

describe('relativeTime', () => {
  it('says ago, in, or now', () => {
    expect(relativeTime(0, 2 * H + 3 * MIN)).toBe('2 h 03 min ago')
    expect(relativeTime(55 * MIN, 0)).toBe('in 55 min')
    expect(relativeTime(500, 0)).toBe('now')
  })
})

describe('parseInstant', () => {
  const now = Date.parse('2026-03-01T12:00:00.000Z')

  it('reads ISO instants, with or without a zone (UTC then), and dates', () => {
    expect(parseInstant('2022-02-23T18:00:00Z', now)).toEqual({
      ok: true,
      value: Date.parse('2022-02-23T18:00:00Z'),
    })
    expect(parseInstant('2022-02-23T18:00:00.5+01:00', now)).toEqual({
      ok: true,
      value: Date.parse('2022-02-23T17:00:00.500Z'),
    })
    expect(parseInstant('2022-02-23T18:00', now)).toEqual({
      ok: true,
      value: Date.parse('2022-02-23T18:00:00Z'),
    })
    expect(parseInstant('2022-02-23', now)).toEqual({ ok: true, value: Date.parse('2022-02-23T00:00:00Z') })
  })

  it('reads now and times relative to now', () => {
    expect(parseInstant('now', now)).toEqual({ ok: true, value: now })
    expect(parseInstant('-2h', now)).toEqual({ ok: true, value: now - 2 * H })
    expect(parseInstant('+30m', now)).toEqual({ ok: true, value: now + 30 * MIN })
    expect(parseInstant('-1d12h', now)).toEqual({ ok: true, value: now - 36 * H })
    expect(parseInstant('-90s', now)).toEqual({ ok: true, value: now - 90 * S })
  })

  it('refuses what it cannot read, saying what it reads', () => {
    for (const bad of ['yesterday', '2h', '-2y', '2022-13-45T00:00:00Z', '1', ''])
      expect(parseInstant(bad, now)).toEqual({
        ok: false,
        error: expect.stringContaining('-2h, +30m or -1d12h'),
      })
  })
})
