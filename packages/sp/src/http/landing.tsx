import { Hono } from 'hono'
import type { SpDeps } from '../app'
import { OverviewPage } from '../views/overview'
import { WEBEX_STYLESHEET } from '../views/stylesheet'

/** Control Hub's home page and its stylesheet. */
export function landingRoutes(deps: SpDeps) {
  return new Hono()
    .get('/admin', (c) => {
      const org = deps.store.read().organization
      return c.html(
        <OverviewPage
          orgName={org.name}
          orgId={org.id}
          entityId={`https://idbroker.webex.com/${org.id}`}
          acsUrl={`${deps.url}/idb/Consumer/metaAlias/${org.id}/sp`}
        />,
      )
    })
    .get('/assets/webex.css', (c) =>
      c.body(WEBEX_STYLESHEET, 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'max-age=300',
      }),
    )
}
