import { err, ok, type Result } from '../result'

/** Durations and instants as a person reads them: "2 h 03 min", "expired 3 days 4 h ago". */

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
// Calendar lengths on average, for durations long enough that a day either way does not matter.
const YEAR = 365.25 * DAY
const MONTH = YEAR / 12

const two = (n: number): string => String(n).padStart(2, '0')
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * A duration in the largest two units that matter: `45 s`, `3 min`, `12 min 05 s`, `2 h 03 min`,
 * `3 days 4 h`, `5 months 2 days`, `3 years 2 months`. Negative durations read as positive.
 */
export function humanDuration(ms: number): string {
  const span = Math.abs(ms)
  if (span < MINUTE) return `${Math.floor(span / SECOND)} s`
  if (span < HOUR) {
    const seconds = Math.floor((span % MINUTE) / SECOND)
    return `${Math.floor(span / MINUTE)} min${seconds === 0 ? '' : ` ${two(seconds)} s`}`
  }
  if (span < DAY) {
    const minutes = Math.floor((span % HOUR) / MINUTE)
    return `${Math.floor(span / HOUR)} h${minutes === 0 ? '' : ` ${two(minutes)} min`}`
  }
  if (span < 2 * MONTH) {
    const days = Math.floor(span / DAY)
    const hours = Math.floor((span % DAY) / HOUR)
    return hours === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${hours} h`
  }
  if (span < YEAR) {
    const months = Math.floor(span / MONTH)
    const days = Math.floor((span - months * MONTH) / DAY)
    return days === 0 ? plural(months, 'month') : `${plural(months, 'month')} ${plural(days, 'day')}`
  }
  const years = Math.floor(span / YEAR)
  const months = Math.floor((span - years * YEAR) / MONTH)
  return months === 0 ? plural(years, 'year') : `${plural(years, 'year')} ${plural(months, 'month')}`
}

/** Where `instant` lies from `reference`: `4 min 10 s ago`, `in 2 h 03 min`, or `now`. */
export function relativeTime(instant: number, reference: number): string {
  const delta = instant - reference
  if (Math.abs(delta) < SECOND) return 'now'
  return delta < 0 ? `${humanDuration(delta)} ago` : `in ${humanDuration(delta)}`
}

const UNIT_MS: Record<string, number> = {
  s: SECOND,
  sec: SECOND,
  m: MINUTE,
  min: MINUTE,
  h: HOUR,
  d: DAY,
  w: 7 * DAY,
}
const RELATIVE = /^([+-])((?:\d+(?:\.\d+)?\s*(?:sec|min|s|m|h|d|w)\s*)+)$/i
const RELATIVE_PART = /(\d+(?:\.\d+)?)\s*(sec|min|s|m|h|d|w)/gi
// A calendar date, optionally with a time and a zone; Date.parse alone also takes "1" or "May".
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * Reads the instant a message is judged at: `now`, an ISO 8601 date or date-time
 * (`2022-02-23T18:00:00Z`; without a zone it is UTC), or a time relative to `now` such as
 * `-2h`, `+30m`, `-1d12h`, `-90s`.
 */
export function parseInstant(text: string, now: number): Result<number, string> {
  const value = text.trim()
  const expected =
    'Give an ISO 8601 instant (2022-02-23T18:00:00Z), "now", or a time relative to now such as -2h, +30m or -1d12h.'
  if (value.toLowerCase() === 'now') return ok(now)
  const relative = RELATIVE.exec(value)
  if (relative) {
    let total = 0
    for (const part of (relative[2] ?? '').matchAll(RELATIVE_PART))
      total += Number(part[1]) * (UNIT_MS[(part[2] ?? '').toLowerCase()] ?? 0)
    return ok(relative[1] === '-' ? now - total : now + total)
  }
  if (ISO_INSTANT.test(value)) {
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) || !/[T ]/i.test(value) ? value : `${value}Z`
    const parsed = Date.parse(zoned.replace(' ', 'T'))
    if (Number.isFinite(parsed)) return ok(parsed)
  }
  return err(`"${text}" is not a time I can read. ${expected}`)
}
