import type { Child } from 'hono/jsx'
import type { ReadableAuditRecord as AuditRecord } from '../../../../audit/audit-values'
import type { ListPage } from '../../../../lists/list-page'
import { Blade } from '../../blade'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { DataTable } from '../../data-table'
import { DateTime } from '../../date-time'
import { ResultCount } from '../../list-toolbar'
import { Pane, PaneLink } from '../../pane'
import { ListPaging, withQuery } from '../list-paging'
import { logPageCommands } from './log-download-pane'
import { AUDIT_LOGS_HREF } from './monitoring-links'

function initiatedBy(record: AuditRecord): string {
  return record.initiatedBy.userPrincipalName ?? record.initiatedBy.displayName
}

/** Monitoring & health > Audit logs: each admin change, newest first. */
export function AuditLogsPage(props: {
  readonly frame: ConsoleFrame
  readonly list: ListPage<AuditRecord>
  readonly overlay?: Child
}) {
  const page = props.list.page === 0 ? '' : String(props.list.page)
  return (
    <ConsoleLayout title="Audit logs" {...props.frame} overlay={props.overlay}>
      <Blade
        breadcrumbs={[{ label: 'Home', href: '/' }, { label: 'Audit logs' }]}
        object="Audit logs"
        subtitle={props.frame.tenantName}
        icon="logs"
        commands={<CommandBar label="Audit logs commands" commands={logPageCommands(AUDIT_LOGS_HREF)} />}
      >
        <ResultCount count={props.list.total} singular="entry" plural="entries" />
        <DataTable
          id="audit-log"
          label="Audit log entries"
          columns={[
            { header: 'Date', size: 'date' },
            { header: 'Service', size: 'medium' },
            { header: 'Category' },
            { header: 'Activity' },
            { header: 'Status', size: 'narrow' },
            { header: 'Target(s)' },
            { header: 'Initiated by (actor)' },
          ]}
          rows={props.list.items.map((record) => ({
            key: record.id,
            cells: [
              <PaneLink
                href={withQuery(AUDIT_LOGS_HREF, { page, pane: 'details', id: record.id })}
                paneId="details"
              >
                <DateTime iso={record.activityDateTime} />
              </PaneLink>,
              'Core Directory',
              record.category,
              record.activityDisplayName,
              'Success',
              record.targetNames,
              initiatedBy(record),
            ],
          }))}
          emptyText="No audit logs found"
          wrap={true}
        />
        <ListPaging label="Audit log pages" href={AUDIT_LOGS_HREF} query={{}} list={props.list} />
      </Blade>
    </ConsoleLayout>
  )
}

/** "Audit Log Details": Activity, Target(s) and Modified Properties (old and new values). */
export function AuditDetailsPane(props: { readonly record: AuditRecord; readonly closeHref: string }) {
  const { record } = props
  return (
    <Pane id="details" title="Audit Log Details" closeHref={props.closeHref} size="large">
      <h3>Activity</h3>
      <dl class="properties">
        <dt>Date</dt>
        <dd>
          <DateTime iso={record.activityDateTime} />
        </dd>
        <dt>Activity Type</dt>
        <dd>{record.activityDisplayName}</dd>
        <dt>Activity ID</dt>
        <dd>{record.id}</dd>
        <dt>Category</dt>
        <dd>{record.category}</dd>
        <dt>Status</dt>
        <dd>Success</dd>
        <dt>Initiated by (actor)</dt>
        <dd>{initiatedBy(record)}</dd>
      </dl>
      <h3>Target(s)</h3>
      {record.targets.map((target) => (
        <dl class="properties">
          <dt>Type</dt>
          <dd>{target.type}</dd>
          <dt>Display name</dt>
          <dd>{target.displayName}</dd>
          <dt>Object ID</dt>
          <dd>{target.id}</dd>
          {target.userPrincipalName ? (
            <>
              <dt>User Principal Name</dt>
              <dd>{target.userPrincipalName}</dd>
            </>
          ) : null}
        </dl>
      ))}
      <h3>Modified Properties</h3>
      <DataTable
        id="audit-modified-properties"
        label="Modified Properties"
        columns={[{ header: 'Property Name' }, { header: 'Old Value' }, { header: 'New Value' }]}
        rows={record.modifiedProperties.map((p) => ({
          key: p.displayName,
          cells: [p.displayName, p.oldValue, p.newValue],
        }))}
        emptyText="No properties were modified"
      />
    </Pane>
  )
}
