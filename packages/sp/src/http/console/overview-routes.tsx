import { Hono } from 'hono'
import { OverviewPage } from '../../views/console/pages/overview-page'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleEnv } from './console-env'
import { consoleChrome, renderPage } from './console-page'

/** Control Hub > Overview (`/admin`). */
export function consoleOverviewRoutes(deps: HttpDeps) {
  return new Hono<ConsoleEnv>()
    .use('/admin', requireControlHubAdmin(deps))
    .get('/admin', (c) =>
      renderPage(
        c,
        <OverviewPage
          chrome={consoleChrome(c, deps, 'overview')}
          overview={deps.services.controlHub.overview()}
        />,
      ),
    )
}
