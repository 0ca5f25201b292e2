import { type Clock, offsetClock, systemClock } from '@sandbox/shared'

/** The clock both servers read: the caller's (or the wall clock), moved by hand in tests. */
export interface SandboxClock extends Clock {
  /** Moves both servers' time forward by `ms` (negative moves it back): expire sessions, assertions, certificates. */
  advance(ms: number): void
  /** Puts the clock back on its base (the caller's clock, or the wall clock). */
  resetOffset(): void
  /** How far the clock is from its base, in milliseconds. */
  offset(): number
}

/** Wraps `base` so that tests can move the sandbox's time without waiting. */
export function createSandboxClock(base: Clock = systemClock): SandboxClock {
  const clock = offsetClock(base)
  return {
    now: () => clock.now(),
    advance: (ms) => clock.setOffset(clock.offset() + ms),
    resetOffset: () => clock.setOffset(0),
    offset: () => clock.offset(),
  }
}
