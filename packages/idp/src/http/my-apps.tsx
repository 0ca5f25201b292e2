import { Hono } from 'hono'
import { MyAppDetailsPage, MyAppNotFoundPage } from '../views/my-app-details-page'
import { MyAppsPage } from '../views/my-apps-page'
import type { HttpDeps, IdpContext, IdpEnv } from './env'
import { renderResult } from './render-outcome'
import { clientAddress, sessionIdOf } from './request-facts'

const NO_STORE = { 'Cache-Control': 'no-store' }

/**
 * My Apps (`/myapps`, `?q=` searches; needs an IdP session), "Manage your application"
 * (`/myapps/apps/{servicePrincipalId}`), its tile launch (`/myapps/launch/{servicePrincipalId}`)
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
  const signInFirst = (c: IdpContext) =>
    renderResult(c, deps, deps.services.sso.signInFor({ kind: 'my-apps' }, clientAddress(c)))
  return new Hono<IdpEnv>()
    .get('/myapps', (c) => {
      const view = deps.services.myApps.view(sessionIdOf(c), c.req.query('q'))
      if (!view) return signInFirst(c)
      return c.html(<MyAppsPage view={view} />, 200, NO_STORE)
    })
    .get('/myapps/apps/:id', (c) => {
      const answer = deps.services.myApps.details(sessionIdOf(c), c.req.param('id'))
      if (answer.kind === 'signed-out') return signInFirst(c)
      if (answer.kind === 'not-yours')
        return c.html(<MyAppNotFoundPage account={answer.account} />, 404, NO_STORE)
      return c.html(<MyAppDetailsPage details={answer} />, 200, NO_STORE)
    })
    .get('/myapps/launch/:id', (c) => launch(c, 'my-apps'))
    .get('/sandbox/applications/:id/test', (c) => launch(c, 'test'))
}
