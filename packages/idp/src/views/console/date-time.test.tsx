import { describe, expect, it } from 'vitest'
import { DateTime, entraDateTimeText } from './date-time'

describe('dates in the admin center grids', () => {
  it('reads as Entra shows them, in UTC, and keeps the instant in datetime', async () => {
    expect(entraDateTimeText('2026-12-03T09:43:06.480Z')).toBe('12/3/2026, 9:43:06 AM')
    expect(entraDateTimeText('2026-01-31T23:05:00Z')).toBe('1/31/2026, 11:05:00 PM')
    expect(entraDateTimeText('not a date')).toBe('not a date')
    expect(String(await (<DateTime iso="2026-12-03T09:43:06.480Z" />))).toBe(
      '<time datetime="2026-12-03T09:43:06.480Z">12/3/2026, 9:43:06 AM</time>',
    )
  })
})
