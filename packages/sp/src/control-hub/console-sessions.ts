import { createHmac, randomBytes } from 'node:crypto'
import { BoundedMap, type Clock, type IdGenerator, secretMatches } from '@sandbox/shared'
import type { AdminIdentity } from './admin-account'

/** A signed-in Control Hub administrator's session. */
export interface ConsoleSession {
  readonly id: string
  readonly admin: AdminIdentity
  readonly signedInAt: number
  /** Moves on with every request; the session ends when it passes. */
  lastSeenAt: number
}

/** Why a presented session cookie opened nothing. */
export type SessionRefusal = 'missing' | 'tampered' | 'unknown' | 'idle' | 'expired'

/** Control Hub signs an idle administrator out after 30 minutes, and everyone after 8 hours. */
export const CONSOLE_IDLE_MS = 30 * 60_000
export const CONSOLE_LIFETIME_MS = 8 * 3600_000
/** A classroom has a few dozen browsers; the oldest session goes first beyond that. */
const SESSION_CAPACITY = 200
const SESSION_ID = /^[A-Za-z0-9_-]{32,64}$/

/**
 * Control Hub's sessions, in memory (a restart signs everyone out, as sessions do). The cookie
 * carries `<id>.<mac>`: the random id and an HMAC of it under a key that lives only in this
 * process, so a cookie that was altered is refused before any lookup. CSRF tokens are HMACs of
 * the session id (or, before sign-in, of the sign-in flow's id) under the same key, so a token
 * works only with the cookie it was made for and needs no storage.
 */
export function createConsoleSessions(deps: { clock: Clock; ids: IdGenerator }) {
  const key = randomBytes(32)
  const sessions = new BoundedMap<string, ConsoleSession>(SESSION_CAPACITY)
  const mac = (purpose: string, value: string): string =>
    createHmac('sha256', key).update(purpose).update('\0').update(value).digest('base64url')

  function unsealId(cookie: string | undefined): { id: string } | { refusal: SessionRefusal } {
    if (!cookie) return { refusal: 'missing' }
    const [id = '', tag = '', ...rest] = cookie.split('.')
    if (rest.length > 0 || !SESSION_ID.test(id) || !secretMatches(tag, mac('session', id)))
      return { refusal: 'tampered' }
    return { id }
  }

  return {
    /** Opens a session for a signed-in administrator; returns the cookie value. */
    open(admin: AdminIdentity): { session: ConsoleSession; cookie: string } {
      const now = deps.clock.now()
      const session: ConsoleSession = { id: deps.ids.token(32), admin, signedInAt: now, lastSeenAt: now }
      sessions.set(session.id, session)
      return { session, cookie: `${session.id}.${mac('session', session.id)}` }
    },

    /** The live session a cookie names (and marks it seen), or why there is none. */
    resume(cookie: string | undefined): { session: ConsoleSession } | { refusal: SessionRefusal } {
      const unsealed = unsealId(cookie)
      if ('refusal' in unsealed) return unsealed
      const session = sessions.get(unsealed.id)
      if (!session) return { refusal: 'unknown' }
      const now = deps.clock.now()
      if (now - session.signedInAt >= CONSOLE_LIFETIME_MS || now - session.lastSeenAt >= CONSOLE_IDLE_MS) {
        sessions.delete(session.id)
        return { refusal: now - session.signedInAt >= CONSOLE_LIFETIME_MS ? 'expired' : 'idle' }
      }
      session.lastSeenAt = now
      return { session }
    },

    /** Sign out: the cookie opens nothing any more, even if a copy of it is kept. */
    end(cookie: string | undefined): void {
      const unsealed = unsealId(cookie)
      if ('id' in unsealed) sessions.delete(unsealed.id)
    },

    /** Ends every session (the sandbox reset). */
    endAll(): void {
      sessions.clear()
    },

    /** A new id for a sign-in flow (the cookie that binds the sign-in forms' CSRF tokens). */
    newFlowId(): string {
      return deps.ids.token(32)
    },

    isFlowId(value: string | undefined): value is string {
      return value !== undefined && SESSION_ID.test(value)
    },

    /** The CSRF token of a session or sign-in flow: the same for every form it renders. */
    csrfToken(boundTo: string): string {
      return mac('csrf', boundTo)
    },

    csrfMatches(boundTo: string, presented: string | undefined): boolean {
      return (
        typeof presented === 'string' &&
        presented.length > 0 &&
        secretMatches(presented, mac('csrf', boundTo))
      )
    },
  }
}

export type ConsoleSessions = ReturnType<typeof createConsoleSessions>
