import { type DeepReadonly, entraIssuer } from '@sandbox/shared'
import { type AadstsError, aadstsEntry, aadstsMessage } from '../errors/catalogue'
import type { EnterpriseApp } from '../state/idp-state'
import type { SsoResult } from './outcome'
import { postForm, signInOutcomes } from './sign-in-outcomes'
import type { SsoDeps } from './sso-deps'
import { buildStatusResponse, statusMessageText } from './status-messages'

/** The codes Entra answers with a SAML error Response instead of an error page. */
export type SamlStatusCode = 'AADSTS50058' | 'AADSTS75016'

/** A request Entra answers with a SAML error Response (to its registered reply URL) instead of a page. */
export interface StatusRejection {
  readonly app: DeepReadonly<EnterpriseApp> | null
  readonly destination: string
  readonly inResponseTo: string
  readonly relayState: string | undefined
  readonly error: AadstsError<SamlStatusCode>
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
  const message = aadstsMessage(rejection.error)
  const status = aadstsEntry(rejection.error.code).samlStatus
  if (!status) throw new Error(`internal: ${rejection.error.code} has no SAML status in the catalogue`)
  signInOutcomes(deps).record(
    {
      correlationId,
      ip,
      app: rejection.app,
      user: null,
      initiatedBy: 'sp',
      error: rejection.error,
      failureReason: statusMessageText({ message, traceId, correlationId, now }),
    },
    traceId,
  )
  const xml = buildStatusResponse({
    issuer: entraIssuer(deps.store.read().tenant.id),
    id: runtime.ids.samlId(),
    now,
    destination: rejection.destination,
    inResponseTo: rejection.inResponseTo,
    topCode: status.top,
    secondCode: status.second,
    message,
    traceId,
    correlationId,
  })
  return {
    outcome: postForm(rejection.destination, 'SAMLResponse', xml, rejection.relayState),
    session: 'keep',
  }
}
