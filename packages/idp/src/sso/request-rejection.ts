import type { DeepReadonly } from '@sandbox/shared'
import type { AadstsError } from '../errors/catalogue'
import type { EnterpriseApp } from '../state/idp-state'
import type { StatusRejection } from './status-response'

/** A request answered with the error page; `app` when the checks got as far as finding it. */
export interface PageRejection {
  readonly kind: 'page'
  readonly error: AadstsError
  readonly app: DeepReadonly<EnterpriseApp> | null
}

/** Why a request is not honoured: an error page, or a SAML error Response to the (registered) ACS. */
export type RequestRejection = PageRejection | ({ readonly kind: 'status' } & StatusRejection)

/** Refuses with the error page. */
export function pageRejection(
  error: AadstsError,
  app: DeepReadonly<EnterpriseApp> | null = null,
): PageRejection {
  return { kind: 'page', error, app }
}
