import type { SecurityVariables } from '@sandbox/shared'
import type { SpConfig } from '../config'
import type { SpServices } from '../services'

/** Hono's typing of the SP's context: the security-header variables. */
export interface SpEnv {
  Variables: SecurityVariables
}

/** What every route module gets. */
export interface HttpDeps {
  readonly services: SpServices
  readonly config: SpConfig
  /** Public base URL. */
  readonly url: string
}

export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' }
