import {
  createTraceStore,
  decodePostBinding,
  decodeRedirectBinding,
  exportTracesAsHar,
  isoInstant,
  ok,
  type Result,
  type SignInTrace,
  type TraceBounds,
  type TraceStep,
} from '@sandbox/shared'
import { type AdminError, invalid } from '../errors/admin-error'
import type { DeepState } from '../state/deep-state'
import type { SignInRecord } from './sign-in-log'

/** Every secret of the IdP's state: the Graph token, the automation client's secret, the pairwise salt, private keys. */
export function heldSecretsOf(state: DeepState): string[] {
  return [
    state.graphApiToken,
    state.pairwiseSecret,
    state.automationClient.clientSecret,
    state.tenantSigningCertificate.privateKeyPem,
    ...state.apps.flatMap((app) => app.saml.certificates.map((c) => c.privateKeyPem)),
  ]
}

function traceNotFound(id: string): Result<never, AdminError> {
  return {
    ok: false,
    error: {
      code: 'NOT_FOUND',
      message: `No sign-in trace "${id}". Traces are kept in memory for the last 500 sign-ins; list them at /sandbox/api/traces.`,
    },
  }
}

/** A SAML request as the endpoint received it (the binding's raw parameters). */
export type ReceivedInput =
  | { readonly binding: 'redirect'; readonly rawQuery: string }
  | {
      readonly binding: 'post'
      readonly form: { readonly SAMLRequest?: string | undefined; readonly RelayState?: string | undefined }
    }

/** The XML of a received request, or what the binding had when it does not decode. */
function receivedXml(input: ReceivedInput): { xml: string; relayState: string | null } {
  if (input.binding === 'redirect') {
    const decoded = decodeRedirectBinding(input.rawQuery)
    return decoded.ok
      ? { xml: decoded.value.xml, relayState: decoded.value.relayState ?? null }
      : { xml: input.rawQuery, relayState: null }
  }
  const decoded = decodePostBinding(input.form.SAMLRequest)
  return {
    xml: decoded.ok ? decoded.value : (input.form.SAMLRequest ?? ''),
    relayState: input.form.RelayState ?? null,
  }
}

const REQUEST_ID = /<(?:\w+:)?AuthnRequest\b[^>]*?\sID\s*=\s*["']([^"']{1,128})["']/

/** What Entra decided, for the trace: who, which app, why they may, what was issued. */
export interface TracedDecision {
  readonly user: string
  readonly app: string
  readonly assignment: string
  readonly nameId: string
  readonly claims: readonly { readonly name: string; readonly values: readonly string[] }[]
  readonly certificateThumbprint: string
}

/**
 * Entra's side of every sign-in, step by step: the AuthnRequest as received, the decision
 * (user, app, assignment, claims issued, certificate used), the Response as sent, and the
 * sign-in log entry it ended in. A sign-in is known by its correlation id while it runs (the
 * sign-in page carries it) and by its AuthnRequest ID afterwards, which is the trace id the
 * SP's trace shares; an IdP-initiated one by its correlation id and its Response's ID.
 */
