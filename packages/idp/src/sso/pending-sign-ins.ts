import type { ClientSource, Clock, IdGenerator } from '@sandbox/shared'
import { detached, OwnedBoundedMap } from '@sandbox/shared'
import type { NameIdPolicyRequest } from '../claims/token-claims'
import { liveEntry } from '../sessions/live-entry'

/** A validated SAML sign-in waiting for (or ready for) a user: everything the Response needs from the request. */
export interface SamlSignIn {
  readonly kind: 'saml'
  readonly servicePrincipalId: string
  /** The AuthnRequest ID (InResponseTo); null when the IdP started the sign-in. */
  readonly requestId: string | null
  /** The registered reply URL the Response goes to. */
  readonly acsUrl: string
  /** The Identifier (or `spn:{issuer}` for a non-URI issuer). */
  readonly audience: string
  readonly relayState: string | undefined
  readonly forceAuthn: boolean
  readonly nameIdPolicy: NameIdPolicyRequest | null
  /** RequestedAuthnContext class references (Comparison exact), or null. */
  readonly requestedClassRefs: readonly string[] | null
  readonly initiatedBy: 'sp' | 'idp'
}

/** A portal destination reached after signing in (My Apps, a tile, "Test this application"). */
export type PortalTarget =
  | { readonly kind: 'my-apps' }
  | { readonly kind: 'launch'; readonly servicePrincipalId: string; readonly via: 'my-apps' | 'test' }
  /** The admin center; `returnTo` is the page asked for (already reduced to a path on this site). */
  | { readonly kind: 'console'; readonly returnTo: string }

/** A sign-in page in progress: the `ctx` of /login and its form token. */
export interface PendingSignIn {
  readonly id: string
  /** Echoed by the sign-in form (CSRF token, bound to this sign-in). */
  readonly flowToken: string
  readonly correlationId: string
  readonly loginHint: string | null
  readonly expiresAt: number
  readonly next: SamlSignIn | PortalTarget
  /**
   * Set once the password was right, while "Stay signed in?" waits for an answer: the user it
   * proved. Held here, never in the form, so the last step cannot be pointed at another account.
   */
  readonly authenticatedUserId: string | null
}

const PENDING_LIFETIME_MS = 15 * 60_000

/** How many sign-in pages may be open, in all and per browser with an IdP session. */
export interface PendingBounds {
  readonly capacity: number
  readonly perSession: number
}

export const PENDING_BOUNDS: PendingBounds = { capacity: 20_000, perSession: 16 }

/** Who opened a sign-in page: the client source, and the IdP session its browser has, if any. */
export interface PendingOwner {
  readonly source: ClientSource
  readonly sessionId: string | null
}

/**
 * Sign-ins waiting for credentials, in memory, bounded, single-use, expiring after 15 minutes.
 * Bounded per owner too: a browser with a session holds at most `perSession`, and when the
 * table is full the client source holding the most gives up its own oldest, so a flood of
 * AuthnRequests from one source never expires another source's open sign-in page. An
 * anonymous browser has no cookie to count it by, so for it the source's share is what holds;
 * the sandbox listens on loopback, where every client is one source.
 *
 * Each keeps a {@link detached} copy of what it read from the AuthnRequest (the parser's strings
 * are slices of the whole message, which an abandoned sign-in would otherwise keep alive).
 */
export function createPendingSignIns(
  deps: { clock: Clock; ids: IdGenerator },
  bounds: PendingBounds = PENDING_BOUNDS,
) {
  const pending = new OwnedBoundedMap<string, PendingSignIn, 'source' | 'session'>({
    capacity: bounds.capacity,
    perOwner: { source: bounds.capacity, session: bounds.perSession },
    fairBy: 'source',
  })
  return {
    start(
      next: PendingSignIn['next'],
      options: { correlationId: string; loginHint: string | null; owner: PendingOwner },
    ): PendingSignIn {
      const entry: PendingSignIn = {
        id: deps.ids.token(24),
        flowToken: deps.ids.token(32),
        correlationId: options.correlationId,
        loginHint: options.loginHint,
        expiresAt: deps.clock.now() + PENDING_LIFETIME_MS,
        next: detached(next),
        authenticatedUserId: null,
      }
      pending.set(entry.id, entry, { source: options.owner.source, session: options.owner.sessionId })
      return entry
    },

    get(id: string | undefined): PendingSignIn | null {
      return liveEntry(pending, id, deps.clock.now())
    },

    /**
     * Records the user whose password was right and gives the sign-in a new flow token, so the
     * password form, posted again, is a spent form (AADSTS50089) and only "Stay signed in?" goes on.
     */
    authenticate(id: string, userId: string): PendingSignIn | null {
      const entry = this.get(id)
      if (!entry) return null
      const next: PendingSignIn = { ...entry, flowToken: deps.ids.token(32), authenticatedUserId: userId }
      pending.update(id, next)
      return next
    },

    /** Consumes it: a completed sign-in's ctx and flow token cannot be replayed. */
    finish(id: string): void {
      pending.delete(id)
    },
  }
}

/** The pending sign-in table's interface. */
export type PendingSignIns = ReturnType<typeof createPendingSignIns>
