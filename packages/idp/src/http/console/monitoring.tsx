import { auditCsv } from '../../audit/audit-export'
import { readableAuditRecord } from '../../audit/audit-values'
import { graphDirectoryAudit } from '../../graph/audit-projections'
import { graphSignIn } from '../../graph/directory-projections'
import { signInsCsv } from '../../sign-in-log/sign-in-export'
import { withQuery } from '../../views/console/pages/list-paging'
import { AuditDetailsPane, AuditLogsPage } from '../../views/console/pages/monitoring/audit-logs-page'
import {
  DOWNLOAD_PANE,
  LogDownloadPane,
  type LogEntries,
} from '../../views/console/pages/monitoring/log-download-pane'
import { AUDIT_LOGS_HREF, SIGN_IN_LOGS_HREF } from '../../views/console/pages/monitoring/monitoring-links'
import { SignInDetailsPane } from '../../views/console/pages/monitoring/sign-in-log-table'
import { SignInLogsPage } from '../../views/console/pages/monitoring/sign-in-logs-page'
import { SignInDetailsTabs, SignInTraceTab } from '../../views/console/pages/monitoring/sign-in-trace-tab'
import type { HttpDeps } from '../env'
import { consoleArea } from './console-area'
import { consolePage } from './console-page'
import { listQueryOf } from './list-query'
import { logDownload } from './log-download'

const SIGN_INS: LogEntries = { one: 'sign-in', many: 'sign-ins', capacity: '1,000' }
const CHANGES: LogEntries = { one: 'change', many: 'changes', capacity: '2,000' }

/**
 * Monitoring & health: Sign-in logs and Audit logs, each with a details pane (`?pane=details&id=`)
 * and a Download pane (`?pane=download`) whose files hold every entry the log keeps.
 */
export function monitoringRoutes(deps: HttpDeps) {
  const { signInLog, audit, traces } = deps.services
  return consoleArea(deps, '/monitoring')
    .get(SIGN_IN_LOGS_HREF, (c) => {
      const page = consolePage(c, deps)
      const { page: number } = listQueryOf(c)
      const list = signInLog.find({ page: number })
      const record = c.req.query('pane') === 'details' ? signInLog.get(c.req.query('id') ?? '') : undefined
      const closeHref = withQuery(SIGN_IN_LOGS_HREF, { page: list.page === 0 ? '' : String(list.page) })
      const pageNumber = list.page === 0 ? '' : String(list.page)
      const detailsHref = withQuery(SIGN_IN_LOGS_HREF, {
        page: pageNumber,
        pane: 'details',
        id: record?.id ?? '',
      })
      const onTrace = c.req.query('tab') === 'trace'
      const trace = record && onTrace ? traces.traceOfSignIn(record.id) : undefined
      const pane = record ? (
        <SignInDetailsPane
          record={record}
          closeHref={closeHref}
          tabs={
            <SignInDetailsTabs
              detailsHref={detailsHref}
              currentHref={onTrace ? `${detailsHref}&tab=trace` : detailsHref}
            />
          }
          trace={
            trace ? (
              <SignInTraceTab
                trace={trace.ok ? trace.value : null}
                downloadHref={`${SIGN_IN_LOGS_HREF}/${encodeURIComponent(record.id)}/trace.har`}
              />
            ) : undefined
          }
        />
      ) : c.req.query('pane') === DOWNLOAD_PANE ? (
        <LogDownloadPane
          closeHref={closeHref}
          listHref={SIGN_IN_LOGS_HREF}
          count={signInLog.list().length}
          entries={SIGN_INS}
        />
      ) : undefined
      return page.show(<SignInLogsPage frame={page.frame(SIGN_IN_LOGS_HREF)} list={list} overlay={pane} />)
    })
    .get(`${SIGN_IN_LOGS_HREF}/download`, (c) => {
      // Its own path segment count keeps it apart from `:id/trace.har`.
      const records = signInLog.list()
      return logDownload(c, deps, {
        fileName: (day, format) => `InteractiveSignIns_${day}.${format}`,
        csv: () => signInsCsv(records),
        json: () => records.map(graphSignIn),
      })
    })
    .get(`${AUDIT_LOGS_HREF}/download`, (c) => {
      const records = audit.list()
      return logDownload(c, deps, {
        fileName: (day, format) => `AuditLogs_${day}.${format}`,
        csv: () => auditCsv(records),
        json: () => records.map(graphDirectoryAudit),
      })
    })
    .get(`${SIGN_IN_LOGS_HREF}/:id/trace.har`, (c) => {
      // The export is the API's: the messages as HAR entries, every secret the IdP holds redacted.
      const trace = traces.traceOfSignIn(c.req.param('id'))
      const har = trace.ok ? traces.exportHar(trace.value.id) : trace
      if (!har.ok) return c.text('No trace was kept for this sign-in.', 404, { 'Cache-Control': 'no-store' })
      return c.json(har.value, 200, {
        'Content-Disposition': 'attachment; filename="sign-in-trace.har"',
        'Cache-Control': 'no-store',
      })
    })
    .get(AUDIT_LOGS_HREF, (c) => {
      const page = consolePage(c, deps)
      const { page: number } = listQueryOf(c)
      const found = audit.find({ page: number })
      const list = { ...found, items: found.items.map(readableAuditRecord) }
      const shown = c.req.query('pane') === 'details' ? audit.get(c.req.query('id') ?? '') : undefined
      const record = shown ? readableAuditRecord(shown) : undefined
      const closeHref = withQuery(AUDIT_LOGS_HREF, { page: list.page === 0 ? '' : String(list.page) })
      return page.show(
        <AuditLogsPage
          frame={page.frame(AUDIT_LOGS_HREF)}
          list={list}
          overlay={
            record ? (
              <AuditDetailsPane record={record} closeHref={closeHref} />
            ) : c.req.query('pane') === DOWNLOAD_PANE ? (
              <LogDownloadPane
                closeHref={closeHref}
                listHref={AUDIT_LOGS_HREF}
                count={audit.list().length}
                entries={CHANGES}
              />
            ) : undefined
          }
        />,
      )
    })
}
