// http/: what both servers' HTTP layers share: the app shell, security headers, header values,
// client sources.
import { type Env, Hono } from 'hono'
import type { Log } from '../runtime'
import { sendableHeaders } from './header-values'
import { healthRoutes } from './health'
import { sandboxSecurityHeaders } from './security-headers'

/** What sets one server's app apart from the other's. */
export interface ServerAppIdentity {
  /** The `service` that `/healthz` reports, e.g. `entra-id-emulator`. */
  readonly service: string
  readonly version: string
  /** How the server names itself to a person, e.g. `Entra ID emulator`. */
  readonly product: string
  /** Starts each log line of an unexpected error, e.g. `idp`. */
  readonly logPrefix: string
  readonly log: Log
}

/**
 * A server's Hono app before its routes: the sandbox's security headers and the check that
 * every header can be sent, on every response; `GET /healthz`; and the handler of errors no
 * route expected, which logs the request line and the stack and answers a plain 500 naming the
 * log, never the error itself. The servers mount their routes on what this returns.
 */
export function createServerApp<E extends Env>(identity: ServerAppIdentity) {
  const startedAt = Date.now()
  return new Hono<E>()
    .use(sandboxSecurityHeaders())
    .use(sendableHeaders())
    .onError((error, c) => {
      identity.log(
        `${identity.logPrefix}: ${c.req.method} ${new URL(c.req.url).pathname} failed: ${error.stack ?? error.message}`,
      )
      return c.text(`The ${identity.product} hit an internal error; the details are in its log.`, 500)
    })
    .route('/', healthRoutes(identity.service, identity.version, startedAt))
}
