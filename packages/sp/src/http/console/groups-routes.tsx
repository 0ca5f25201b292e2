import { Hono } from 'hono'
import { GroupDetailPage, GroupsPage } from '../../views/console/pages/groups-page'
import type { HttpDeps } from '../env'
import { requireControlHubAdmin } from './console-auth'
import type { ConsoleContext, ConsoleEnv } from './console-env'
import { consoleChrome, listPaging, renderPage } from './console-page'

/** Rows per page of the Groups list. */
export const GROUPS_PAGE_SIZE = 50

/** The Groups page for the request's search and page. */
function groupsListPage(c: ConsoleContext, deps: HttpDeps) {
  const paging = listPaging(c, '/admin/groups', GROUPS_PAGE_SIZE)
  const page = deps.services.groups.list({
    search: paging.query,
    offset: paging.offset,
    limit: GROUPS_PAGE_SIZE,
  })
  return (
    <GroupsPage
      chrome={consoleChrome(c, deps, 'groups')}
      groups={page.items}
      query={paging.query}
      pager={paging.pager(page)}
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
