import {
  type DocumentStore,
  healthRoutes,
  type Runtime,
  sandboxSecurityHeaders,
  sendableHeaders,
} from '@sandbox/shared'
import { Hono } from 'hono'
import type { SpConfig } from './config'
import { adminApiRoutes } from './http/admin-api'
import { consoleAssetRoutes } from './http/console-assets'
import type { HttpDeps, SpEnv } from './http/env'
import { landingRoutes } from './http/landing'
import { logoutRoutes } from './http/logout-routes'
import { scimRoutes } from './http/scim-routes'
import { signInRoutes } from './http/sign-in-routes'
import { usersApiRoutes } from './http/users-api'
import { createSpServices, type SpServices } from './services'
import type { SpState } from './state/sp-state'

/** Everything the SP's routes need, built once at start. */
export interface SpDeps {
  readonly config: SpConfig
  readonly runtime: Runtime
  readonly store: DocumentStore<SpState>
  /** The public base URL, e.g. `http://localhost:7080`. */
  readonly url: string
}

const VERSION = '0.1.0'

/** Builds the SP's Hono app: thin routes over the services (built here unless given). */
export function createSpApp(deps: SpDeps, services: SpServices = createSpServices(deps)) {
  const startedAt = Date.now()
  const http: HttpDeps = { services, config: deps.config, url: deps.url }
  return new Hono<SpEnv>()
    .use(sandboxSecurityHeaders())
    .use(sendableHeaders())
    .route('/', healthRoutes('webex-emulator', VERSION, startedAt))
    .route('/', consoleAssetRoutes())
    .route('/', landingRoutes(http))
    .route('/', adminApiRoutes(http))
    .route('/', signInRoutes(http))
    .route('/', logoutRoutes(http))
    .route('/', usersApiRoutes(http))
    .route('/', scimRoutes(http))
    .onError((error, c) => {
      deps.runtime.log(
        `sp: ${c.req.method} ${new URL(c.req.url).pathname} failed: ${error.stack ?? error.message}`,
      )
      return c.text('The Webex emulator hit an internal error; the details are in its log.', 500)
    })
}
