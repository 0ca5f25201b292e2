import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { HttpDeps, IdpEnv } from './env'
import { renderResult } from './render-outcome'
import { clientAddress, formFields, sessionIdOf } from './request-facts'

/** The largest form the SAML and sign-in endpoints read (a POST-binding message is at most 512 KiB). */
const MAX_FORM_BYTES = 768 * 1024

/** `/{tenant}/saml2`: AuthnRequest, LogoutRequest and LogoutResponse over HTTP-Redirect (GET) and HTTP-POST. */
export function samlEndpointRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .get('/:tenant/saml2', (c) => {
      const rawQuery = new URL(c.req.url).search.replace(/^\?/, '')
      const result = deps.services.sso.receive(
        c.req.param('tenant'),
        { binding: 'redirect', rawQuery },
        { sessionId: sessionIdOf(c), ip: clientAddress(c), loginHint: c.req.query('login_hint') ?? null },
      )
      return renderResult(c, deps, result)
    })
    .post(
      '/:tenant/saml2',
      bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => c.text('The SAML message is too large.', 413) }),
      async (c) => {
        const form = await formFields(c)
        const result = deps.services.sso.receive(
          c.req.param('tenant'),
          {
            binding: 'post',
            form: {
              SAMLRequest: form.SAMLRequest,
              SAMLResponse: form.SAMLResponse,
              RelayState: form.RelayState,
            },
          },
          { sessionId: sessionIdOf(c), ip: clientAddress(c), loginHint: c.req.query('login_hint') ?? null },
        )
        return renderResult(c, deps, result)
      },
    )
}
