import { createServerApp, type DocumentStore, type Runtime } from '@sandbox/shared'
import type { SpConfig } from './config'
import { adminApiRoutes } from './http/admin-api'
import { consoleRoutes } from './http/console/console-routes'
import { consoleAssetRoutes } from './http/console-assets'
import type { HttpDeps, SpEnv } from './http/env'
import { logoutRoutes } from './http/logout-routes'
import { scimFaultsApiRoutes } from './http/scim-faults-api'
import { scimRoutes } from './http/scim-routes'
import { scimTokensApiRoutes } from './http/scim-tokens-api'
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
  const http: HttpDeps = { services, config: deps.config, url: deps.url }
  return createServerApp<SpEnv>({
    service: 'webex-emulator',
    version: VERSION,
    product: 'Webex emulator',
    logPrefix: 'sp',
    log: deps.runtime.log,
  })
    .route('/', consoleAssetRoutes())
    .route('/', consoleRoutes(http))
    .route('/', adminApiRoutes(http))
    .route('/', signInRoutes(http))
    .route('/', logoutRoutes(http))
    .route('/', usersApiRoutes(http))
    .route('/', scimTokensApiRoutes(http))
    .route('/', scimFaultsApiRoutes(http))
    .route('/', scimRoutes(http))
}
