import { type DeepReadonly, encodePostBinding, isoInstant } from '@sandbox/shared'
import { type AadstsError, aadstsEntry, aadstsMessage, aadstsNumber } from '../errors/catalogue'
import type { SignInFault } from '../faults/sign-in-faults'
import type { IdpSession } from '../sessions/idp-sessions'
import type { SignInStatus } from '../sign-in-log/sign-in-log'
import type { DirectoryUser, EnterpriseApp } from '../state/idp-state'
import type { IssuedResponse } from './issue-response'
import type { SsoOutcome } from './outcome'
import type { SsoDeps } from './sso-deps'

/** What a sign-in log line knows. */
export interface LogFacts {
  readonly correlationId: string
  readonly ip: string
  readonly app: DeepReadonly<EnterpriseApp> | null
  readonly user: DeepReadonly<DirectoryUser> | null
  readonly initiatedBy: 'sp' | 'idp'
  readonly error: AadstsError | null
  /** Overrides the error's message line (Entra logs a password failure's reason without its code). */
  readonly failureReason?: string
  /** The sandbox fault that answered this sign-in, if one did. */
  readonly fault?: SignInFault | null
}

/**
 * How a sign-in ends, each logged once in the sign-in log: a log line, the error page, or the
 * Response posted to the app (which also makes the app a participant of single logout).
 */
export function signInOutcomes(deps: SsoDeps) {
  const { runtime } = deps

  function record(facts: LogFacts, requestId: string): void {
    const errorCode = facts.error ? aadstsNumber(facts.error.code) : 0
    const status: SignInStatus = !facts.error
      ? 'success'
      : aadstsEntry(facts.error.code).interrupt
        ? 'interrupted'
        : 'failure'
    const entry = {
      id: requestId,
      createdDateTime: isoInstant(runtime.clock.now()),
      userId: facts.user?.id ?? null,
      userPrincipalName: facts.user?.userPrincipalName ?? null,
      userDisplayName: facts.user?.displayName ?? null,
      appId: facts.app?.application.appId ?? null,
      appDisplayName: facts.app?.servicePrincipal.displayName ?? null,
      servicePrincipalId: facts.app?.servicePrincipal.id ?? null,
      ipAddress: facts.ip,
      correlationId: facts.correlationId,
      errorCode,
      status,
      failureReason: facts.failureReason ?? (facts.error ? aadstsMessage(facts.error) : null),
      initiatedBy: facts.initiatedBy,
      ...(facts.fault
        ? { fault: { id: facts.fault.id, preset: facts.fault.preset, description: facts.fault.description } }
        : {}),
    }
    deps.log.record(entry)
    deps.traces.logged(entry)
  }

  return {
    record,

    /** The error page for `error`, logged as a failed sign-in. */
    fail(error: AadstsError, facts: Omit<LogFacts, 'error'>): SsoOutcome {
      const requestId = runtime.ids.guid()
      record({ ...facts, error }, requestId)
      return {
        kind: 'error',
        page: {
          error,
          requestId,
          correlationId: facts.correlationId,
          timestamp: isoInstant(runtime.clock.now()),
          appName: facts.app?.servicePrincipal.displayName ?? null,
        },
      }
    },

    /** POSTs an issued Response to its reply URL and remembers the app for single logout. */
    deliver(
      issued: IssuedResponse,
      session: IdpSession,
      facts: Omit<LogFacts, 'error' | 'app' | 'user'>,
    ): SsoOutcome {
      record({ ...facts, app: issued.app, user: issued.user, error: null }, runtime.ids.guid())
      deps.sessions.addParticipant(session.id, {
        servicePrincipalId: issued.app.servicePrincipal.id,
        nameId: issued.nameId.value,
        sessionIndex: issued.sessionIndex,
      })
      return postForm(issued.destination, 'SAMLResponse', issued.xml, issued.relayState)
    },
  }
}

/** The HTTP-POST binding form for a message. */
export function postForm(
  action: string,
  parameter: 'SAMLResponse' | 'SAMLRequest',
  xml: string,
  relayState: string | undefined,
): SsoOutcome {
  return {
    kind: 'post',
    action,
    fields: [
      { name: parameter, value: encodePostBinding(xml) },
      ...(relayState === undefined ? [] : [{ name: 'RelayState', value: relayState }]),
    ],
  }
}
