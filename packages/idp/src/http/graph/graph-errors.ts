import type { AdminError } from '../../errors/admin-error'
import { ADMIN_CODES, GRAPH_CODES, type GraphErrorCode, PROVISIONING_CODES } from '../../errors/catalogue'
import { describeProvisioningError, type ProvisioningError } from '../../errors/provisioning-error'
import type { IdpContext } from '../env'

/** One entry of Graph's `details`: which property, and Graph's code for the problem. */
export interface GraphErrorDetail {
  readonly code: string
  readonly target: string
}

/**
 * Microsoft Graph's error body, `{"error":{"code","message","innerError":{…}}}`, with the status
 * the catalogue gives the code: the one way the `/v1.0` and `/sandbox/api` routes answer a failure.
 */
export function graphError(
  c: IdpContext,
  code: GraphErrorCode,
  message: string,
  details?: readonly GraphErrorDetail[],
): Response {
  return graphErrorBody(c, code, GRAPH_CODES[code].status, message, details)
}

function graphErrorBody(
  c: IdpContext,
  code: string,
  status: 400 | 401 | 403 | 404 | 413,
  message: string,
  details?: readonly GraphErrorDetail[],
): Response {
  const body = {
    error: {
      code,
      message,
      ...(details ? { details } : {}),
      innerError: {
        date: c.get('graphRequestDate') ?? null,
        'request-id': c.get('graphRequestId') ?? null,
        'client-request-id': c.get('clientRequestId') ?? null,
      },
    },
  }
  return c.json(body, status)
}

/** The one mapping from admin-service errors to Graph errors (both JSON APIs use it). */
export function adminErrorResponse(c: IdpContext, error: AdminError): Response {
  const entry = ADMIN_CODES[error.code]
  const target = error.target ?? (entry.detail === 'ObjectConflict' ? '' : undefined)
  const details = entry.detail && target !== undefined ? [{ code: entry.detail, target }] : undefined
  return graphError(c, entry.graph, error.message, details)
}

/** The one mapping from provisioning errors to Graph errors: the catalogue's status, its code and sentence. */
export function provisioningErrorResponse(c: IdpContext, error: ProvisioningError): Response {
  const details = error.target ? [{ code: 'InvalidValue', target: error.target }] : undefined
  return graphErrorBody(
    c,
    error.code,
    PROVISIONING_CODES[error.code].status,
    describeProvisioningError(error),
    details,
  )
}
