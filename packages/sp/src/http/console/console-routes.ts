import { Hono } from 'hono'
import type { HttpDeps, SpEnv } from '../env'
import { consoleAuthenticationRoutes } from './authentication-routes'
import { consoleGroupsRoutes } from './groups-routes'
import { consoleManageUsersRoutes } from './manage-users-routes'
import { consoleOverviewRoutes } from './overview-routes'
import { consoleSamlInspectorRoutes } from './saml-inspector-routes'
import { consoleSettingsRoutes } from './settings-routes'
import { consoleSignInRoutes } from './sign-in-routes'
import { consoleTrainingModeRoutes } from './training-mode-routes'
import { consoleTrainingRoutes } from './training-routes'
import { consoleTroubleshootingRoutes } from './troubleshooting-routes'
import { consoleUsersRoutes } from './users-routes'

/** Control Hub's pages, one route module per area; every area guards its own paths. */
export function consoleRoutes(deps: HttpDeps) {
  return new Hono<SpEnv>()
    .route('/', consoleSignInRoutes(deps))
    .route('/', consoleOverviewRoutes(deps))
    .route('/', consoleManageUsersRoutes(deps))
    .route('/', consoleUsersRoutes(deps))
    .route('/', consoleGroupsRoutes(deps))
    .route('/', consoleSettingsRoutes(deps))
    .route('/', consoleTroubleshootingRoutes(deps))
    .route('/', consoleSamlInspectorRoutes(deps))
    .route('/', consoleAuthenticationRoutes(deps))
    .route('/', consoleTrainingRoutes(deps))
    .route('/', consoleTrainingModeRoutes(deps))
}
