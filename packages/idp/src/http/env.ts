// http/: the HTTP adapter: Hono routes that read a request, call a service, and map its result or error code to a response.
import type { IncomingMessage } from 'node:http'
import type { ActiveExerciseView, TrainingPanelModel } from '@sandbox/shared'
import type { Context } from 'hono'
import type { TokenPrincipal } from '../oauth/access-tokens'
import type { IdpServices } from '../services'
import type { ConsoleAdmin } from '../sessions/console-sessions'

/** The Hono environment of the IdP: security-header variables and the Node bindings. */
export interface IdpEnv {
  Variables: {
    secureHeadersNonce?: string
    formActionOrigins?: readonly string[]
    /** The Graph request id (response header `request-id`, and `innerError` of errors). */
    graphRequestId?: string
    /** When the Graph request arrived (`innerError.date`). */
    graphRequestDate?: string
    /** The client's `client-request-id`, echoed. */
    clientRequestId?: string
    /** Who the Graph or sandbox API bearer token speaks for. */
    principal?: TokenPrincipal
    /** The signed-in admin of a console page (set by `requireConsoleAdmin`). */
    consoleAdmin?: ConsoleAdmin
    /** The training progress panel of a console page, read before the route while training mode is on. */
    trainingPanel?: TrainingPanelModel
    /** The break-it exercise handed out, shown at the panel's end. */
    trainingActive?: ActiveExerciseView
  }
  Bindings: { incoming?: IncomingMessage }
}

/** A request context of the IdP's routes. */
export type IdpContext = Context<IdpEnv>

/** What the HTTP layer needs: the services and where the IdP is served. */
export interface HttpDeps {
  readonly services: IdpServices
  /** The public base URL, e.g. `http://localhost:7070`. */
  readonly url: string
}
