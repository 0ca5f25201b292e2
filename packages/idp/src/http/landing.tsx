import { Hono } from 'hono'
import type { IdpDeps } from '../app'
import { OverviewPage } from '../views/overview'
import { ENTRA_STYLESHEET } from '../views/stylesheet'

/** The admin center's home page and its stylesheet. */
export function landingRoutes(deps: IdpDeps) {
  return new Hono()
    .get('/', (c) => {
      const state = deps.store.read()
      return c.html(
        <OverviewPage
          tenantName={state.tenant.displayName}
          tenantId={state.tenant.id}
          defaultDomain={state.tenant.defaultDomain}
          userCount={state.users.length}
          issuer={`https://sts.windows.net/${state.tenant.id}/`}
          tenantMetadataUrl={`${deps.url}/${state.tenant.id}/FederationMetadata/2007-06/FederationMetadata.xml`}
        />,
      )
    })
    .get('/assets/entra.css', (c) =>
      c.body(ENTRA_STYLESHEET, 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'max-age=300',
      }),
    )
}
