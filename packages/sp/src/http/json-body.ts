import { parseJsonBody } from '@sandbox/shared'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { z } from 'zod'
import { spError } from '../errors/catalogue'
import { apiError } from './error-responses'

const API_BODY_LIMIT = 1024 * 1024 + 4096

/** Reads a JSON body against a strict schema; unknown fields are named in the error. */
export async function readJson<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const json = parseJsonBody(await c.req.text(), { limit: API_BODY_LIMIT })
  if (!json.ok) {
    const error =
      json.error.code === 'JSON_TOO_LARGE'
        ? spError('BODY_TOO_LARGE', { what: 'api' })
        : spError('INVALID_JSON', { detail: json.error.message })
    return { ok: false, response: apiError(c, error) }
  }
  const parsed = schema.safeParse(json.value)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
    return { ok: false, response: apiError(c, spError('INVALID_BODY', { problems })) }
  }
  return { ok: true, value: parsed.data }
}

/** Bodies of the Control Hub API are at most {@link API_BODY_LIMIT} bytes (metadata with certificates fits). */
export function apiBodyLimit(): MiddlewareHandler {
  return bodyLimit({
    maxSize: API_BODY_LIMIT,
    onError: (c) => apiError(c, spError('BODY_TOO_LARGE', { what: 'api' })),
  })
}
