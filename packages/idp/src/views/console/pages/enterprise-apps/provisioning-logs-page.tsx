import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { AppBlade, type AppRef } from './app-blade'
import { type LogFiltersView, ProvisioningLogFilters } from './provisioning-log-filters'
import { type ProvisioningLog, ProvisioningLogDetail, ProvisioningLogTable } from './provisioning-log-views'

/** The app's Provisioning logs: its events, newest first. */
export function AppProvisioningLogsPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly logs: readonly ProvisioningLog[]
  readonly filters: LogFiltersView
}) {
  const { app } = props
  return (
    <ConsoleLayout title={`${app.displayName} | Provisioning logs`} {...props.frame}>
      <AppBlade app={app} page="Provisioning logs" icon="logs" currentHref={app.hrefs.provisioningLogs}>
        <ProvisioningLogFilters view={props.filters} />
        <ProvisioningLogTable
          logs={props.logs}
          targetSystem={() => app.displayName}
          hrefOf={(log) => app.hrefs.provisioningLog(log.id)}
        />
      </AppBlade>
    </ConsoleLayout>
  )
}

/** One event of the app's Provisioning logs, with its steps and SCIM exchanges. */
export function AppProvisioningLogPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly log: ProvisioningLog
}) {
  const { app, log } = props
  return (
    <ConsoleLayout title={`${app.displayName} | Provisioning log`} {...props.frame}>
      <AppBlade
        app={app}
        page={`Provisioning log: ${log.sourceIdentity.displayName}`}
        icon="logs"
        currentHref={app.hrefs.provisioningLogs}
        trail={[{ label: 'Provisioning logs', href: app.hrefs.provisioningLogs }]}
      >
        <ProvisioningLogDetail log={log} targetSystem={app.displayName} />
      </AppBlade>
    </ConsoleLayout>
  )
}
