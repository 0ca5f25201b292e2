import { type Clock, type DocumentStore, err, ok, type Result, verifyPassword } from '@sandbox/shared'
import { signInAccountOf } from '../directory/users'
import type { AadstsError } from '../errors/catalogue'
import type { DeepState } from '../state/deep-state'
import type { IdpState } from '../state/idp-state'
import { createSignInThrottle, THROTTLE_LIMITS, type ThrottleLimits } from './sign-in-throttle'

/**
 * Why a password check refused, as Entra codes it: locked (AADSTS50053), one answer for an
 * unknown account and a wrong password alike (AADSTS50126), disabled (AADSTS50057).
 */
export type CredentialRefusal =
  | (AadstsError<'AADSTS50053'> & { readonly retryAfterSeconds: number })
  | AadstsError<'AADSTS50126'>
  | AadstsError<'AADSTS50057'>

// A fixed hash that verifies nothing: unknown accounts cost as much as wrong passwords.
const DUMMY_HASH = 'scrypt$1024$8$1$c2FuZGJveC1kdW1teS1zYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/**
 * The one door to checking a password, for every path that takes one (the sign-in page, the
 * token endpoint's password grant): the name is resolved to its account first, so that the
 * account has one lock whatever it is called and wherever the password is tried. Unknown
 * accounts and wrong passwords give the same answer after the same work (one scrypt), and a
 * locked key answers before any; a disabled account is reported only after a correct password.
 */
export function createCredentialCheck(
  deps: { store: DocumentStore<IdpState>; clock: Clock },
  limits: ThrottleLimits = THROTTLE_LIMITS,
) {
  const throttle = createSignInThrottle(deps, limits)
  return {
    async check(
      name: string,
      password: string,
      address: string,
    ): Promise<Result<DeepState['users'][number], CredentialRefusal>> {
      const admission = await throttle.admit(signInAccountOf(deps.store.read(), name).key, address)
      if (admission.locked)
        return err({ code: 'AADSTS50053', retryAfterSeconds: admission.retryAfterSeconds })
      let outcome: 'failure' | 'success' | 'neutral' = 'failure'
      try {
        // Read again: the admission may have waited for other checks of this account.
        const account = signInAccountOf(deps.store.read(), name)
        const matches = await verifyPassword(password, account.user?.passwordHash ?? DUMMY_HASH)
        if (!account.user || !matches) return err({ code: 'AADSTS50126' })
        outcome = account.user.accountEnabled ? 'success' : 'neutral'
        return account.user.accountEnabled ? ok(account.user) : err({ code: 'AADSTS50057' })
      } finally {
        admission.attempt.finish(outcome)
      }
    },
  }
}

/** The credential check's interface. */
export type CredentialCheck = ReturnType<typeof createCredentialCheck>
