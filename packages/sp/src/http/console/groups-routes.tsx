import { Hono } from 'hono'
import { GroupDetailPage, GroupsPage } from '../../views/console/pages/groups-page'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleContext, ConsoleEnv } from './console-env'
import { consoleChrome, renderPage } from './console-page'

/** Rows per page of the Groups list. */
export const GROUPS_PAGE_SIZE = 50

/** The Groups page for the request's search and page. */
function groupsListPage(c: ConsoleContext, deps: HttpDeps) {
  const query = (c.req.query('q') ?? '').slice(0, 200)
  const pageNumber = Math.max(1, Math.min(1_000_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1))
  const page = deps.services.groups.list({
    search: query,
    offset: (pageNumber - 1) * GROUPS_PAGE_SIZE,
    limit: GROUPS_PAGE_SIZE,
  })
  const href = (n: number) => {
    const params = new URLSearchParams()
    if (query) params.set('q', query)
    if (n > 1) params.set('page', String(n))
    const text = params.toString()
    return text ? `/admin/groups?${text}` : '/admin/groups'
  }
  return (
    <GroupsPage
      chrome={consoleChrome(c, deps, 'groups')}
      groups={page.items}
      query={query}
      pager={{
        from: page.total === 0 ? 0 : page.offset + 1,
        to: page.offset + page.items.length,
        total: page.total,
        previousHref: pageNumber > 1 ? href(pageNumber - 1) : null,
        nextHref: page.offset + page.items.length < page.total ? href(pageNumber + 1) : null,
      }}
    />
  )
}

/** Control Hub > Groups: the groups SCIM created, searched and paged, and one group's members. */
export function consoleGroupsRoutes(deps: HttpDeps) {
  return new Hono<ConsoleEnv>()
    .use('/admin/groups', requireControlHubAdmin(deps))
    .use('/admin/groups/*', requireControlHubAdmin(deps))
    .get('/admin/groups', (c) => renderPage(c, groupsListPage(c, deps)))
    .get('/admin/groups/:id', (c) => {
      const group = deps.services.groups.get(c.req.param('id').slice(0, 100))
      if (!group) return renderPage(c, groupsListPage(c, deps), 404)
      return renderPage(c, <GroupDetailPage chrome={consoleChrome(c, deps, 'groups')} group={group} />)
    })
}
