import { err, ok, parseJsonBody, type Result } from '@sandbox/shared'
import type { Context, MiddlewareHandler } from 'hono'
import type { AdminError } from '../../admin/admin-error'
import {
  type CollectionQuery,
  countCollection,
  type ODataOptions,
  queryCollection,
  queryObject,
} from '../../graph/odata-query'
import type { HttpDeps, IdpEnv } from '../env'

/** A request context of the admin APIs. */
export type GraphContext = Context<IdpEnv>

/** The largest JSON body the admin APIs read. */
export const MAX_JSON_BYTES = 1024 * 1024

/** Microsoft Graph's error body: `{"error":{"code","message","innerError":{…}}}`. */
export function graphError(
  c: GraphContext,
  status: 400 | 401 | 403 | 404 | 405 | 413,
  code: string,
  message: string,
  details?: readonly { code: string; target: string }[],
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

/** The one mapping from admin-service errors to Graph errors. */
export function adminErrorResponse(c: GraphContext, error: AdminError): Response {
  switch (error.code) {
    case 'NOT_FOUND':
      return graphError(c, 404, 'Request_ResourceNotFound', error.message)
    case 'FORBIDDEN':
      return graphError(c, 403, 'Authorization_RequestDenied', error.message)
    case 'CONFLICT':
      return graphError(c, 400, 'Request_BadRequest', error.message, [
        { code: 'ObjectConflict', target: error.target ?? '' },
      ])
    case 'INVALID':
      return graphError(
        c,
        400,
        'Request_BadRequest',
        error.message,
        error.target ? [{ code: 'InvalidValue', target: error.target }] : undefined,
      )
  }
}

/**
 * Bearer authentication for `/v1.0/*` and `/sandbox/api/*`: the token from the Authorization
 * header only (never the query string); 401 with `WWW-Authenticate: Bearer` otherwise, and 403
 * for a signed-in user who is not a Global Administrator.
 */
export function bearerAuth(deps: HttpDeps): MiddlewareHandler<IdpEnv> {
  return async (c, next) => {
    c.set('graphRequestId', deps.services.runtime.ids.guid())
    c.set('graphRequestDate', new Date(deps.services.runtime.clock.now()).toISOString().slice(0, 19))
    const clientRequestId = c.req.header('client-request-id')
    if (clientRequestId && /^[\w-]{1,64}$/.test(clientRequestId)) c.set('clientRequestId', clientRequestId)
    c.header('request-id', c.get('graphRequestId') ?? '')
    if (c.get('clientRequestId')) c.header('client-request-id', c.get('clientRequestId') ?? '')
    const check = deps.services.tokens.check(c.req.header('authorization'))
    if (!check.ok) {
      c.header(
        'WWW-Authenticate',
        `Bearer realm="", authorization_uri="${deps.url}/${deps.tenantId()}/oauth2/v2.0/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
      )
      const message =
        check.reason === 'missing'
          ? 'Access token is empty.'
          : check.reason === 'expired'
            ? 'Lifetime validation failed, the token is expired.'
            : 'Access token validation failure. Invalid audience.'
      return graphError(c, 401, 'InvalidAuthenticationToken', message)
    }
    if (!check.mayAdminister)
      return graphError(
        c,
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      )
    c.set('principal', check.principal)
    await next()
  }
}

/** Reads a JSON body, or answers Graph's error for an unreadable one. */
export async function readJson(c: GraphContext): Promise<Result<unknown, Response>> {
  const type = c.req.header('content-type') ?? ''
  const length = Number(c.req.header('content-length') ?? '0')
  if (length > MAX_JSON_BYTES)
    return err(
      graphError(c, 413, 'Request_EntityTooLarge', `The request body exceeds ${MAX_JSON_BYTES} bytes.`),
    )
  const json = parseJsonBody(await c.req.text(), { limit: MAX_JSON_BYTES })
  if (!json.ok && json.error.code === 'JSON_TOO_LARGE')
    return err(
      graphError(c, 413, 'Request_EntityTooLarge', `The request body exceeds ${MAX_JSON_BYTES} bytes.`),
    )
  if (!json.ok && json.error.code === 'JSON_EMPTY') return ok({})
  if (!type.includes('json'))
    return err(graphError(c, 400, 'BadRequest', 'Set the Content-Type header to application/json.'))
  if (!json.ok)
    return err(
      graphError(
        c,
        400,
        'BadRequest',
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      ),
    )
  return json
}

/** The `@odata.context` of a Graph answer, on the sandbox's base URL. */
export function odataContext(deps: HttpDeps, fragment: string): string {
  return `${deps.url}/v1.0/$metadata#${fragment}`
}

function optionsOf(c: GraphContext): ODataOptions {
  return {
    filter: c.req.query('$filter'),
    select: c.req.query('$select'),
    top: c.req.query('$top'),
    skipToken: c.req.query('$skiptoken'),
    count: c.req.query('$count'),
    orderBy: c.req.query('$orderby'),
    search: c.req.query('$search'),
    expand: c.req.query('$expand'),
    consistencyLevel: c.req.header('consistencylevel'),
  }
}

/**
 * Answers a collection with `$filter`, `$search`, `$orderby`, `$select`, `$expand`, `$top`,
 * `$count` and `@odata.nextLink` paging, under Graph's rules for the collection.
 */
export function collection(
  c: GraphContext,
  deps: HttpDeps,
  fragment: string,
  items: readonly Record<string, unknown>[],
  query: CollectionQuery,
): Response {
  const page = queryCollection(items, optionsOf(c), query)
  if (!page.ok) return graphError(c, 400, page.error.code, page.error.message)
  let next: string | undefined
  if (page.value.next !== undefined) {
    const url = new URL(c.req.url)
    // As Graph writes it: `$` of the option names literal, values percent-encoded.
    const part = (key: string, value: string) =>
      `${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(value)}`
    const parts: string[] = []
    url.searchParams.forEach((value, key) => {
      if (key !== '$skiptoken') parts.push(part(key, value))
    })
    parts.push(part('$skiptoken', page.value.next))
    next = `${deps.url}${url.pathname}?${parts.join('&')}`
  }
  return c.json({
    '@odata.context': odataContext(deps, fragment),
    ...(page.value.count === undefined ? {} : { '@odata.count': page.value.count }),
    ...(next ? { '@odata.nextLink': next } : {}),
    value: page.value.value,
  })
}

/** `GET /{collection}/$count`: the number as text/plain, as Graph answers it. */
export function collectionCount(
  c: GraphContext,
  items: readonly Record<string, unknown>[],
  query: CollectionQuery,
): Response {
  const count = countCollection(items, optionsOf(c), query)
  if (!count.ok) return graphError(c, 400, count.error.code, count.error.message)
  return c.text(String(count.value), 200, { 'Content-Type': 'text/plain; charset=utf-8' })
}

/** One object with `$select` and `$expand`, under `@odata.context`. */
export function entity(
  c: GraphContext,
  deps: HttpDeps,
  fragment: string,
  item: Record<string, unknown>,
  query: CollectionQuery,
): Response {
  const shown = queryObject(item, optionsOf(c), query)
  if (!shown.ok) return graphError(c, 400, shown.error.code, shown.error.message)
  return c.json({ '@odata.context': odataContext(deps, fragment), ...shown.value })
}
