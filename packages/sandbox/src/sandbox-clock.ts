import { type Clock, fixedClock, offsetClock, systemClock } from '@sandbox/shared'

/** The clock both servers read: the caller's (or the wall clock), moved by hand in tests. */
export interface SandboxClock extends Clock {
  /** Moves both servers' time forward by `ms` (negative moves it back): expire sessions, assertions, certificates. */
  advance(ms: number): void
  /** Puts the clock back on its base (the caller's clock, or the wall clock). */
  resetOffset(): void
  /** How far the clock is from its base, in milliseconds. */
  offset(): number
}

/**
 * A pinned clock for deterministic runs. `fixed`: every reading is `at`, and `advance()` is
 * refused. `manual`: time starts at `at` and moves only when `sandbox.clock.advance(ms)` moves it.
 */
export interface SandboxClockSpec {
  readonly mode: 'fixed' | 'manual'
  /** A `Date`, milliseconds since the epoch, or an ISO 8601 string such as `2026-01-01T00:00:00Z`. */
  readonly at: Date | number | string
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

function instantOf(at: SandboxClockSpec['at']): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at)
  if (!Number.isFinite(ms)) {
    throw new TypeError(
      `clock.at must be a Date, epoch milliseconds or an ISO 8601 instant such as "2026-01-01T00:00:00Z"; got ${JSON.stringify(String(at))}.`,
    )
  }
  return ms
}

function isClockSpec(clock: Clock | SandboxClockSpec): clock is SandboxClockSpec {
  return 'mode' in clock
}

/** The sandbox clock for `startSandbox({ clock })`: a caller's `Clock`, a fixed or manual spec, or the wall clock. */
export function sandboxClockFrom(clock: Clock | SandboxClockSpec | undefined): SandboxClock {
  if (clock === undefined || !isClockSpec(clock)) return createSandboxClock(clock)
  if (clock.mode !== 'fixed' && clock.mode !== 'manual') {
    throw new TypeError(`clock.mode must be "fixed" or "manual"; got ${JSON.stringify(String(clock.mode))}.`)
  }
  const manual = createSandboxClock(fixedClock(instantOf(clock.at)))
  if (clock.mode === 'manual') return manual
  return {
    ...manual,
    advance: () => {
      throw new Error(
        `The sandbox clock is fixed at ${new Date(manual.now()).toISOString()}; start it with clock: { mode: 'manual', at } to move it with advance(ms).`,
      )
    },
  }
}
