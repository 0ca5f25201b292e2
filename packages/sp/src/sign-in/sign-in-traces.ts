import {
  createTraceStore,
  decodePostBinding,
  decodeRedirectBinding,
  err,
  exportTracesAsHar,
  ok,
  type Result,
  type SignInTrace,
  type TraceBounds,
  type TracedMessage,
  type TraceStep,
} from '@sandbox/shared'
import { describeError, type SpError, spError } from '../errors/catalogue'
import type { SpSnapshot } from '../state/sp-state'
import type { Outbound } from './authn-request'
import type { Check } from './check-pipeline'
import type { SpSession } from './memory-stores'
import type { UserMatch } from './webex-user-checks'

/** The message an Outbound carries, decoded back to its XML (what went on the wire). */
function sentMessage(outbound: Outbound, destination: string): TracedMessage | null {
  if (outbound.kind === 'redirect') {
    const query = outbound.url.slice(outbound.url.indexOf('?') + 1)
    const decoded = decodeRedirectBinding(query)
    if (!decoded.ok) return null
    const relayState = decoded.value.relayState ?? null
    return {
      parameter: 'SAMLRequest',
      binding: 'redirect',
      url: destination,
      xml: decoded.value.xml,
      relayState,
    }
  }
  const decoded = decodePostBinding(outbound.fields.SAMLRequest)
  if (!decoded.ok) return null
  const relayState = outbound.fields.RelayState ?? null
  return { parameter: 'SAMLRequest', binding: 'post', url: outbound.action, xml: decoded.value, relayState }
}

const RESPONSE_ID = /<(?:\w+:)?Response\b[^>]*?\sID\s*=\s*["']([^"']{1,128})["']/

/** Every secret of the SP's state: the API and SCIM tokens, the private keys. */
export function heldSecretsOf(state: SpSnapshot): string[] {
  return [
    state.adminApiToken,
    state.scimToken,
    state.signingCertificate.privateKeyPem,
    state.encryptionCertificate.privateKeyPem,
  ]
}

function traceNotFound(id: string): Result<never, SpError> {
  return err(spError('TRACE_NOT_FOUND', { id }))
}

/**
 * Webex's side of every sign-in, step by step: the AuthnRequest it sent, the Response as
 * received, each check of the ACS in the table's order, the user match and the session. The
 * trace id is the AuthnRequest ID, which the Response answers (InResponseTo) and Entra's trace
 * shares; an unsolicited Response is traced under its own ID. Sessions are named by user and
 * lifetime only: a trace never holds a session id.
 */
