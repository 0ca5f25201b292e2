import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { HttpDeps, IdpEnv } from './env'
import { oauthErrorResponse, oauthMethodNotAllowed } from './oauth-errors'
import { clientAddress, formFields } from './request-facts'

/** `POST /{tenant}/oauth2/v2.0/token` (form-encoded): client_credentials and password grants. */
export function tokenEndpointRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .post(
      '/:tenant/oauth2/v2.0/token',
      bodyLimit({
        maxSize: 64 * 1024,
        onError: (c) =>
          c.json({ error: 'invalid_request', error_description: 'The request body is too large.' }, 413),
      }),
      async (c) => {
        const form = await formFields(c)
        const issued = await deps.services.tokenEndpoint.token(c.req.param('tenant'), form, clientAddress(c))
        c.header('Cache-Control', 'no-store')
        return issued.ok ? c.json(issued.value) : oauthErrorResponse(c, issued.error)
      },
    )
    .get('/:tenant/oauth2/v2.0/token', (c) => oauthMethodNotAllowed(c))
}
