import { OverviewPage } from '../../views/overview'
import { OVERVIEW_HREF } from '../console-nav'
import type { HttpDeps } from '../env'
import { consoleArea } from './console-area'
import { consolePage } from './console-page'

/** Identity > Overview: the admin center's home page. */
export function overviewRoutes(deps: HttpDeps) {
  return consoleArea(deps, OVERVIEW_HREF).get(OVERVIEW_HREF, (c) => {
    const page = consolePage(c, deps)
    return page.show(<OverviewPage {...deps.services.tenant.overview()} frame={page.frame(OVERVIEW_HREF)} />)
  })
}
