import { graphProvisioningLog } from '../../graph/synchronization-projections'
import { provisioningLogsCsv } from '../../provisioning/log-export'
import { logFilterQuery, parseLogFilterFields } from '../../provisioning/log-filter-form'
import type { LogFilter } from '../../provisioning/log-query'
import type { ProvisioningService } from '../../provisioning/provisioning-service'
import type { LogFiltersView } from '../../views/console/pages/enterprise-apps/provisioning-log-filters'
import type { HttpDeps, IdpContext } from '../env'
import { logDownload } from './log-download'

type Log = ReturnType<ProvisioningService['logs']>[number]

/** The page shows the newest 200 matches; a download takes up to the service's cap. */
const PAGE_TOP = 200
const DOWNLOAD_TOP = 1000

/**
 * The Provisioning logs filters of this request (`listHref` is the page, `downloadHref` its
 * download): the matching logs for the page, the form's echo and its error, if any.
 */
export function filteredLogsPage(
  c: IdpContext,
  deps: HttpDeps,
  scope: { listHref: string; downloadHref: string; servicePrincipalId?: string },
): { logs: Log[]; filters: LogFiltersView; valid: boolean } {
  const parsed = parseLogFilterFields(c.req.query())
  const fields = parsed.ok ? parsed.value.fields : parsed.error.fields
  const query = parsed.ok ? logFilterQuery(fields) : ''
  const download = (format: string) => `${scope.downloadHref}?${query ? `${query}&` : ''}format=${format}`
  const filters: LogFiltersView = {
    action: scope.listHref,
    fields,
    ...(parsed.ok ? {} : { error: parsed.error.message }),
    downloadCsvHref: download('csv'),
    downloadJsonHref: download('json'),
  }
  const logs = parsed.ok
    ? deps.services.provisioning.logs({ ...parsed.value.filter, ...idOf(scope), top: PAGE_TOP })
    : []
  return { logs, filters, valid: parsed.ok }
}

function idOf(scope: { servicePrincipalId?: string }): LogFilter {
  return scope.servicePrincipalId ? { servicePrincipalId: scope.servicePrincipalId } : {}
}

/**
 * "Download CSV" / "Download JSON": the events the filters select, as an attachment named after
 * the list and the day (`Cisco Webex provisioning logs 2026-12-02.csv`). The JSON holds Graph's
 * `provisioningObjectSummary` objects; SCIM requests in it carry the token already redacted.
 */
export function downloadLogs(
  c: IdpContext,
  deps: HttpDeps,
  scope: { servicePrincipalId?: string; fileTitle: string },
): Response {
  const parsed = parseLogFilterFields(c.req.query())
  if (!parsed.ok) return c.text(parsed.error.message, 400)
  const { provisioning, apps, tenant } = deps.services
  const logs = provisioning.logs({ ...parsed.value.filter, ...idOf(scope), top: DOWNLOAD_TOP })
  const appName = (log: Log) => {
    const found = apps.getByServicePrincipal(log.servicePrincipalId)
    return found.ok ? found.value.servicePrincipal.displayName : log.servicePrincipalId
  }
  return logDownload(c, deps, {
    fileName: (day, format) => `${scope.fileTitle} ${day}.${format}`,
    csv: () => provisioningLogsCsv(logs, appName),
    json: () => logs.map((log) => graphProvisioningLog(log, tenant.id(), appName(log), appName(log))),
  })
}
