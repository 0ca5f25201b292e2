import { BoundedMap, type Clock, detached } from '@sandbox/shared'
import type { Check } from './response-checks'

/** An AuthnRequest waiting for its Response, bound to the browser that started it. */
export interface PendingRequest {
  readonly requestId: string
  readonly browserId: string
  readonly relayState: string | undefined
  /** A normal sign-in, or Control Hub's Test SSO Connection (against the pending configuration). */
  readonly purpose: 'sign-in' | 'test'
  readonly idpConfigId: string
  readonly expiresAt: number
}

/** A Webex session: who signed in, with what, and the checks the ACS made. */
export interface SpSession {
  readonly id: string
  readonly user: { readonly id: string; readonly userName: string; readonly displayName: string }
  readonly nameId: string
  readonly nameIdFormat: string
  readonly sessionIndex: string | null
  readonly issuer: string
  readonly attributes: Readonly<Record<string, readonly string[]>>
  readonly checks: readonly Check[]
  readonly signedInAt: string
  readonly expiresAt: number
}

/** One ACS attempt or refused logout message, for the sign-in log (Control Hub's troubleshooting view and the API). */
export interface SignInAttempt {
  readonly at: string
  readonly purpose: 'sign-in' | 'test' | 'logout'
  readonly outcome: 'success' | 'failure'
  readonly code: string | null
  readonly message: string
  readonly user: string | null
}

const PENDING_LIFETIME_MS = 10 * 60_000
const SESSION_LIFETIME_MS = 8 * 3600_000

/**
 * The SP's in-memory tables, each bounded and expiring so a flood of requests costs memory
 * up to a cap (research/security.md §5, issue 7's memory target). A restart empties them,
 * as an outage would: configuration survives, sign-ins in flight do not. What they keep from
 * a request is {@link detached} first: strings read from a parsed SAML message are slices of
 * the whole message and would keep it alive (~5 KB per entry).
 */
export function createMemoryStores(clock: Clock) {
  const pending = new BoundedMap<string, PendingRequest>(10_000)
  const replay = new BoundedMap<string, number>(50_000)
  // A session keeps the ACS's checks and the attributes (~10 KB): 2 000 of them (~20 MB) hold
  // RSS flat under CI-scale load, where every sign-in opens a new one (issue 7).
  const sessions = new BoundedMap<string, SpSession>(2_000)
  const testTickets = new BoundedMap<string, number>(1_000)
  const logoutRequests = new BoundedMap<string, number>(1_000)
  const attempts: SignInAttempt[] = []
  return {
    addPending(entry: Omit<PendingRequest, 'expiresAt'>): PendingRequest {
      const full = detached({ ...entry, expiresAt: clock.now() + PENDING_LIFETIME_MS })
      pending.set(full.requestId, full)
      return full
    },
    peekPending(requestId: string): PendingRequest | undefined {
      const entry = pending.get(requestId)
      if (entry && entry.expiresAt <= clock.now()) {
        pending.delete(requestId)
        return undefined
      }
      return entry
    },
    consumePending(requestId: string): void {
      pending.delete(requestId)
    },
    /** True when the assertion was used before (and not yet forgotten: kept until it expires). */
    seenBefore(assertionId: string): boolean {
      const until = replay.get(assertionId)
      if (until === undefined) return false
      if (until < clock.now()) {
        replay.delete(assertionId)
        return false
      }
      return true
    },
    rememberAssertion(assertionId: string, until: number): void {
      replay.set(detached(assertionId), until)
    },
    addSession(session: Omit<SpSession, 'expiresAt'>): SpSession {
      const full = detached({ ...session, expiresAt: clock.now() + SESSION_LIFETIME_MS })
      sessions.set(full.id, full)
      return full
    },
    session(id: string): SpSession | undefined {
      const session = sessions.get(id)
      if (session && session.expiresAt <= clock.now()) {
        sessions.delete(id)
        return undefined
      }
      return session
    },
    endSession(id: string): SpSession | undefined {
      const session = sessions.get(id)
      sessions.delete(id)
      return session
    },
    /** Ends every session of a NameID (IdP-initiated logout), optionally only one SessionIndex. */
    endSessionsOf(nameId: string, sessionIndex: string | null): number {
      let ended = 0
      for (const session of [...sessions.values()]) {
        if (session.nameId === nameId && (sessionIndex === null || session.sessionIndex === sessionIndex)) {
          sessions.delete(session.id)
          ended += 1
        }
      }
      return ended
    },
    /** A LogoutRequest Webex sent: its LogoutResponse must answer it (InResponseTo), once. */
    addLogoutRequest(requestId: string): void {
      logoutRequests.set(requestId, clock.now() + PENDING_LIFETIME_MS)
    },
    useLogoutRequest(requestId: string): boolean {
      const until = logoutRequests.get(requestId)
      logoutRequests.delete(requestId)
      return until !== undefined && until > clock.now()
    },
    addTestTicket(ticket: string): void {
      testTickets.set(ticket, clock.now() + PENDING_LIFETIME_MS)
    },
    useTestTicket(ticket: string): boolean {
      const until = testTickets.get(ticket)
      testTickets.delete(ticket)
      return until !== undefined && until > clock.now()
    },
    logAttempt(attempt: SignInAttempt): void {
      attempts.push(detached(attempt))
      if (attempts.length > 200) attempts.shift()
    },
    attempts(): readonly SignInAttempt[] {
      return attempts
    },
    clear(): void {
      pending.clear()
      replay.clear()
      sessions.clear()
      testTickets.clear()
      logoutRequests.clear()
      attempts.length = 0
    },
  }
}

export type MemoryStores = ReturnType<typeof createMemoryStores>
