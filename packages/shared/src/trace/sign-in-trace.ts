// trace/: the per-sign-in trace both servers keep, and its export as one HAR file with secrets redacted.

/** Which server wrote a trace: Entra (the IdP) or Webex (the SP). */
export type TraceSide = 'idp' | 'sp'

/** A SAML message as it crossed the wire, decoded to its XML. */
export interface TracedMessage {
  readonly parameter: 'SAMLRequest' | 'SAMLResponse'
  readonly binding: 'redirect' | 'post'
  /** Where it went: the IdP's SSO URL for an AuthnRequest, the ACS URL for a Response. */
  readonly url: string
  readonly xml: string
  readonly relayState: string | null
}

/** What one step of a sign-in was. */
export type TraceStepKind =
  | 'authn-request-sent'
  | 'authn-request-received'
  | 'decision'
  | 'response-sent'
  | 'response-received'
  | 'acs-check'
  | 'user-match'
  | 'session'

/** One step of a sign-in, as the server that made it saw it. */
export interface TraceStep {
  readonly at: string
  readonly kind: TraceStepKind
  readonly title: string
  readonly outcome: 'passed' | 'failed' | 'info'
  /** In plain words: what happened, and for a failure the fix. */
  readonly detail: string
  /** Named values of the step (the user, the app, the claims issued, a certificate's thumbprint). */
  readonly facts?: Readonly<Record<string, string | readonly string[] | null>>
  readonly message?: TracedMessage
}

/**
 * One sign-in as one server saw it. Its id is the AuthnRequest ID on both sides (the SP's
 * request ID is the InResponseTo of the Response the IdP sends), so the two sides of one
 * sign-in share it; an IdP-initiated sign-in has no request, and both sides then also know it
 * by the Response's ID (`aliases`).
 */
export interface SignInTrace {
  readonly id: string
  readonly side: TraceSide
  readonly startedAt: string
  /** Other ids of the same sign-in: the Response's ID, the IdP's correlation id. */
  readonly aliases: readonly string[]
  /** The sign-in log entry this sign-in ended in, once it ended. */
  readonly signInLogId: string | null
  readonly outcome: 'in-progress' | 'success' | 'failure'
  readonly steps: readonly TraceStep[]
}

/** How much a trace store keeps. */
export interface TraceBounds {
  /** Sign-ins kept; the oldest go first. */
  readonly traces: number
  /** Steps kept per sign-in (an ACS run has about twenty). */
  readonly stepsPerTrace: number
  /** Characters of one message's XML kept; a longer one is cut, saying so. */
  readonly messageChars: number
}

/** A real Response with a few claims is 5-10 KB: 500 sign-ins of 64 KB at most is 32 MB. */
export const TRACE_BOUNDS: TraceBounds = { traces: 500, stepsPerTrace: 64, messageChars: 64 * 1024 }

interface MutableTrace {
  id: string
  side: TraceSide
  startedAt: string
  aliases: string[]
  signInLogId: string | null
  outcome: SignInTrace['outcome']
  steps: TraceStep[]
  droppedSteps: number
}

function bounded(step: TraceStep, bounds: TraceBounds): TraceStep {
  const message = step.message
  if (!message || message.xml.length <= bounds.messageChars) return step
  return {
    ...step,
    detail: `${step.detail} (the message was ${message.xml.length} characters; the first ${bounds.messageChars} are kept)`,
    message: { ...message, xml: message.xml.slice(0, bounds.messageChars) },
  }
}

const snapshot = (trace: MutableTrace): SignInTrace => ({
  id: trace.id,
  side: trace.side,
  startedAt: trace.startedAt,
  aliases: [...trace.aliases],
  signInLogId: trace.signInLogId,
  outcome: trace.outcome,
  steps:
    trace.droppedSteps === 0
      ? [...trace.steps]
      : [
          ...trace.steps,
          {
            at: trace.steps.at(-1)?.at ?? trace.startedAt,
            kind: 'session',
            title: 'Trace cut short',
            outcome: 'info',
            detail: `${trace.droppedSteps} later steps were not kept (at most ${trace.steps.length} are)`,
          },
        ],
})

/**
 * A bounded, in-memory store of sign-in traces, newest last, for one server. It lives as long
 * as the server's sign-in log does, which is in memory only: traces are never persisted.
 * Recording into a trace the store no longer holds (evicted under load) does nothing.
 */
export function createTraceStore(side: TraceSide, bounds: TraceBounds = TRACE_BOUNDS) {
  const traces = new Map<string, MutableTrace>()
  // Every id and alias to its trace's id; entries of evicted traces go with them.
  const ids = new Map<string, string>()

  function find(id: string): MutableTrace | undefined {
    const own = ids.get(id)
    return own === undefined ? undefined : traces.get(own)
  }

  function evictOldest(): void {
    const oldest = traces.values().next()
    if (oldest.done) return
    traces.delete(oldest.value.id)
    for (const id of [oldest.value.id, ...oldest.value.aliases])
      if (ids.get(id) === oldest.value.id) ids.delete(id)
  }

  return {
    /** Starts the trace of a sign-in (again from scratch when the id is already traced). */
    begin(id: string, startedAt: string): void {
      const known = traces.get(id)
      if (known) for (const alias of known.aliases) ids.delete(alias)
      traces.delete(id)
      traces.set(id, {
        id,
        side,
        startedAt,
        aliases: [],
        signInLogId: null,
        outcome: 'in-progress',
        steps: [],
        droppedSteps: 0,
      })
      ids.set(id, id)
      while (traces.size > bounds.traces) evictOldest()
    },

    /** Adds a step to the trace known by `id` (its own id or an alias). */
    add(id: string, step: TraceStep): void {
      const trace = find(id)
      if (!trace) return
      if (trace.steps.length >= bounds.stepsPerTrace) trace.droppedSteps += 1
      else trace.steps.push(bounded(step, bounds))
    },

    /** Another id the trace is known by (an unsolicited Response's ID, a correlation id). */
    alias(id: string, alias: string): void {
      const trace = find(id)
      if (!trace || alias === trace.id || trace.aliases.includes(alias) || trace.aliases.length >= 8) return
      trace.aliases.push(alias)
      ids.set(alias, trace.id)
    },

    /** Ends the trace with the sign-in log entry it produced. */
    finish(id: string, outcome: 'success' | 'failure', signInLogId: string | null): void {
      const trace = find(id)
      if (!trace) return
      trace.outcome = outcome
      trace.signInLogId = signInLogId
    },

    get(id: string): SignInTrace | null {
      const trace = find(id)
      return trace ? snapshot(trace) : null
    },

    /** The trace a sign-in log entry came from. */
    bySignInLogId(logId: string): SignInTrace | null {
      for (const trace of traces.values()) if (trace.signInLogId === logId) return snapshot(trace)
      return null
    },

    /** Newest first, at most `limit`. */
    list(limit = 50): SignInTrace[] {
      return [...traces.values()].reverse().slice(0, Math.max(0, limit)).map(snapshot)
    },

    clear(): void {
      traces.clear()
      ids.clear()
    },
  }
}

/** A server's trace store. */
export type TraceStore = ReturnType<typeof createTraceStore>
