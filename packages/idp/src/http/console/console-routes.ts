import { Hono } from 'hono'
import type { HttpDeps, IdpEnv } from '../env'
import { enterpriseAppsRoutes } from './enterprise-apps/enterprise-apps-routes'
import { groupsRoutes } from './groups'
import { monitoringRoutes } from './monitoring'
import { overviewRoutes } from './overview'
import { provisioningLogsRoutes } from './provisioning-logs'
import { samlInspectorRoutes } from './saml-inspector'
import { signOutRoutes } from './sign-out'
import { trainingRoutes } from './training'
import { trainingModeRoutes } from './training-mode'
import { usersRoutes } from './users'

/**
 * Every admin center page: one route module per area (see README.md here), each guarded by
 * `requireConsoleAdmin` on its own paths. A new area is one more line below and one entry in
 * `CONSOLE_NAV`.
 */
export function consoleRoutes(deps: HttpDeps) {
  return new Hono<IdpEnv>()
    .route('/', overviewRoutes(deps))
    .route('/', usersRoutes(deps))
    .route('/', groupsRoutes(deps))
    .route('/', monitoringRoutes(deps))
    .route('/', provisioningLogsRoutes(deps))
    .route('/', samlInspectorRoutes(deps))
    .route('/', enterpriseAppsRoutes(deps))
    .route('/', trainingRoutes(deps))
    .route('/', signOutRoutes(deps))
    .route('/', trainingModeRoutes(deps))
}
