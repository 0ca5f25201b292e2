import type { MiddlewareHandler } from 'hono'
import { clientSource, type HttpDeps, type SpEnv } from './env'

/** The path after either SCIM base (`/identity/scim/{orgId}/v2`, `/v1/scim/{orgId}`). */
function pathAfterBase(path: string): string {
  return path.replace(/^\/(?:identity\/scim\/[^/]+\/v2|v1\/scim\/[^/]+)/, '') || '/'
}

/**
 * Hands every answered SCIM request to the SCIM activity log: who called (how the token
 * checked out, the socket's source, the User-Agent), the body the route read, the status, a
 * creation's new id and a failure's SCIM error.
 */
export function scimActivityRecorder(deps: HttpDeps): MiddlewareHandler<SpEnv> {
  const { scim } = deps.services
  return async (c, next) => {
    const method = c.req.method
    const path = pathAfterBase(c.req.path)
    const targetNameBefore = method === 'GET' ? null : scim.activityTargetName(path)
    await next()
    const status = c.res.status
    // Only a failure's answer is read (for its detail): a creation's id is in its Location, and
    // copying every created resource's body would cost each provisioning create a parse.
    const json = (c.res.headers.get('content-type') ?? '').includes('json')
    const responseBody =
      json && status >= 400
        ? await c.res
            .clone()
            .json()
            .catch(() => undefined)
        : undefined
    const location = status === 201 ? c.res.headers.get('location') : null
    scim.recordActivity({
      method,
      path,
      caller: {
        credential: c.get('scimCredential') ?? 'no-token',
        source: clientSource(c),
        userAgent: c.req.header('user-agent')?.slice(0, 200) ?? null,
        tokenName: c.get('scimTokenName') ?? null,
      },
      requestBody: c.get('scimRequestBody'),
      status,
      responseBody,
      createdId: location ? decodeURIComponent(location.slice(location.lastIndexOf('/') + 1)) : null,
      targetNameBefore,
      fault: c.get('scimFault') ?? null,
    })
  }
}
