import { ENTERPRISE_APPS_HREF } from '../../../views/console/pages/enterprise-apps/app-hrefs'
import type { HttpDeps } from '../../env'
import { consoleArea } from '../console-area'
import { appListRoutes } from './app-list-routes'
import { appPageRoutes } from './app-page-routes'
import { provisioningRoutes } from './provisioning-routes'
import { samlRoutes } from './saml-routes'

/** Applications > Enterprise applications: the list, the gallery and every page of an app, behind one guard. */
export function enterpriseAppsRoutes(deps: HttpDeps) {
  return consoleArea(deps, ENTERPRISE_APPS_HREF)
    .route('/', appListRoutes(deps))
    .route('/', appPageRoutes(deps))
    .route('/', samlRoutes(deps))
    .route('/', provisioningRoutes(deps))
}
