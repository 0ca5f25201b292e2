import type { Clock } from '@sandbox/shared'
import { BoundedMap } from '@sandbox/shared'

interface Counter {
  failures: number[]
  lockedUntil: number
}

/** Smart-lockout-like limits: per account (what Entra locks) and per client address. */
export const THROTTLE_LIMITS = {
  accountFailures: 10,
  addressFailures: 30,
  windowMs: 15 * 60_000,
  lockoutMs: 60_000,
} as const

/** The verdict for a sign-in attempt. */
export interface ThrottleVerdict {
  readonly locked: boolean
  readonly retryAfterSeconds: number
}

/**
 * Counts failed sign-ins per account name (known or not, so probing unknown names is throttled
 * the same) and per client address; past the limit, both lock for a minute (AADSTS50053).
 */
export function createSignInThrottle(deps: { clock: Clock }, limits = THROTTLE_LIMITS) {
  const accounts = new BoundedMap<string, Counter>(50_000)
  const addresses = new BoundedMap<string, Counter>(50_000)

  function verdictOf(counter: Counter | undefined, now: number): number {
    return counter && counter.lockedUntil > now ? counter.lockedUntil - now : 0
  }

  function fail(table: BoundedMap<string, Counter>, key: string, threshold: number, now: number): void {
    const counter = table.get(key) ?? { failures: [], lockedUntil: 0 }
    counter.failures = [...counter.failures.filter((at) => at > now - limits.windowMs), now]
    if (counter.failures.length >= threshold) {
      counter.lockedUntil = now + limits.lockoutMs
      counter.failures = []
    }
    table.set(key, counter)
  }

  return {
    check(account: string, address: string): ThrottleVerdict {
      const now = deps.clock.now()
      const wait = Math.max(
        verdictOf(accounts.get(account.toLowerCase()), now),
        verdictOf(addresses.get(address), now),
      )
      return { locked: wait > 0, retryAfterSeconds: Math.ceil(wait / 1000) }
    },

    recordFailure(account: string, address: string): void {
      const now = deps.clock.now()
      fail(accounts, account.toLowerCase(), limits.accountFailures, now)
      fail(addresses, address, limits.addressFailures, now)
    },

    recordSuccess(account: string): void {
      accounts.delete(account.toLowerCase())
    },
  }
}

/** The throttle's interface. */
export type SignInThrottle = ReturnType<typeof createSignInThrottle>
