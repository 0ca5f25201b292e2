import type { IncomingMessage } from 'node:http'
import type { IdpServices } from '../services'

/** The Hono environment of the IdP: security-header variables and the Node bindings. */
export interface IdpEnv {
  Variables: {
    secureHeadersNonce?: string
    formActionOrigins?: readonly string[]
  }
  Bindings: { incoming?: IncomingMessage }
}

/** What the HTTP layer needs: the services and where the IdP is served. */
export interface HttpDeps {
  readonly services: IdpServices
  /** The public base URL, e.g. `http://localhost:7070`. */
  readonly url: string
  /** The tenant GUID (paths the IdP builds use it). */
  readonly tenantId: () => string
}
