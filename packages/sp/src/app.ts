import { type DocumentStore, healthRoutes, type Runtime, sandboxSecurityHeaders } from '@sandbox/shared'
import { Hono } from 'hono'
import type { SpConfig } from './config'
import { landingRoutes } from './http/landing'
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

/** Builds the SP's Hono app: thin routes over the services. */
export function createSpApp(deps: SpDeps) {
  const startedAt = Date.now()
  return new Hono()
    .use(sandboxSecurityHeaders())
    .route('/', healthRoutes('webex-emulator', VERSION, startedAt))
    .route('/', landingRoutes(deps))
}
