import { type DocumentStore, healthRoutes, type Runtime, sandboxSecurityHeaders } from '@sandbox/shared'
import { Hono } from 'hono'
import type { IdpConfig } from './config'
import { landingRoutes } from './http/landing'
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

/** Builds the IdP's Hono app: thin routes over the services. */
export function createIdpApp(deps: IdpDeps) {
  const startedAt = Date.now()
  return new Hono()
    .use(sandboxSecurityHeaders())
    .route('/', healthRoutes('entra-id-emulator', VERSION, startedAt))
    .route('/', landingRoutes(deps))
}
