import type { AadstsError } from '../errors/catalogue'
import type { IdpSession } from '../sessions/idp-sessions'
import type { PendingSignIn } from './pending-sign-ins'

/** What the error page shows besides the error itself ("Troubleshooting details"). */
export interface ErrorPageModel {
  readonly error: AadstsError
  readonly requestId: string
  readonly correlationId: string
  /** ISO instant. */
  readonly timestamp: string
  readonly appName: string | null
}

/** What the browser gets next from the SAML endpoint, a launch or a sign-in. */
export type SsoOutcome =
  /** An auto-submitting form (the HTTP-POST binding): a Response, an error Response. */
  | {
      readonly kind: 'post'
      readonly action: string
      readonly fields: readonly { readonly name: string; readonly value: string }[]
    }
  | { readonly kind: 'redirect'; readonly location: string }
  /** The sign-in page must be shown first. */
  | { readonly kind: 'sign-in'; readonly pending: PendingSignIn }
  | { readonly kind: 'error'; readonly page: ErrorPageModel }
  | { readonly kind: 'signed-out'; readonly note: string | null }
  /**
   * The admin center after its sign-in: the console cookie to set and the page to return to, or
   * `cookie: null` when the account holds no role that may use the console.
   */
  | {
      readonly kind: 'console'
      readonly cookie: string | null
      readonly returnTo: string
      readonly userPrincipalName: string
    }

/** An outcome and what happens to the browser's IdP session. */
export interface SsoResult {
  readonly outcome: SsoOutcome
  /** `end`: clear the cookie and the session; a session: set the cookie to it (rotation). */
  readonly session: 'keep' | 'end' | IdpSession
  /** How long to wait before answering (the slow fault preset). */
  readonly delayMs?: number
}
