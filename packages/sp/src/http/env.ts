// http/: the SP's HTTP edge: route modules (read input, call a service, answer), cookies, and the one error mapping.
import type { IncomingMessage } from 'node:http'
import { type ClientSource, clientSourceOf, type SecurityVariables } from '@sandbox/shared'
import type { Context } from 'hono'
import type { SpConfig } from '../config'
import type { ScimCredential } from '../scim/scim-activity'
import type { SpServices } from '../services'

/** Hono's typing of the SP's context: the security-header variables and the Node bindings. */
export interface SpEnv {
  Variables: SecurityVariables & {
    /** How a SCIM request authenticated (set by the SCIM auth), for the activity log. */
    scimCredential?: ScimCredential
    /** The name of the connector token a SCIM request used (none for the organization's token). */
    scimTokenName?: string
    /** The SCIM JSON body a route read, for the activity log. */
    scimRequestBody?: unknown
    /** The sandbox fault preset that answered a SCIM call, for the activity log. */
    scimFault?: string
  }
  Bindings: { incoming?: IncomingMessage }
}

/** The client source of the request's socket (never a forwarded header, which anyone can forge). */
export function clientSource(c: Context<SpEnv>): ClientSource {
  return clientSourceOf(c.env?.incoming?.socket?.remoteAddress)
}

/** What every route module gets. */
export interface HttpDeps {
  readonly services: SpServices
  readonly config: SpConfig
  /** Public base URL. */
  readonly url: string
}

export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' }