export function createSignInTraces(deps: {
  readonly now: () => number
  /** The secrets the SP holds, which an export must never contain (tokens, keys). */
  readonly heldSecrets: () => readonly string[]
  readonly bounds?: TraceBounds
}) {
  const store = createTraceStore('sp', deps.bounds)
  const at = (): string => new Date(deps.now()).toISOString()
  const add = (id: string, step: Omit<TraceStep, 'at'>): void => store.add(id, { at: at(), ...step })

  return {
    /** SP-initiated sign-in (or Test SSO Connection) sent its AuthnRequest. */
    requestSent(
      requestId: string,
      outbound: Outbound,
      destination: string,
      purpose: 'sign-in' | 'test',
    ): void {
      store.begin(requestId, at())
      const message = sentMessage(outbound, destination)
      add(requestId, {
        kind: 'authn-request-sent',
        title: purpose === 'test' ? 'AuthnRequest sent (Test SSO Connection)' : 'AuthnRequest sent',
        outcome: 'info',
        detail: `${message?.binding === 'post' ? 'HTTP-POST' : 'HTTP-Redirect'} binding to ${destination}`,
        facts: { requestId },
        ...(message ? { message } : {}),
      })
    },

    /**
     * A Response arrived at the ACS; returns the id it is traced under: the request it claims to
     * answer when that request was traced here, else its own ID.
     */
    responseReceived(
      samlResponse: string | undefined,
      claimedInResponseTo: string | null,
      acsUrl: string,
    ): string {
      const decoded = decodePostBinding(samlResponse)
      const xml = decoded.ok ? decoded.value : (samlResponse ?? '').slice(0, 4096)
      const responseId = RESPONSE_ID.exec(xml)?.[1] ?? null
      const known = claimedInResponseTo !== null && store.get(claimedInResponseTo) !== null
      const id = known ? (claimedInResponseTo as string) : (responseId ?? `acs-${deps.now()}`)
      if (!known) store.begin(id, at())
      if (responseId) store.alias(id, responseId)
      add(id, {
        kind: 'response-received',
        title: 'Response received',
        outcome: 'info',
        detail: known
          ? `HTTP-POST binding at ${acsUrl}, answering the AuthnRequest ${id}`
          : `HTTP-POST binding at ${acsUrl}${claimedInResponseTo ? `, claiming to answer ${claimedInResponseTo}, which this SP did not send` : ', unsolicited (IdP-initiated)'}`,
        facts: { responseId, inResponseTo: claimedInResponseTo },
        message: { parameter: 'SAMLResponse', binding: 'post', url: acsUrl, xml, relayState: null },
      })
      return id
    },

    /** The ACS's checks, each as made, and the refusal's fix when one refused. */
    checked(id: string, checks: readonly Check[], refusal: SpError | null): void {
      const failedName = refusal ? checks.findLast((c) => !c.passed)?.name : undefined
      for (const check of checks) {
        const fix = refusal && check.name === failedName ? describeError(refusal) : null
        add(id, {
          kind: 'acs-check',
          title: check.name,
          outcome: check.passed ? 'passed' : 'failed',
          detail: fix ? `${fix.code}: ${check.detail} Fix: ${fix.fix}` : check.detail,
        })
      }
    },

    /** Which Webex user the assertion names. */
    userMatched(id: string, match: UserMatch): void {
      const detail =
        match.kind === 'found'
          ? `${match.user.userName} (${match.user.id})`
          : match.kind === 'not-found'
            ? `no Webex user with ${match.matchedBy === 'uid' ? 'the uid' : 'the NameID'} ${match.value}`
            : match.kind === 'no-uid'
              ? `the assertion has no uid attribute (it has: ${match.attributeNames.join(', ') || 'none'})`
              : `just-in-time creation failed: ${describeError(match.error).message}`
      add(id, {
        kind: 'user-match',
        title: 'User match',
        outcome: match.kind === 'found' ? 'passed' : 'failed',
        detail,
      })
    },

    /** The Webex session the sign-in opened (never its id). */
    sessionOpened(id: string, session: SpSession): void {
      add(id, {
        kind: 'session',
        title: 'Session',
        outcome: 'passed',
        detail: `${session.user.userName} signed in until ${new Date(session.expiresAt).toISOString()}`,
        facts: { user: session.user.userName, nameId: session.nameId, sessionIndex: session.sessionIndex },
      })
    },

    /** How the sign-in ended; its sign-in log entry names the trace by its id. */
    ended(id: string, outcome: 'success' | 'failure'): void {
      store.finish(id, outcome, id)
    },

    /** A sign-in's trace by its id (the AuthnRequest ID) or its Response's ID. */
    trace(id: string): Result<SignInTrace, SpError> {
      const trace = store.get(id)
      return trace ? ok(trace) : traceNotFound(id)
    },

    /** The newest traces, newest first; `limit` as a query string gives it (1 to 500, default 50). */
    recent(limit: string | undefined): Result<SignInTrace[], SpError> {
      const count = limit === undefined ? 50 : Number(limit)
      if (!Number.isInteger(count) || count < 1 || count > 500)
        return err(spError('TRACE_LIMIT_INVALID', { limit: limit ?? '' }))
      return ok(store.list(count))
    },

    /** One sign-in's trace as a HAR file, without any secret the SP holds. */
    exportHar(id: string): Result<Record<string, unknown>, SpError> {
      const trace = store.get(id)
      if (!trace) return traceNotFound(id)
      return ok(exportTracesAsHar([trace], { creator: 'Webex emulator', knownSecrets: deps.heldSecrets() }))
    },

    clear: (): void => store.clear(),
  }
}

/** Webex's sign-in traces. */
export type SignInTraces = ReturnType<typeof createSignInTraces>
