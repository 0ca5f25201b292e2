import {
  BoundedMap,
  type ClientSource,
  type Clock,
  detached,
  ExpiringSet,
  OwnedBoundedMap,
} from '@sandbox/shared'
import type { AssertionTiming, SignerSummary } from './acs/acs-facts'
import type { Check } from './check-pipeline'

/** An AuthnRequest waiting for its Response, bound to the browser that started it. */
export interface PendingRequest {
  readonly requestId: string
  readonly browserId: string
  readonly relayState: string | undefined
  /** A normal sign-in, or Control Hub's Test SSO Connection (against the pending configuration). */
  readonly purpose: 'sign-in' | 'test'
  readonly idpTrustId: string
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
  /** The certificate that verified the assertion's signature (null: none was needed). */
  readonly certificate: SignerSummary | null
  /** The assertion's timing as sent: IssueInstant and the Conditions' window. */
  readonly timing: AssertionTiming
  readonly checks: readonly Check[]
  readonly signedInAt: string
  readonly expiresAt: number
}

/** One ACS attempt or refused logout message, for the sign-in log (Control Hub's troubleshooting view and the API). */
export interface SignInAttempt {
  /** Its place in the log (1, 2, …; a restart starts again), for the details view. */
  readonly id: string
  readonly at: string
  readonly purpose: 'sign-in' | 'test' | 'logout'
  readonly outcome: 'success' | 'failure'
  readonly code: string | null
  readonly message: string
  readonly user: string | null
  /** The sign-in's trace (`/api/v1/traces/{traceId}`), for an ACS attempt. */
  readonly traceId?: string
  /** The checks the SP made, in order, up to the refusal or through to success. */
  readonly checks: readonly Check[]
}

/** What a sign-in path records; the log numbers it. */
export type SignInAttemptRecord = Omit<SignInAttempt, 'id' | 'checks'> & {
  readonly checks?: readonly Check[]
}

const PENDING_LIFETIME_MS = 10 * 60_000
const SESSION_LIFETIME_MS = 8 * 3600_000

/** How much the SP keeps in memory, in all and per owner (tests pass small ones). */
export interface SpMemoryBounds {
  readonly pending: { readonly capacity: number; readonly perBrowser: number }
  readonly sessions: { readonly capacity: number; readonly perBrowser: number; readonly perUser: number }
  /** Assertion IDs held until they expire; when full, sign-ins are refused, never an ID forgotten. */
  readonly replay: number
  readonly logoutRequests: { readonly capacity: number; readonly perUser: number }
}

export const SP_MEMORY_BOUNDS: SpMemoryBounds = {
  // A browser has a handful of sign-ins in flight (tabs); a source gets what the others leave.
  pending: { capacity: 10_000, perBrowser: 16 },
  // A session keeps the ACS's checks and the attributes (~10 KB): 2 000 of them (~20 MB) hold
  // RSS flat under CI-scale load, where every sign-in opens a new one. A browser has one session
  // cookie, so its older sessions are dead weight; one user gets at most a quarter.
  sessions: { capacity: 2_000, perBrowser: 4, perUser: 500 },
  // ~100 bytes each: 10 MB at most, and 100 000 sign-ins inside one assertion lifetime to fill.
  replay: 100_000,
  logoutRequests: { capacity: 1_000, perUser: 16 },
}

/**
 * The SP's in-memory tables, each bounded and expiring so that a flood of requests costs
 * memory up to a cap, and bounded per owner so that it costs the flooding client its own
 * entries only: pending requests per browser and fairly shared between client sources,
 * sessions per browser and per user, logout requests per user (see {@link OwnedBoundedMap}).
 * A client that discards its cookie gets a new browser id each time, so for it the per-source
 * share is what holds; the sandbox listens on loopback, where every client is one source.
 *
 * The replay cache is never evicted. Forgetting an unexpired assertion ID would let that
 * assertion be used again: an answer to Webex's own request is still stopped by its request
 * having been consumed, but an unsolicited (IdP-initiated) one has nothing else to stop it. So
 * it is bounded by refusing: while it holds `replay` unexpired IDs, the ACS refuses unsolicited
 * Responses (answers to requests, Test SSO's included, go on). Filling it takes that many
 * valid signed assertions within their lifetime, that is, signing in that many times.
 * The sign-in attempts are a global ring of the last 200, a log that no sign-in depends on;
 * test tickets are made only by Control Hub's administrator.
 *
 * A restart empties them, as an outage would: configuration survives, sign-ins in flight do
 * not. What they keep from a request is {@link detached} first: strings read from a parsed SAML
 * message are slices of the whole message and would keep it alive (~5 KB per entry).
 */
