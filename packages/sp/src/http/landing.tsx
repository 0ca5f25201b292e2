import { Hono } from 'hono'
import { OverviewPage } from '../views/overview'
import type { HttpDeps } from './env'

/** Control Hub's home page (its stylesheet and script are served by `consoleAssetRoutes`). */
export function landingRoutes(deps: HttpDeps) {
  return new Hono().get('/admin', (c) => c.html(<OverviewPage {...deps.services.sso.overview()} />))
}
