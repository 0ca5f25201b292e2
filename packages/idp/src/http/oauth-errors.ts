import { isoInstant } from '@sandbox/shared'
import type { OAuthErrorName } from '../errors/aadsts-entry'
import { type AadstsCode, aadstsEntry, aadstsMessage, aadstsNumber } from '../errors/catalogue'
import type { TokenFailure } from '../oauth/token-endpoint'
import type { IdpContext } from './env'

function oauthOf(code: AadstsCode): { readonly error: OAuthErrorName; readonly status: 400 | 401 | 405 } {
  const oauth = aadstsEntry(code).oauth
  if (!oauth) throw new Error(`internal: ${code} has no OAuth shape in the error catalogue`)
  return oauth
}

function entraTimestamp(ms: number): string {
  return `${isoInstant(ms).slice(0, 19).replace('T', ' ')}Z`
}

/**
 * Entra's OAuth error body (v2 endpoint) with the `error` name and status the catalogue gives
 * the code: the one mapping from token endpoint failures to HTTP.
 */
export function oauthErrorResponse(c: IdpContext, failure: TokenFailure): Response {
  const { error, traceId, correlationId } = failure
  const oauth = oauthOf(error.code)
  const number = aadstsNumber(error.code)
  const timestamp = entraTimestamp(failure.at)
  return c.json(
    {
      error: oauth.error,
      error_description: `${aadstsMessage(error)} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [number],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${number}`,
    },
    oauth.status,
  )
}

/** The token endpoint's answer to anything but POST (AADSTS900561, 405), without trace ids as Entra sends it. */
export function oauthMethodNotAllowed(c: IdpContext): Response {
  const error = { code: 'AADSTS900561' } as const
  const oauth = oauthOf(error.code)
  return c.json(
    { error: oauth.error, error_description: aadstsMessage(error), error_codes: [aadstsNumber(error.code)] },
    oauth.status,
  )
}
