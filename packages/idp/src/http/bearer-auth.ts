import type { MiddlewareHandler } from 'hono'
import type { HttpDeps, IdpEnv } from './env'
import { graphError } from './graph/graph-errors'

const TOKEN_REFUSED = {
  missing: 'Access token is empty.',
  expired: 'Lifetime validation failed, the token is expired.',
  invalid: 'Access token validation failure. Invalid audience.',
} as const

/**
 * Bearer authentication for `/v1.0/*` and `/sandbox/api/*`: the token from the Authorization
 * header only (never the query string); 401 with `WWW-Authenticate: Bearer` otherwise, and 403
 * for a signed-in user who is not a Global Administrator. Sets the Graph request ids first, so
 * that every answer (errors included) carries them.
 */
export function bearerAuth(deps: HttpDeps): MiddlewareHandler<IdpEnv> {
  const { runtime, tokens, tenant } = deps.services
  return async (c, next) => {
    c.set('graphRequestId', runtime.ids.guid())
    c.set('graphRequestDate', new Date(runtime.clock.now()).toISOString().slice(0, 19))
    const clientRequestId = c.req.header('client-request-id')
    if (clientRequestId && /^[\w-]{1,64}$/.test(clientRequestId)) c.set('clientRequestId', clientRequestId)
    c.header('request-id', c.get('graphRequestId') ?? '')
    if (c.get('clientRequestId')) c.header('client-request-id', c.get('clientRequestId') ?? '')
    const check = tokens.check(c.req.header('authorization'))
    if (!check.ok) {
      c.header(
        'WWW-Authenticate',
        `Bearer realm="", authorization_uri="${deps.url}/${tenant.id()}/oauth2/v2.0/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
      )
      return graphError(c, 'InvalidAuthenticationToken', TOKEN_REFUSED[check.reason])
    }
    if (!check.mayAdminister)
      return graphError(
        c,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      )
    c.set('principal', check.principal)
    await next()
  }
}
