// sessions/: who is signed in to the IdP: browser sessions, the password check and its throttle, console flash messages.
import type { Clock, IdGenerator } from '@sandbox/shared'
import { OwnedBoundedMap } from '@sandbox/shared'
import { liveEntry } from './live-entry'

/** An app the session signed in to: what a LogoutRequest from it must match. */
export interface SessionParticipant {
  readonly servicePrincipalId: string
  readonly nameId: string
  readonly sessionIndex: string
}

/** A browser's sign-in at the IdP (the `idp_session` cookie points at it; nothing else is in the cookie). */
export interface IdpSession {
  readonly id: string
  readonly userId: string
  /** When the user entered their password: the AuthnInstant of every assertion of this session. */
  readonly authnInstant: number
  readonly expiresAt: number
  readonly participants: SessionParticipant[]
  /** "Stay signed in?" answered Yes: the cookie outlives the browser (Max-Age), else it ends with it. */
  readonly persistent: boolean
}

/** Sessions last a working day; a restart ends them all (they are not persisted). */
export const SESSION_LIFETIME_MS = 12 * 3600_000

/** How many sessions the IdP keeps, in all and per user. */
export interface SessionBounds {
  readonly capacity: number
  readonly perUser: number
}

export const SESSION_BOUNDS: SessionBounds = { capacity: 20_000, perUser: 5_000 }

/**
 * The IdP's in-memory session table. Ids are 256-bit random tokens. Bounded per user: every
 * session takes that user's password, so a flood of sign-ins (from any number of browsers)
 * is one user's, who gives up their own oldest sessions and never another user's. A browser
 * holds one session (signing in again ends the one it had).
 */
export function createSessionStore(deps: { clock: Clock; ids: IdGenerator }, bounds = SESSION_BOUNDS) {
  const sessions = new OwnedBoundedMap<string, IdpSession, 'user'>({
    capacity: bounds.capacity,
    perOwner: { user: bounds.perUser },
    fairBy: 'user',
  })
  return {
    /** Starts a session for a user who just authenticated; a new id every time (rotation). */
    create(userId: string, options: { persistent?: boolean } = {}): IdpSession {
      const now = deps.clock.now()
      const session: IdpSession = {
        id: deps.ids.token(32),
        userId,
        authnInstant: now,
        expiresAt: now + SESSION_LIFETIME_MS,
        participants: [],
        persistent: options.persistent ?? false,
      }
      sessions.set(session.id, session, { user: userId })
      return session
    },

    /** The live session with this id, or null (unknown or expired). */
    get(id: string | undefined): IdpSession | null {
      return liveEntry(sessions, id, deps.clock.now())
    },

    /** Records that an app received an assertion in this session (for single logout). */
    addParticipant(id: string, participant: SessionParticipant): void {
      const session = sessions.get(id)
      if (!session) return
      const others = session.participants.filter(
        (p) => p.servicePrincipalId !== participant.servicePrincipalId,
      )
      sessions.update(id, { ...session, participants: [...others, participant] })
    },

    end(id: string | undefined): void {
      if (id) sessions.delete(id)
    },

    /** Ends every session (sandbox reset). */
    clear(): void {
      sessions.clear()
    },
  }
}

/** The session store's interface. */
export type SessionStore = ReturnType<typeof createSessionStore>
