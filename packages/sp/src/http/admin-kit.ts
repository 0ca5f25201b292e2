import { parseJsonBody, secretMatches } from '@sandbox/shared'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { z } from 'zod'
import { type HttpDeps, NO_STORE } from './env'

/** What a JSON API error carries: the SSO side's SsoError and the directory's DirectoryError both fit. */
export interface ApiProblem {
  readonly code: string
  readonly message: string
  readonly fix: string
  readonly status?: 400 | 401 | 403 | 404 | 409 | 413
}

export const API_BODY_LIMIT = 1024 * 1024 + 4096

export function apiError(c: Context, error: ApiProblem) {
  return c.json(
    { error: { code: error.code, message: error.message, fix: error.fix } },
    error.status ?? 400,
    NO_STORE,
  )
}

/** `Authorization: Bearer <adminApiToken>`; never a query parameter. */
export function adminAuth(deps: HttpDeps): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    if (!token || !secretMatches(token, deps.services.store.read().adminApiToken)) {
      c.header('WWW-Authenticate', 'Bearer realm="webex-control-hub"')
      return apiError(c, {
        code: 'UNAUTHORIZED',
        message: token
          ? "The bearer token is not this org's admin API token."
          : 'The admin API needs Authorization: Bearer <token>.',
        fix: 'Use the admin API token printed when the sandbox started (RunningSp.adminApiToken); tokens in the query string are ignored.',
        status: 401,
      })
    }
    await next()
  }
}

/** Reads a JSON body against a strict schema; unknown fields are named in the error. */
export async function readJson<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const json = parseJsonBody(await c.req.text(), { limit: API_BODY_LIMIT })
  if (!json.ok) {
    const tooLarge = json.error.code === 'JSON_TOO_LARGE'
    return {
      ok: false,
      response: apiError(c, {
        code: tooLarge ? 'BODY_TOO_LARGE' : 'INVALID_JSON',
        message: json.error.message,
        fix: tooLarge ? 'Send a smaller body.' : 'Send a JSON object with Content-Type: application/json.',
        ...(tooLarge ? { status: 413 as const } : {}),
      }),
    }
  }
  const parsed = schema.safeParse(json.value)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
    return {
      ok: false,
      response: apiError(c, {
        code: 'INVALID_BODY',
        message: problems,
        fix: 'See packages/sp/API.md for the fields this call takes.',
      }),
    }
  }
  return { ok: true, value: parsed.data }
}

/** Bodies of the Control Hub API are at most {@link API_BODY_LIMIT} bytes (metadata with certificates fits). */
export function apiBodyLimit(): MiddlewareHandler {
  return bodyLimit({
    maxSize: API_BODY_LIMIT,
    onError: (c) =>
      apiError(c, {
        code: 'BODY_TOO_LARGE',
        message: 'The body is larger than 1 MB.',
        fix: 'Send a smaller body.',
        status: 413,
      }),
  })
}
