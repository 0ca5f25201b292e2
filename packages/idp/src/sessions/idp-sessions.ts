import type { Clock, IdGenerator } from '@sandbox/shared'
import { BoundedMap } from '@sandbox/shared'

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
}

/** Sessions last a working day; a restart ends them all (they are not persisted). */
export const SESSION_LIFETIME_MS = 12 * 3600_000
const MAX_SESSIONS = 20_000

/** The IdP's in-memory session table. Ids are 256-bit random tokens. */
export function createSessionStore(deps: { clock: Clock; ids: IdGenerator }) {
  const sessions = new BoundedMap<string, IdpSession>(MAX_SESSIONS)
  return {
    /** Starts a session for a user who just authenticated; a new id every time (rotation). */
    create(userId: string): IdpSession {
      const now = deps.clock.now()
      const session: IdpSession = {
        id: deps.ids.token(32),
        userId,
        authnInstant: now,
        expiresAt: now + SESSION_LIFETIME_MS,
        participants: [],
      }
      sessions.set(session.id, session)
      return session
    },

    /** The live session with this id, or null (unknown or expired). */
    get(id: string | undefined): IdpSession | null {
      if (!id) return null
      const session = sessions.get(id)
      if (!session) return null
      if (session.expiresAt <= deps.clock.now()) {
        sessions.delete(id)
        return null
      }
      return session
    },

    /** Records that an app received an assertion in this session (for single logout). */
    addParticipant(id: string, participant: SessionParticipant): void {
      const session = sessions.get(id)
      if (!session) return
      const others = session.participants.filter(
        (p) => p.servicePrincipalId !== participant.servicePrincipalId,
      )
      sessions.set(id, { ...session, participants: [...others, participant] })
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
