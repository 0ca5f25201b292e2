import type { Context, MiddlewareHandler } from 'hono'
import type { ScimCredential } from '../scim/scim-activity'
import { TOKEN_QUERY_PARAMETERS } from '../scim/scim-token'
import type { HttpDeps, SpEnv } from './env'
import { scimErrorResponse } from './scim-responses'

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
export function scimAuth(deps: HttpDeps): MiddlewareHandler<SpEnv> {
  return async (c, next) => {
    const credential = (found: ScimCredential) => c.set('scimCredential', found)
    const query = new URL(c.req.url).searchParams
    const leaked = [...query.keys()].find((k) => TOKEN_QUERY_PARAMETERS.includes(k.toLowerCase()))
    if (leaked) {
      credential('token-in-query')
      return unauthorized(
        c,
        `Tokens are never read from the query string ("${leaked}"); send them as Authorization: Bearer <token>, and regenerate this token since it may now be in logs.`,
        true,
      )
    }
    const checked = await deps.services.scimToken.check(c.req.header('authorization'))
    const refusal = checked.ok ? null : checked.refusal
    if (refusal === 'missing') {
      credential('no-token')
      return unauthorized(
        c,
        'Authentication required: send Authorization: Bearer <the SCIM token from Control Hub>.',
        false,
      )
    }
    if (refusal === 'not-bearer') {
      credential('not-bearer')
      return unauthorized(
        c,
        'Only bearer tokens are accepted: send Authorization: Bearer <token> (not Basic or other schemes).',
        true,
      )
    }
    if (refusal === 'wrong') {
      credential('wrong-token')
      return unauthorized(
        c,
        'The bearer token is not valid for this organization. Copy the current SCIM token from Control Hub (it changes when regenerated) into Entra > Provisioning > Secret Token.',
        true,
      )
    }
    credential('scim-token')
    if (checked.ok && checked.connector) c.set('scimTokenName', checked.connector.name)
    await next()
  }
}
