import { randomInt } from 'node:crypto'
import { type Clock, type Log, secretMatches } from '@sandbox/shared'

/** Real Webex emails a 6-digit PIN to the administrator; it is good for a few minutes, a few tries. */
export const RECOVERY_PIN_LIFETIME_MS = 10 * 60_000
export const RECOVERY_PIN_TRIES = 5

export type PinRefusal = 'no-pin' | 'expired' | 'wrong-pin' | 'too-many-tries'

interface IssuedPin {
  readonly email: string
  readonly pin: string
  readonly expiresAt: number
  triesLeft: number
}

/**
 * The lock-out recovery of `admin.webex.com/manage-sso`: the administrator asks for a one-time PIN,
 * Webex emails it, the PIN signs them in so they can turn SSO off or fix the certificates. The
 * sandbox sends no email: it writes the PIN to its own console (the runtime log, where the ready
 * banner is). One PIN at a time; asking again replaces it; it is used up by one right entry.
 */
export function createRecoveryPins(deps: { clock: Clock; log: Log }) {
  let issued: IssuedPin | null = null

  return {
    /** Makes a new PIN for the administrator's address and prints it where the person can read it. */
    issue(email: string): { expiresAt: number } {
      const pin = String(randomInt(0, 1_000_000)).padStart(6, '0')
      const expiresAt = deps.clock.now() + RECOVERY_PIN_LIFETIME_MS
      issued = { email, pin, expiresAt, triesLeft: RECOVERY_PIN_TRIES }
      deps.log(
        `Control Hub recovery PIN for ${email}: ${pin} (valid ${RECOVERY_PIN_LIFETIME_MS / 60_000} minutes; real Webex would email it)`,
      )
      return { expiresAt }
    },

    /** Uses the PIN up when it is right; wrong tries count down to a refusal of the PIN itself. */
    redeem(email: string, presented: string): { ok: true } | { ok: false; error: PinRefusal } {
      const current = issued
      if (!current || current.email.toLowerCase() !== email.trim().toLowerCase())
        return { ok: false, error: 'no-pin' }
      if (current.expiresAt <= deps.clock.now()) {
        issued = null
        return { ok: false, error: 'expired' }
      }
      if (current.triesLeft <= 0) return { ok: false, error: 'too-many-tries' }
      if (!secretMatches(presented.trim(), current.pin)) {
        current.triesLeft -= 1
        if (current.triesLeft <= 0) issued = null
        return { ok: false, error: current.triesLeft <= 0 ? 'too-many-tries' : 'wrong-pin' }
      }
      issued = null
      return { ok: true }
    },
  }
}

export type RecoveryPins = ReturnType<typeof createRecoveryPins>
