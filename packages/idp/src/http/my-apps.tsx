import { Hono } from 'hono'
import { MyAppsPage } from '../views/my-apps-page'
import type { HttpDeps, IdpContext, IdpEnv } from './env'
import { renderResult } from './render-outcome'
import { clientAddress, sessionIdOf } from './request-facts'

/**
 * My Apps (`/myapps`, needs an IdP session), its tile launch (`/myapps/launch/{servicePrincipalId}`)
 * and the admin's "Test this application" (`/sandbox/applications/{servicePrincipalId}/test`).
 */
export function myAppsRoutes(deps: HttpDeps) {
  const launch = (c: IdpContext, via: 'my-apps' | 'test') =>
    renderResult(
      c,
      deps,
      deps.services.sso.launch(c.req.param('id') ?? '', via, {
        sessionId: sessionIdOf(c),
        ip: clientAddress(c),
      }),
    )
  return new Hono<IdpEnv>()
    .get('/myapps', (c) => {
      const view = deps.services.myApps.view(sessionIdOf(c))
      if (!view)
        return renderResult(c, deps, deps.services.sso.signInFor({ kind: 'my-apps' }, clientAddress(c)))
      return c.html(<MyAppsPage view={view} />, 200, { 'Cache-Control': 'no-store' })
    })
    .get('/myapps/launch/:id', (c) => launch(c, 'my-apps'))
    .get('/sandbox/applications/:id/test', (c) => launch(c, 'test'))
}
