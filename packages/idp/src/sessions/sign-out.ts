import type { ConsoleSessions } from './console-sessions'
import type { SessionStore } from './idp-sessions'

/** What a browser presents when it signs out: its SAML session id and its console cookie. */
export interface SignedInBrowser {
  readonly sessionId: string | undefined
  readonly consoleCookie: string | undefined
}

/**
 * Signing out, wherever it starts (the Entra sign-out address, My Apps' account menu, the admin
 * center's account tile), ends every sign-in of the browser at the IdP: the SAML session that
 * answers apps silently and the admin center's session. Entra's sign-out signs the account out
 * of all of them; leaving one alive would let the next visit in without a password.
 */
export function createSignOut(deps: {
  readonly sessions: SessionStore
  readonly consoleSessions: ConsoleSessions
}) {
  return {
    signOut(browser: SignedInBrowser): void {
      deps.sessions.end(browser.sessionId)
      deps.consoleSessions.end(browser.consoleCookie)
    },
  }
}

/** The sign-out service's interface. */
export type SignOut = ReturnType<typeof createSignOut>
