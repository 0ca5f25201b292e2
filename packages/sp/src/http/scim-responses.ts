import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { type ScimError, scimErrorBody } from '../scim/scim-error'

/** SCIM's media type (RFC 7644 §3.1). */
const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8'

function scimBody(
  c: Context,
  body: unknown,
  status: ContentfulStatusCode,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(body), status, {
    'Content-Type': SCIM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
    ...headers,
  })
}

/** A SCIM JSON answer. */
export function scimJson(
  c: Context,
  body: unknown,
  status: 200 | 201 = 200,
  headers: Record<string, string> = {},
): Response {
  return scimBody(c, body, status, headers)
}

/**
 * SCIM's edge mapping: a domain `ScimError` (its RFC 7644 status, scimType and detail) becomes
 * the RFC 7644 §3.12 error body with that status. SCIM keeps its own error model (Entra's
 * provisioning client reads it); the rest of the SP answers through error-responses.ts.
 */
export function scimErrorResponse(c: Context, error: ScimError): Response {
  return scimBody(c, scimErrorBody(error), error.status)
}
