import { Hono } from 'hono'
import { OverviewPage } from '../views/overview'
import { assetRoutes } from './assets'
import { CONSOLE_NAV, OVERVIEW_HREF } from './console-nav'
import type { HttpDeps } from './env'

/** The admin center's home page and the Entra pages' assets. */
export function landingRoutes(deps: HttpDeps) {
  return new Hono()
    .get(OVERVIEW_HREF, (c) =>
      c.html(<OverviewPage {...deps.services.tenant.overview()} nav={CONSOLE_NAV} href={OVERVIEW_HREF} />),
    )
    .route('/', assetRoutes())
}