export function createSignInTraces(deps: {
  readonly now: () => number
  /** The secrets the IdP holds, which an export must never contain (tokens, client secrets, keys). */
  readonly heldSecrets: () => readonly string[]
  readonly bounds?: TraceBounds
}) {
  const store = createTraceStore('idp', deps.bounds)
  const at = (): string => isoInstant(deps.now())
  const add = (correlationId: string, step: Omit<TraceStep, 'at'>): void =>
    store.add(correlationId, { at: at(), ...step })

  return {
    /** A request arrived at the SAML endpoint (before its checks). */
    requestReceived(correlationId: string, input: ReceivedInput, endpoint: string): void {
      const { xml, relayState } = receivedXml(input)
      const requestId = REQUEST_ID.exec(xml)?.[1] ?? null
      store.begin(requestId ?? correlationId, at())
      store.alias(requestId ?? correlationId, correlationId)
      add(correlationId, {
        kind: 'authn-request-received',
        title: 'AuthnRequest received',
        outcome: 'info',
        detail: `${input.binding === 'redirect' ? 'HTTP-Redirect' : 'HTTP-POST'} binding at ${endpoint}`,
        facts: { requestId },
        message: { parameter: 'SAMLRequest', binding: input.binding, url: endpoint, xml, relayState },
      })
    },

    /** A sign-in Entra starts itself (My Apps, Test this application). */
    launched(correlationId: string, app: string): void {
      store.begin(correlationId, at())
      add(correlationId, {
        kind: 'authn-request-received',
        title: 'IdP-initiated sign-in',
        outcome: 'info',
        detail: `started from My Apps or "Test this application" for ${app}: there is no AuthnRequest`,
      })
    },

    /** The request's checks passed or refused it. */
    requestChecked(correlationId: string, refusal: string | null, app: string | null): void {
      add(correlationId, {
        kind: 'decision',
        title: 'AuthnRequest checks',
        outcome: refusal ? 'failed' : 'passed',
        detail: refusal ?? `the request is for ${app ?? 'a registered app'}, from a registered Reply URL`,
      })
    },

    /** Entra asks the browser to sign in first. */
    signInPage(correlationId: string): void {
      add(correlationId, {
        kind: 'decision',
        title: 'Sign-in page',
        outcome: 'info',
        detail: 'no session (or ForceAuthn): the sign-in page asks for the account and password',
      })
    },

    /** A sandbox fault answers this sign-in instead of the right Response (a break-it preset). */
    faultApplied(
      correlationId: string,
      fault: { readonly id: string; readonly preset: string; readonly description: string },
    ): void {
      add(correlationId, {
        kind: 'decision',
        title: `Sandbox fault: ${fault.preset}`,
        outcome: 'info',
        detail: `${fault.description} (a fault added through /sandbox/api/faults; the sign-in is answered wrongly on purpose)`,
        facts: { fault: fault.preset, faultId: fault.id },
      })
    },

    /** Entra issued a Response: the decision and the Response as sent. */
    issued(
      correlationId: string,
      decision: TracedDecision,
      response: { id: string; xml: string; destination: string; relayState: string | undefined },
    ): void {
      store.alias(correlationId, response.id)
      add(correlationId, {
        kind: 'decision',
        title: 'Decision',
        outcome: 'passed',
        detail: `${decision.user} may sign in to ${decision.app}: ${decision.assignment}`,
        facts: {
          user: decision.user,
          app: decision.app,
          assignment: decision.assignment,
          nameId: decision.nameId,
          certificateThumbprint: decision.certificateThumbprint,
          claims: decision.claims.map((c) => `${c.name} = ${c.values.join(', ')}`),
        },
      })
      add(correlationId, {
        kind: 'response-sent',
        title: 'Response sent',
        outcome: 'info',
        detail: `HTTP-POST binding to ${response.destination}, signed with the certificate ${decision.certificateThumbprint}`,
        facts: { responseId: response.id },
        message: {
          parameter: 'SAMLResponse',
          binding: 'post',
          url: response.destination,
          xml: response.xml,
          relayState: response.relayState ?? null,
        },
      })
    },

    /** The sign-in log entry a sign-in ended in; a failure's reason is its last step. */
    logged(record: SignInRecord): void {
      // An interrupt is a step of a sign-in that goes on: its own entry ends the trace later.
      if (record.status === 'interrupted') {
        add(record.correlationId, {
          kind: 'decision',
          title: `Stay signed in? asked (AADSTS${record.errorCode}, interrupted)`,
          outcome: 'info',
          detail: record.failureReason ?? `AADSTS${record.errorCode}`,
        })
        return
      }
      if (record.errorCode !== 0)
        add(record.correlationId, {
          kind: 'decision',
          title: `Sign-in failed (AADSTS${record.errorCode})`,
          outcome: 'failed',
          detail: record.failureReason ?? `AADSTS${record.errorCode}`,
        })
      store.finish(record.correlationId, record.errorCode === 0 ? 'success' : 'failure', record.id)
    },

    /** A sign-in's trace by its id (the AuthnRequest ID), its Response's ID or its correlation id. */
    trace(id: string): Result<SignInTrace, AdminError> {
      const trace = store.get(id)
      return trace ? ok(trace) : traceNotFound(id)
    },

    /** The trace of a sign-in log entry (the Trace tab of Sign-in logs). */
    traceOfSignIn(logId: string): Result<SignInTrace, AdminError> {
      const trace = store.bySignInLogId(logId)
      return trace ? ok(trace) : traceNotFound(logId)
    },

    /** The newest traces, newest first; `limit` as a query string gives it (1 to 500, default 50). */
    recent(limit: string | undefined): Result<SignInTrace[], AdminError> {
      const count = limit === undefined ? 50 : Number(limit)
      if (!Number.isInteger(count) || count < 1 || count > 500)
        return invalid(`limit must be a whole number from 1 to 500, not "${limit}".`, 'limit')
      return ok(store.list(count))
    },

    /** One sign-in's trace as a HAR file, without any secret the IdP holds. */
    exportHar(id: string): Result<Record<string, unknown>, AdminError> {
      const trace = store.get(id)
      if (!trace) return traceNotFound(id)
      return ok(exportTracesAsHar([trace], { creator: 'Entra emulator', knownSecrets: deps.heldSecrets() }))
    },
    clear: (): void => store.clear(),
  }
}

/** Entra's sign-in traces. */
export type SignInTraces = ReturnType<typeof createSignInTraces>
