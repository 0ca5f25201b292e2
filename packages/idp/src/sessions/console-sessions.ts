import { createHmac } from 'node:crypto'
import type { Clock, DeepReadonly, DocumentStore, IdGenerator } from '@sandbox/shared'
import { OwnedBoundedMap, secretMatches } from '@sandbox/shared'
import { findUser } from '../directory/users'
import type { DirectoryUser, IdpState } from '../state/idp-state'
import { liveEntry } from './live-entry'

/**
 * The directory roles that open the admin center. Entra lets any member read the portal, but
 * every page here changes the directory, so only the roles that may do so get in.
 */
export const CONSOLE_ROLES: readonly string[] = [
  'Global Administrator',
  'Application Administrator',
  'Cloud Application Administrator',
  'User Administrator',
]

/** A directory admin's sign-in to the admin center (the `console_session` cookie points at it). */
export interface ConsoleSession {
  readonly id: string
  readonly userId: string
  /** Every state-changing console form echoes it; a new session gets a new one. */
  readonly csrfToken: string
  readonly expiresAt: number
}

/** The signed-in admin as the console pages see them. */
export interface ConsoleAdmin {
  readonly session: ConsoleSession
  readonly user: DeepReadonly<DirectoryUser>
}

/**
 * The console cookie: separate from the SAML session's `idp_session`, so that an app's single
 * logout leaves the console alone (signing out at Entra ends both: sessions/sign-out.ts).
 * HttpOnly, SameSite=Lax, Path=/, Max-Age = CONSOLE_LIFETIME_SECONDS.
 */
export const CONSOLE_COOKIE = 'console_session'
/** An admin's working day; after it, the next page asks for the password again. */
export const CONSOLE_LIFETIME_SECONDS = 8 * 3600

const CAPACITY = 2_000
const PER_USER = 50
const SEALED = /^([A-Za-z0-9_-]{16,128})\.([A-Za-z0-9_-]{43})$/

/** True when the user holds a role that may use the admin center. */
export function mayUseConsole(user: DeepReadonly<DirectoryUser>): boolean {
  return user.accountEnabled && user.directoryRoles.some((role) => CONSOLE_ROLES.includes(role))
}

/**
 * Admin center sessions, in memory and bounded (a restart signs every admin out). The cookie
 * carries the session id and an HMAC-SHA256 of it under a secret made at start, so a cookie
 * that was not issued here is refused before any lookup. A session is only as good as its user:
 * a deleted, disabled or demoted admin is out on their next request.
 */
export function createConsoleSessions(deps: {
  readonly store: DocumentStore<IdpState>
  readonly clock: Clock
  readonly ids: IdGenerator
}) {
  const secret = Buffer.from(deps.ids.token(32), 'utf8')
  const sessions = new OwnedBoundedMap<string, ConsoleSession, 'user'>({
    capacity: CAPACITY,
    perOwner: { user: PER_USER },
    fairBy: 'user',
  })
  const mac = (id: string) => createHmac('sha256', secret).update(`console:${id}`).digest('base64url')
  const idOf = (cookie: string | undefined): string | null => {
    const match = cookie ? SEALED.exec(cookie) : null
    if (!match?.[1] || !match[2] || !secretMatches(match[2], mac(match[1]))) return null
    return match[1]
  }

  return {
    /** The secret that seals console flash toasts (sessions/console-flash.ts). */
    flashSecret: createHmac('sha256', secret).update('console-flash').digest(),

    /** Starts a session for a user who just signed in; null when they may not use the console. */
    start(userId: string): { readonly session: ConsoleSession; readonly cookie: string } | null {
      const user = findUser(deps.store.read(), userId)
      if (!user || !mayUseConsole(user)) return null
      const session: ConsoleSession = {
        id: deps.ids.token(32),
        userId: user.id,
        csrfToken: deps.ids.token(32),
        expiresAt: deps.clock.now() + CONSOLE_LIFETIME_SECONDS * 1000,
      }
      sessions.set(session.id, session, { user: user.id })
      return { session, cookie: `${session.id}.${mac(session.id)}` }
    },

    /** The admin a cookie value speaks for, or null (absent, forged, expired, no longer an admin). */
    open(cookie: string | undefined): ConsoleAdmin | null {
      const id = idOf(cookie)
      const session = id ? liveEntry(sessions, id, deps.clock.now()) : null
      if (!session) return null
      const user = findUser(deps.store.read(), session.userId)
      if (!user || !mayUseConsole(user)) {
        sessions.delete(session.id)
        return null
      }
      return { session, user }
    },

    /** True when a posted CSRF token is the one of this session. */
    csrfMatches(session: ConsoleSession, token: string | undefined): boolean {
      return typeof token === 'string' && secretMatches(token, session.csrfToken)
    },

    end(cookie: string | undefined): void {
      const id = idOf(cookie)
      if (id) sessions.delete(id)
    },

    /** Ends every console session (sandbox reset). */
    clear(): void {
      sessions.clear()
    },
  }
}

/** The console session table's interface. */
export type ConsoleSessions = ReturnType<typeof createConsoleSessions>
