// http/graph/: the Graph-shaped API under /v1.0: its routes, Graph's error body, and the OData answers.
import { Hono } from 'hono'
import { bearerAuth } from '../bearer-auth'
import type { HttpDeps, IdpEnv } from '../env'
import { graphApplicationRoutes } from './graph-applications'
import { graphError } from './graph-errors'
import { graphGroupRoutes } from './graph-groups'
import { graphPolicyRoutes } from './graph-policies'
import { graphServicePrincipalRoutes } from './graph-service-principals'
import { graphSynchronizationRoutes } from './graph-synchronization'
import { graphUserRoutes } from './graph-users'

/**
 * The Microsoft Graph-shaped admin API under `/v1.0`: the subset that configuring a SAML app
 * needs, with Graph's JSON shapes, `@odata` fields and error format, behind a bearer token.
 */
export function graphRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .use('/v1.0/*', bearerAuth(deps))
    .route('/v1.0', graphUserRoutes(deps))
    .route('/v1.0', graphGroupRoutes(deps))
    .route('/v1.0', graphApplicationRoutes(deps))
    .route('/v1.0', graphServicePrincipalRoutes(deps))
    .route('/v1.0', graphPolicyRoutes(deps))
    .route('/v1.0', graphSynchronizationRoutes(deps))
    .all('/v1.0/*', (c) => {
      const segment = new URL(c.req.url).pathname.replace(/^\/v1\.0\/?/, '').split('/')[0] ?? ''
      return graphError(c, 'BadRequest', `Resource not found for the segment '${segment}'.`)
    })
}
