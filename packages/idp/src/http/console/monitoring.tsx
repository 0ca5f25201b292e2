import { withQuery } from '../../views/console/pages/list-paging'
import { AuditDetailsPane, AuditLogsPage } from '../../views/console/pages/monitoring/audit-logs-page'
import { AUDIT_LOGS_HREF, SIGN_IN_LOGS_HREF } from '../../views/console/pages/monitoring/monitoring-links'
import { SignInDetailsPane } from '../../views/console/pages/monitoring/sign-in-log-table'
import { SignInLogsPage } from '../../views/console/pages/monitoring/sign-in-logs-page'
import type { HttpDeps } from '../env'
import { consoleArea } from './console-area'
import { consolePage } from './console-page'
import { listQueryOf } from './list-query'

/** Monitoring & health: Sign-in logs and Audit logs, each with a details pane (`?pane=details&id=`). */
export function monitoringRoutes(deps: HttpDeps) {
  const { signInLog, audit } = deps.services
  return consoleArea(deps, '/monitoring')
    .get(SIGN_IN_LOGS_HREF, (c) => {
      const page = consolePage(c, deps)
      const { page: number } = listQueryOf(c)
      const list = signInLog.find({ page: number })
      const record = c.req.query('pane') === 'details' ? signInLog.get(c.req.query('id') ?? '') : undefined
      const closeHref = withQuery(SIGN_IN_LOGS_HREF, { page: list.page === 0 ? '' : String(list.page) })
      return page.show(
        <SignInLogsPage
          frame={page.frame(SIGN_IN_LOGS_HREF)}
          list={list}
          overlay={record ? <SignInDetailsPane record={record} closeHref={closeHref} /> : undefined}
        />,
      )
    })
    .get(AUDIT_LOGS_HREF, (c) => {
      const page = consolePage(c, deps)
      const { page: number } = listQueryOf(c)
      const list = audit.find({ page: number })
      const record = c.req.query('pane') === 'details' ? audit.get(c.req.query('id') ?? '') : undefined
      const closeHref = withQuery(AUDIT_LOGS_HREF, { page: list.page === 0 ? '' : String(list.page) })
      return page.show(
        <AuditLogsPage
          frame={page.frame(AUDIT_LOGS_HREF)}
          list={list}
          overlay={record ? <AuditDetailsPane record={record} closeHref={closeHref} /> : undefined}
        />,
      )
    })
}
