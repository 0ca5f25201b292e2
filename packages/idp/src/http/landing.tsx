import { Hono } from 'hono'
import type { IdpDeps } from '../app'
import { OverviewPage } from '../views/overview'
import { assetRoutes } from './assets'
import { CONSOLE_NAV, OVERVIEW_HREF } from './console-nav'

/** The admin center's home page and the Entra pages' assets. */
export function landingRoutes(deps: IdpDeps) {
  return new Hono()
    .get(OVERVIEW_HREF, (c) => {
      const state = deps.store.read()
      return c.html(
        <OverviewPage
          tenantName={state.tenant.displayName}
          tenantId={state.tenant.id}
          defaultDomain={state.tenant.defaultDomain}
          userCount={state.users.length}
          issuer={`https://sts.windows.net/${state.tenant.id}/`}
          tenantMetadataUrl={`${deps.url}/${state.tenant.id}/FederationMetadata/2007-06/FederationMetadata.xml`}
          nav={CONSOLE_NAV}
          href={OVERVIEW_HREF}
        />,
      )
    })
    .route('/', assetRoutes())
}
