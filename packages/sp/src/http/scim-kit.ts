import { err, ok, parseJsonBody, type Result } from '@sandbox/shared'
import type { Context, MiddlewareHandler } from 'hono'
import { MAX_SCIM_BODY_BYTES } from '../scim/discovery'
import { type ScimError, scimErrorBody } from '../scim/scim-error'
import { checkBearer, TOKEN_QUERY_PARAMETERS } from '../scim/scim-token'
import type { HttpDeps } from './env'

/** SCIM's media type (RFC 7644 §3.1). */
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8'

/** A SCIM JSON answer. */
export function scimJson(
  c: Context,
  body: unknown,
  status: 200 | 201 = 200,
  headers: Record<string, string> = {},
) {
  return c.body(JSON.stringify(body), status, {
    'Content-Type': SCIM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
    ...headers,
  })
}

/** A SCIM error answer (RFC 7644 §3.12). */
export function scimErrorResponse(c: Context, error: ScimError): Response {
  return c.body(JSON.stringify(scimErrorBody(error)), error.status, {
    'Content-Type': SCIM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
  })
}

function unauthorized(c: Context, detail: string, invalidToken: boolean): Response {
  c.header(
    'WWW-Authenticate',
    invalidToken ? 'Bearer realm="Webex SCIM", error="invalid_token"' : 'Bearer realm="Webex SCIM"',
  )
  return scimErrorResponse(c, { status: 401, detail })
}

/**
 * SCIM authentication: `Authorization: Bearer <scimToken>`, compared in constant time. A token
 * in the query string is refused outright (it would end up in logs and proxies), even a right one.
 */
export function scimAuth(deps: HttpDeps): MiddlewareHandler {
  return async (c, next) => {
    const query = new URL(c.req.url).searchParams
    const leaked = [...query.keys()].find((k) => TOKEN_QUERY_PARAMETERS.includes(k.toLowerCase()))
    if (leaked) {
      return unauthorized(
        c,
        `Tokens are never read from the query string ("${leaked}"); send them as Authorization: Bearer <token>, and regenerate this token since it may now be in logs.`,
        true,
      )
    }
    const refusal = checkBearer(c.req.header('authorization'), deps.services.scimToken.current())
    if (refusal === 'missing') {
      return unauthorized(
        c,
        'Authentication required: send Authorization: Bearer <the SCIM token from Control Hub>.',
        false,
      )
    }
    if (refusal === 'not-bearer') {
      return unauthorized(
        c,
        'Only bearer tokens are accepted: send Authorization: Bearer <token> (not Basic or other schemes).',
        true,
      )
    }
    if (refusal === 'wrong') {
      return unauthorized(
        c,
        'The bearer token is not valid for this organization. Copy the current SCIM token from Control Hub (it changes when regenerated) into Entra > Provisioning > Secret Token.',
        true,
      )
    }
    await next()
  }
}

/** Reads a request body as text, refusing more than `limit` bytes without buffering them all. */
async function readCapped(request: Request, limit: number): Promise<Result<string, 'too-large'>> {
  if (!request.body) return ok('')
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return err('too-large')
    }
    chunks.push(value)
  }
  return ok(Buffer.concat(chunks).toString('utf8'))
}

/** Reads a SCIM JSON body: the content type, the size limit and the JSON syntax are checked. */
export async function readScimBody(
  c: Context,
  limit: number = MAX_SCIM_BODY_BYTES,
): Promise<Result<unknown, ScimError>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/scim+json' && type !== 'application/json') {
    return err({
      status: 415,
      detail: `Content-Type must be application/scim+json (or application/json), not "${type || 'none'}".`,
    })
  }
  const tooLarge: ScimError = {
    status: 413,
    detail: `The request body is larger than ${limit} bytes; send fewer attributes, members or operations per request.`,
  }
  const declared = Number(c.req.header('content-length') ?? '0')
  if (declared > limit) return err(tooLarge)
  const text = await readCapped(c.req.raw, limit)
  if (!text.ok) return err(tooLarge)
  const json = parseJsonBody(text.value, { limit })
  if (json.ok) return json
  if (json.error.code === 'JSON_TOO_LARGE') return err(tooLarge)
  return err({ status: 400, scimType: 'invalidSyntax', detail: json.error.message })
}
