/**
 * Time is injected everywhere a SAML message is built or checked, so that tests and the
 * deterministic mode can pin it (NotBefore / NotOnOrAfter checks must be exact in tests).
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() }

/** A clock frozen at `at`. */
export function fixedClock(at: Date | number): Clock {
  const ms = typeof at === 'number' ? at : at.getTime()
  return { now: () => ms }
}

/**
 * A clock that can be moved by hand: used by tests and by the "clock skew" break-it case,
 * where one server runs ahead of the other.
 */
export interface AdjustableClock extends Clock {
  /** Shifts this clock by `ms` relative to its base clock (negative moves it back). */
  setOffset(ms: number): void
  offset(): number
}

/** Wraps `base` with an adjustable offset. */
export function offsetClock(base: Clock = systemClock, initialOffsetMs = 0): AdjustableClock {
  let offsetMs = initialOffsetMs
  return {
    now: () => base.now() + offsetMs,
    setOffset: (ms) => {
      offsetMs = ms
    },
    offset: () => offsetMs,
  }
}

/** SAML and Graph both use ISO 8601 with milliseconds and `Z`, as Entra emits. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString()
}
