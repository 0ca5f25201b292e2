import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { SignInPage } from '../views/sign-in-page'
import type { HttpDeps, IdpEnv } from './env'
import { renderResult } from './render-outcome'
import { clientAddress, formFields, isSameOrigin, sessionIdOf } from './request-facts'

/** The sign-in page (`/{tenant}/login`) and the IdP sign-out (`/{tenant}/logout`). */
export function signInRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .get('/:tenant/login', (c) => {
      const tenant = c.req.param('tenant')
      const page = deps.services.signIn.page(tenant, c.req.query('ctx'), clientAddress(c))
      if (!page.ok) return renderResult(c, deps, page.error)
      return c.html(<SignInPage action={`/${tenant}/login`} {...page.value} />, 200, {
        'Cache-Control': 'no-store',
      })
    })
    .post(
      '/:tenant/login',
      bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('The sign-in form is too large.', 413) }),
      async (c) => {
        if (!isSameOrigin(c, deps.url)) {
          return c.text(
            'The sign-in form must be posted from this site (the Origin header does not match).',
            403,
          )
        }
        const tenant = c.req.param('tenant')
        const form = await formFields(c)
        const submitted = await deps.services.signIn.submit(tenant, form, {
          sessionId: sessionIdOf(c),
          ip: clientAddress(c),
        })
        if (submitted.kind === 'result') return renderResult(c, deps, submitted.result)
        const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
        const locked = submitted.lockedForSeconds !== null
        if (locked) headers['Retry-After'] = String(submitted.lockedForSeconds)
        return c.html(
          <SignInPage action={`/${tenant}/login`} {...submitted.page} />,
          locked ? 429 : 200,
          headers,
        )
      },
    )
    .get('/:tenant/logout', (c) => {
      deps.services.sessions.end(sessionIdOf(c))
      return renderResult(c, deps, { outcome: { kind: 'signed-out', note: null }, session: 'end' })
    })
}
