import { Blade } from '../../blade'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { type LogFiltersView, ProvisioningLogFilters } from '../enterprise-apps/provisioning-log-filters'
import {
  type ProvisioningLog,
  ProvisioningLogDetail,
  ProvisioningLogTable,
} from '../enterprise-apps/provisioning-log-views'
import { PROVISIONING_LOGS_HREF } from './monitoring-links'

/** Monitoring & health > Provisioning logs: every app's provisioning events, newest first. */
export function TenantProvisioningLogsPage(props: {
  readonly frame: ConsoleFrame
  readonly logs: readonly ProvisioningLog[]
  /** The app (target system) of each service principal id. */
  readonly appNames: Readonly<Record<string, string>>
  readonly filters: LogFiltersView
}) {
  return (
    <ConsoleLayout title="Provisioning logs" {...props.frame}>
      <Blade
        breadcrumbs={[{ label: 'Home', href: '/' }, { label: 'Provisioning logs' }]}
        object="Provisioning logs"
        subtitle={props.frame.tenantName}
        icon="logs"
        commands={
          <CommandBar
            label="Provisioning logs commands"
            commands={[{ kind: 'link', label: 'Refresh', icon: 'refresh', href: PROVISIONING_LOGS_HREF }]}
          />
        }
      >
        <ProvisioningLogFilters view={props.filters} />
        <ProvisioningLogTable
          logs={props.logs}
          targetSystem={(log) => props.appNames[log.servicePrincipalId] ?? log.servicePrincipalId}
          hrefOf={(log) => `${PROVISIONING_LOGS_HREF}/${encodeURIComponent(log.id)}`}
        />
      </Blade>
    </ConsoleLayout>
  )
}

/** One event of the tenant's Provisioning logs. */
export function TenantProvisioningLogPage(props: {
  readonly frame: ConsoleFrame
  readonly log: ProvisioningLog
  readonly targetSystem: string
}) {
  return (
    <ConsoleLayout title="Provisioning log" {...props.frame}>
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/' },
          { label: 'Provisioning logs', href: PROVISIONING_LOGS_HREF },
          { label: props.log.sourceIdentity.displayName },
        ]}
        object="Provisioning log"
        page={props.log.sourceIdentity.displayName}
        subtitle={props.frame.tenantName}
        icon="logs"
        closeHref={PROVISIONING_LOGS_HREF}
      >
        <ProvisioningLogDetail log={props.log} targetSystem={props.targetSystem} />
      </Blade>
    </ConsoleLayout>
  )
}
