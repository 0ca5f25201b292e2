import { PROVISIONING_LOGS_HREF } from '../../views/console/pages/monitoring/monitoring-links'
import {
  TenantProvisioningLogPage,
  TenantProvisioningLogsPage,
} from '../../views/console/pages/monitoring/provisioning-logs-page'
import type { HttpDeps } from '../env'
import { consoleArea } from './console-area'
import { consolePage } from './console-page'
import { downloadLogs, filteredLogsPage } from './provisioning-log-filters'

/** Monitoring & health > Provisioning logs (the tenant's, every app) and one event's details. */
export function provisioningLogsRoutes(deps: HttpDeps) {
  const { provisioning, apps } = deps.services
  const appName = (spId: string) => {
    const found = apps.getByServicePrincipal(spId)
    return found.ok ? found.value.servicePrincipal.displayName : spId
  }
  return (
    consoleArea(deps, PROVISIONING_LOGS_HREF)
      .get(PROVISIONING_LOGS_HREF, (c) => {
        const page = consolePage(c, deps)
        const { logs, filters, valid } = filteredLogsPage(c, deps, {
          listHref: PROVISIONING_LOGS_HREF,
          downloadHref: `${PROVISIONING_LOGS_HREF}/download`,
        })
        const appNames = Object.fromEntries(
          [...new Set(logs.map((l) => l.servicePrincipalId))].map((id) => [id, appName(id)]),
        )
        const view = (
          <TenantProvisioningLogsPage
            frame={page.frame(PROVISIONING_LOGS_HREF)}
            logs={logs}
            appNames={appNames}
            filters={filters}
          />
        )
        return valid ? page.show(view) : page.invalid(view)
      })
      // Before `:logId`, which would otherwise take "download" for a log id.
      .get(`${PROVISIONING_LOGS_HREF}/download`, (c) =>
        downloadLogs(c, deps, { fileTitle: 'Provisioning logs' }),
      )
      .get(`${PROVISIONING_LOGS_HREF}/:logId`, (c) => {
        const log = provisioning.log(c.req.param('logId'))
        if (!log)
          return c.text('This provisioning log entry does not exist. Go back to Provisioning logs.', 404)
        const page = consolePage(c, deps)
        return page.show(
          <TenantProvisioningLogPage
            frame={page.frame(PROVISIONING_LOGS_HREF)}
            log={log}
            targetSystem={appName(log.servicePrincipalId)}
          />,
        )
      })
  )
}
