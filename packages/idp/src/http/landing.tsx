import { Hono } from 'hono'
import { assetRoutes } from './assets'
import { consoleRoutes } from './console/console-routes'
import type { HttpDeps } from './env'

/** The admin center's pages (behind the console sign-in) and the Entra pages' assets. */
export function landingRoutes(deps: HttpDeps) {
  return new Hono().route('/', consoleRoutes(deps)).route('/', assetRoutes())
}
