import { entraIssuer, STATUS } from '@sandbox/shared'
import { type AadstsError, aadstsMessage } from '../errors/catalogue'
import { errorForFault } from '../faults/error-page-facts'
import type { AssertionFaultPreset } from '../faults/fault-presets'
import type { SignInFault } from '../faults/sign-in-faults'
import type { IdpSession } from '../sessions/idp-sessions'
import type { IssuedResponse } from './issue-response'
import type { SsoResult } from './outcome'
import type { SamlSignIn } from './pending-sign-ins'
import { postForm, signInOutcomes } from './sign-in-outcomes'
import type { SsoDeps } from './sso-deps'
import { buildStatusResponse, statusMessageText } from './status-messages'

/** How a sign-in was answered so far: who asked, from where. */
export interface AnswerFacts {
  readonly correlationId: string
  readonly ip: string
  readonly initiatedBy: 'sp' | 'idp'
}

/** The error Response each status preset sends: its StatusCodes and the AADSTS error its message carries. */
const STATUS_FAULTS = {
  'responder-status': { top: STATUS.responder, second: null, error: { code: 'AADSTS50000' } },
  'authn-failed-status': {
    top: STATUS.responder,
    second: STATUS.authnFailed,
    error: { code: 'AADSTS50126' },
  },
} as const satisfies Record<string, { top: string; second: string | null; error: AadstsError }>

/** The part of a fault that changes the assertion itself, if it is such a preset. */
export function assertionFaultOf(fault: SignInFault | null): AssertionFaultPreset | null {
  if (!fault) return null
  const { preset } = fault
  return preset === 'slow' || preset === 'error-page' || preset in STATUS_FAULTS
    ? null
    : (preset as AssertionFaultPreset)
}

/**
 * Answers a sign-in whose Response was issued: POSTs it (after the slow preset's delay), or,
 * when a status or error-page fault applies, an error Response or Entra's error page instead.
 * A fault is spent here, once an answer goes out, and every answer it shapes is marked in the
 * sign-in log and the trace.
 */
export function answerIssued(
  deps: SsoDeps,
  issued: IssuedResponse,
  signIn: SamlSignIn,
  session: IdpSession,
  facts: AnswerFacts,
  fault: SignInFault | null,
): SsoResult {
  const outcomes = signInOutcomes(deps)
  const { decision, user, app, nameId } = issued
  if (fault) {
    deps.faults.spend(fault.id)
    deps.traces.faultApplied(facts.correlationId, fault)
  }
  if (fault?.preset === 'error-page' && fault.errorCode) {
    const state = deps.store.read()
    const error = errorForFault(fault.errorCode, {
      tenantId: state.tenant.id,
      tenantName: state.tenant.displayName,
      app,
      user,
      acsUrl: signIn.acsUrl,
      audience: signIn.audience,
    })
    return { outcome: outcomes.fail(error, { ...facts, app, user, fault }), session: 'keep' }
  }
  if (fault && (fault.preset === 'responder-status' || fault.preset === 'authn-failed-status')) {
    const status = STATUS_FAULTS[fault.preset]
    const now = deps.runtime.clock.now()
    const traceId = deps.runtime.ids.guid()
    const message = aadstsMessage(status.error)
    const text = { message, traceId, correlationId: facts.correlationId, now }
    outcomes.record(
      { ...facts, app, user, error: status.error, failureReason: statusMessageText(text), fault },
      traceId,
    )
    const xml = buildStatusResponse({
      ...text,
      issuer: entraIssuer(deps.store.read().tenant.id),
      id: deps.runtime.ids.samlId(),
      destination: issued.destination,
      inResponseTo: signIn.requestId,
      topCode: status.top,
      secondCode: status.second,
    })
    return { outcome: postForm(issued.destination, 'SAMLResponse', xml, issued.relayState), session: 'keep' }
  }
  deps.traces.issued(
    facts.correlationId,
    {
      ...decision,
      user: user.userPrincipalName,
      app: `${app.servicePrincipal.displayName} (${app.application.appId})`,
      nameId: nameId.value,
    },
    { id: decision.responseId, ...issued },
  )
  return {
    outcome: outcomes.deliver(issued, session, { ...facts, fault }),
    session: 'keep',
    ...(fault?.preset === 'slow' && fault.delayMs ? { delayMs: fault.delayMs } : {}),
  }
}
