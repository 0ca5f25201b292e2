import type { Result } from '@sandbox/shared'
import type { Context } from 'hono'
import { describeError, type SpError, statusOf } from '../errors/catalogue'
import { NO_STORE } from './env'

/**
 * The SP's one mapping from domain errors to answers: the code's status from the catalogue, and
 * the body a client of that endpoint reads. The JSON API answers `{ error: { code, message, fix } }`;
 * the SAML binding endpoints answer plain text; the browser pages render the same three parts
 * (sign-in-pages.tsx). SCIM answers RFC 7644 errors (scim-responses.ts).
 */
export function apiError(c: Context, error: SpError): Response {
  return c.json({ error: describeError(error) }, statusOf(error.code), NO_STORE)
}

/** A result as JSON: the value (`view` shapes it) with `status`, or the error. */
export function apiResult<T>(
  c: Context,
  result: Result<T, SpError>,
  options: { status?: 200 | 201; view?: (value: T) => unknown } = {},
): Response {
  if (!result.ok) return apiError(c, result.error)
  const body = options.view ? options.view(result.value) : result.value
  return c.json(body as object, options.status ?? 200, NO_STORE)
}

/** A result with no body: 204, or the error. */
export function apiNoContent(c: Context, result: Result<unknown, SpError>): Response {
  return result.ok ? c.body(null, 204) : apiError(c, result.error)
}

/** A plain-text error for the SAML binding endpoints, which browsers and IdPs reach directly. */
export function textError(c: Context, error: SpError): Response {
  const { code, message, fix } = describeError(error)
  return c.text(`Error code: ${code}\n${message}\nHow to fix it: ${fix}`, statusOf(error.code), NO_STORE)
}
