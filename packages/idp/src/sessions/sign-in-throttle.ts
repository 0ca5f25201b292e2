import type { Clock } from '@sandbox/shared'
import { BoundedMap, clientSourceOf } from '@sandbox/shared'

interface Counter {
  failures: number[]
  lockedUntil: number
}

/** Smart-lockout-like limits: per account (what Entra locks) and per client source. */
export const THROTTLE_LIMITS = {
  accountFailures: 10,
  addressFailures: 30,
  windowMs: 15 * 60_000,
  lockoutMs: 60_000,
} as const

/** The limits a throttle is built with (tests pass smaller ones). */
export type ThrottleLimits = { readonly [K in keyof typeof THROTTLE_LIMITS]: number }

/** A password check the throttle let through: say how it ended, exactly once. */
export interface ThrottledAttempt {
  /** `failure` counts towards both locks; `success` clears the account's count; `neutral` neither. */
  finish(outcome: 'failure' | 'success' | 'neutral'): void
}

/** The throttle's answer to "may this password be checked now?". */
export type ThrottleAdmission =
  | { readonly locked: true; readonly retryAfterSeconds: number }
  | { readonly locked: false; readonly attempt: ThrottledAttempt }

/**
 * Counts failed sign-ins per account key (an account's every name gives one key, and unknown
 * names are counted the same way, so probing them is throttled alike) and per client source
 * (every loopback address is one source, IPv6 counts by /64: see `clientSourceOf`); past a
 * limit, the key locks for a minute (AADSTS50053).
 *
 * Checks still in flight count towards the limits: a password check is admitted only while
 * the failures so far plus the checks under way stay below the limit, and otherwise waits for
 * one of them to end. So a thousand guesses sent at once are checked ten at a time, never all
 * before the first failure is counted, while honest sign-ins (no failures) run side by side.
 */
export function createSignInThrottle(deps: { clock: Clock }, limits: ThrottleLimits = THROTTLE_LIMITS) {
  // Keys are attacker-chosen, so the tables are bounded; evicting a lock needs 50 000 newer
  // failures within its minute, and the per-source limit allows one source 30 per minute.
  const accounts = new BoundedMap<string, Counter>(50_000)
  const sources = new BoundedMap<string, Counter>(50_000)
  const inFlight = new Map<string, number>()
  const waiting = new Map<string, Array<() => void>>()

  const recent = (counter: Counter | undefined, now: number): number =>
    counter ? counter.failures.filter((at) => at > now - limits.windowMs).length : 0
  const lockWait = (counter: Counter | undefined, now: number): number =>
    counter && counter.lockedUntil > now ? counter.lockedUntil - now : 0

  function fail(table: BoundedMap<string, Counter>, key: string, threshold: number, now: number): void {
    const counter = table.get(key) ?? { failures: [], lockedUntil: 0 }
    counter.failures = [...counter.failures.filter((at) => at > now - limits.windowMs), now]
    if (counter.failures.length >= threshold) {
      counter.lockedUntil = now + limits.lockoutMs
      counter.failures = []
    }
    table.set(key, counter)
  }

  function settle(flightKey: string): void {
    const left = (inFlight.get(flightKey) ?? 1) - 1
    if (left > 0) inFlight.set(flightKey, left)
    else inFlight.delete(flightKey)
    const woken = waiting.get(flightKey)
    waiting.delete(flightKey)
    for (const wake of woken ?? []) wake()
  }

  return {
    async admit(accountKey: string, address: string): Promise<ThrottleAdmission> {
      const source = clientSourceOf(address)
      const flights = { account: `account:${accountKey}`, source: `source:${source}` }
      for (;;) {
        const now = deps.clock.now()
        const wait = Math.max(lockWait(accounts.get(accountKey), now), lockWait(sources.get(source), now))
        if (wait > 0) return { locked: true, retryAfterSeconds: Math.ceil(wait / 1000) }
        const full = (counter: Counter | undefined, flight: string, threshold: number) =>
          recent(counter, now) + (inFlight.get(flight) ?? 0) >= threshold
        const blocked = full(accounts.get(accountKey), flights.account, limits.accountFailures)
          ? flights.account
          : full(sources.get(source), flights.source, limits.addressFailures)
            ? flights.source
            : null
        // Only checks in flight can make room; with none (never the case: reaching a limit
        // locks), waiting would never end.
        if (blocked === null || !inFlight.has(blocked)) break
        await new Promise<void>((resolve) => waiting.set(blocked, [...(waiting.get(blocked) ?? []), resolve]))
      }
      for (const flight of [flights.account, flights.source])
        inFlight.set(flight, (inFlight.get(flight) ?? 0) + 1)
      let finished = false
      return {
        locked: false,
        attempt: {
          finish(outcome) {
            if (finished) return
            finished = true
            const now = deps.clock.now()
            if (outcome === 'failure') {
              fail(accounts, accountKey, limits.accountFailures, now)
              fail(sources, source, limits.addressFailures, now)
            }
            if (outcome === 'success') accounts.delete(accountKey)
            settle(flights.account)
            settle(flights.source)
          },
        },
      }
    },
  }
}
