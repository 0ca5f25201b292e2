import { createServerApp, type DocumentStore, type Runtime } from '@sandbox/shared'
import type { IdpConfig } from './config'
import type { HttpDeps, IdpEnv } from './http/env'
import { graphRoutes } from './http/graph/graph-routes'
import { landingRoutes } from './http/landing'
import { metadataRoutes } from './http/metadata'
import { myAppsRoutes } from './http/my-apps'
import { samlEndpointRoutes } from './http/saml-endpoint'
import { sandboxApiRoutes } from './http/sandbox-api'
import { signInRoutes } from './http/sign-in'
import { tokenEndpointRoutes } from './http/token-endpoint'
import { createIdpServices, type IdpServices } from './services'
import type { IdpState } from './state/idp-state'

/** Everything the IdP's routes need, built once at start. */
export interface IdpDeps {
  readonly config: IdpConfig
  readonly runtime: Runtime
  readonly store: DocumentStore<IdpState>
  /** The public base URL, e.g. `http://localhost:7070`. */
  readonly url: string
}

const VERSION = '0.1.0'

/**
 * Builds the IdP's Hono app: thin routes over the services (built here unless given, so that
 * tests and the server can reach the same instances).
 */
export function createIdpApp(deps: IdpDeps, services: IdpServices = createIdpServices(deps)) {
  const http: HttpDeps = { services, url: deps.url }
  return createServerApp<IdpEnv>({
    service: 'entra-id-emulator',
    version: VERSION,
    product: 'Entra ID emulator',
    logPrefix: 'idp',
    log: deps.runtime.log,
  })
    .route('/', landingRoutes(http))
    .route('/', samlEndpointRoutes(http))
    .route('/', signInRoutes(http))
    .route('/', metadataRoutes(http))
    .route('/', myAppsRoutes(http))
    .route('/', tokenEndpointRoutes(http))
    .route('/', graphRoutes(http))
    .route('/', sandboxApiRoutes(http))
}
