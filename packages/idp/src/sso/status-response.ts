import { type DeepReadonly, entraIssuer } from '@sandbox/shared'
import type { EnterpriseApp } from '../state/idp-state'
import type { SsoResult } from './outcome'
import { postForm, type SsoDeps, ssoHelpers } from './sso-context'
import { buildStatusResponse, statusMessageText } from './status-messages'

/** A request Entra answers with a SAML error Response (to its registered reply URL) instead of a page. */
export interface StatusRejection {
  readonly app: DeepReadonly<EnterpriseApp> | null
  readonly destination: string
  readonly inResponseTo: string
  readonly relayState: string | undefined
  readonly topCode: string
  readonly secondCode: string
  readonly message: string
  /** The AADSTS number for the sign-in log. */
  readonly errorCode: number
}

/** POSTs an unsigned error Response without an assertion, and logs the failed sign-in. */
export function statusResponse(
  deps: SsoDeps,
  rejection: StatusRejection,
  correlationId: string,
  ip: string,
): SsoResult {
  const { runtime } = deps
  const now = runtime.clock.now()
  const traceId = runtime.ids.guid()
  ssoHelpers(deps).record(
    {
      correlationId,
      ip,
      app: rejection.app,
      user: null,
      initiatedBy: 'sp',
      error: null,
      errorCode: rejection.errorCode,
      failureReason: statusMessageText({ ...rejection, traceId, correlationId, now }),
    },
    traceId,
  )
  const xml = buildStatusResponse({
    issuer: entraIssuer(deps.store.read().tenant.id),
    id: runtime.ids.samlId(),
    now,
    destination: rejection.destination,
    inResponseTo: rejection.inResponseTo,
    topCode: rejection.topCode,
    secondCode: rejection.secondCode,
    message: rejection.message,
    traceId,
    correlationId,
  })
  return {
    outcome: postForm(rejection.destination, 'SAMLResponse', xml, rejection.relayState),
    session: 'keep',
  }
}