export function createMemoryStores(clock: Clock, bounds: SpMemoryBounds = SP_MEMORY_BOUNDS) {
  const pending = new OwnedBoundedMap<string, PendingRequest, 'source' | 'browser'>({
    capacity: bounds.pending.capacity,
    perOwner: { source: bounds.pending.capacity, browser: bounds.pending.perBrowser },
    fairBy: 'source',
  })
  const replay = new ExpiringSet<string>(bounds.replay)
  const sessions = new OwnedBoundedMap<string, SpSession, 'browser' | 'user'>({
    capacity: bounds.sessions.capacity,
    perOwner: { browser: bounds.sessions.perBrowser, user: bounds.sessions.perUser },
    fairBy: 'user',
  })
  const testTickets = new BoundedMap<string, number>(1_000)
  const logoutRequests = new OwnedBoundedMap<string, number, 'user'>({
    capacity: bounds.logoutRequests.capacity,
    perOwner: { user: bounds.logoutRequests.perUser },
    fairBy: 'user',
  })
  const attempts: SignInAttempt[] = []
  let attemptCount = 0
  /** The entry under `key` while it has not expired; an expired one is dropped on the way. */
  function unexpired<V extends { readonly expiresAt: number }>(
    table: { get(key: string): V | undefined; delete(key: string): unknown },
    key: string,
  ): V | undefined {
    const entry = table.get(key)
    if (entry && entry.expiresAt <= clock.now()) {
      table.delete(key)
      return undefined
    }
    return entry
  }
  return {
    /** Holds a request for its browser, counted against that browser and its client source. */
    addPending(entry: Omit<PendingRequest, 'expiresAt'> & { readonly source: ClientSource }): PendingRequest {
      const { source, ...kept } = entry
      const full = detached({ ...kept, expiresAt: clock.now() + PENDING_LIFETIME_MS })
      pending.set(full.requestId, full, { source, browser: full.browserId })
      return full
    },
    peekPending(requestId: string): PendingRequest | undefined {
      return unexpired(pending, requestId)
    },
    consumePending(requestId: string): void {
      pending.delete(requestId)
    },
    /** True when the assertion was used before (and not yet forgotten: kept until it expires). */
    seenBefore(assertionId: string): boolean {
      return replay.has(assertionId, clock.now())
    },
    /**
     * Remembers a used assertion until `until`. False when the cache is full of unexpired IDs:
     * the caller must refuse the sign-in (see {@link replayRoomAt}), as forgetting one is no option.
     */
    rememberAssertion(assertionId: string, until: number): boolean {
      return replay.add(detached(assertionId), until, clock.now())
    },
    /** When the full replay cache has room again (its earliest ID expires). */
    replayRoomAt(): number | null {
      return replay.nextExpiry(clock.now())
    },
    /**
     * Opens a session, counted against its user and the browser that signed in (`browserId`
     * null: a browser without the cookie, as after an IdP-initiated sign-in; not kept).
     */
    addSession(session: Omit<SpSession, 'expiresAt'> & { readonly browserId: string | null }): SpSession {
      const { browserId, ...kept } = session
      const full = detached({ ...kept, expiresAt: clock.now() + SESSION_LIFETIME_MS })
      sessions.set(full.id, full, { browser: browserId, user: full.user.id })
      return full
    },
    session(id: string): SpSession | undefined {
      return unexpired(sessions, id)
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
    addLogoutRequest(requestId: string, userId: string): void {
      logoutRequests.set(requestId, clock.now() + PENDING_LIFETIME_MS, { user: userId })
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
    logAttempt(attempt: SignInAttemptRecord): void {
      attemptCount += 1
      attempts.push(detached({ ...attempt, id: String(attemptCount), checks: attempt.checks ?? [] }))
      if (attempts.length > 200) attempts.shift()
    },
    attempts(): readonly SignInAttempt[] {
      return attempts
    },
    /** How many entries each bounded table holds (for diagnostics and tests). */
    sizes(): { pending: number; sessions: number; replay: number; logoutRequests: number } {
      return {
        pending: pending.size,
        sessions: sessions.size,
        replay: replay.size,
        logoutRequests: logoutRequests.size,
      }
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
