import type { Child } from 'hono/jsx'
import type { ListPage } from '../../../../lists/list-page'
import type { SignInRecord } from '../../../../sign-in-log/sign-in-log'
import { DataTable } from '../../data-table'
import { DateTime } from '../../date-time'
import { Pane, PaneLink } from '../../pane'
import { ListPaging, withQuery } from '../list-paging'

const STATUS_LABELS: Readonly<Record<SignInRecord['status'], string>> = {
  success: 'Success',
  failure: 'Failure',
  interrupted: 'Interrupted',
}

/** The portal's Status column: "Success", "Failure" or "Interrupted". */
function status(record: SignInRecord): string {
  return STATUS_LABELS[record.status]
}

/** The failure reason, with the sandbox fault that answered the sign-in named after it. */
function failureReason(record: SignInRecord): string {
  if (!record.fault) return record.failureReason ?? 'Other.'
  const fault = `Sandbox fault: ${record.fault.preset}.`
  return record.failureReason ? `${record.failureReason} ${fault}` : fault
}

/**
 * The sign-in log as a table, newest first, with a details link per row. Used by the tenant's
 * Sign-in logs and, with `query` holding the app's filter, by an app's own Sign-in logs page:
 * `href` is the page it sits on and `query` the parameters that page keeps (the app filter).
 */
export function SignInLogTable(props: {
  readonly href: string
  readonly query: Readonly<Record<string, string>>
  readonly list: ListPage<SignInRecord>
}) {
  const detailsHref = (id: string) =>
    withQuery(props.href, {
      ...props.query,
      page: props.list.page === 0 ? '' : String(props.list.page),
      pane: 'details',
      id,
    })
  return (
    <>
      <DataTable
        id="sign-in-log"
        label="Sign-ins"
        columns={[
          { header: 'Date', size: 'date' },
          { header: 'Request ID' },
          { header: 'User' },
          { header: 'Application' },
          { header: 'Status' },
          { header: 'Sign-in error code' },
          { header: 'Failure reason', wide: true },
        ]}
        rows={props.list.items.map((record) => ({
          key: record.id,
          cells: [
            <PaneLink href={detailsHref(record.id)} paneId="details">
              <DateTime iso={record.createdDateTime} />
            </PaneLink>,
            record.id,
            record.userPrincipalName ?? '—',
            record.appDisplayName ?? '—',
            status(record),
            record.errorCode === 0 ? '0' : `AADSTS${record.errorCode}`,
            failureReason(record),
          ],
        }))}
        emptyText="No sign-ins found"
      />
      <ListPaging label="Sign-in pages" href={props.href} query={props.query} list={props.list} />
    </>
  )
}

/** "Activity Details: Sign-ins" for one attempt: every field the table abbreviates. */
export function SignInDetailsPane(props: {
  readonly record: SignInRecord
  readonly closeHref: string
  /** The Basic info | Trace tabs and the Trace tab's content, where the page offers them. */
  readonly tabs?: Child
  readonly trace?: Child
}) {
  const { record } = props
  return (
    <Pane id="details" title="Activity Details: Sign-ins" closeHref={props.closeHref} size="medium">
      {props.tabs ?? null}
      {props.trace ?? (
        <dl class="properties">
          <dt>Date</dt>
          <dd>
            <DateTime iso={record.createdDateTime} />
          </dd>
          <dt>Request ID</dt>
          <dd>{record.id}</dd>
          <dt>Correlation ID</dt>
          <dd>{record.correlationId}</dd>
          <dt>Status</dt>
          <dd>{status(record)}</dd>
          <dt>Sign-in error code</dt>
          <dd>{record.errorCode === 0 ? '0' : `AADSTS${record.errorCode}`}</dd>
          <dt>Failure reason</dt>
          <dd>{record.failureReason ?? 'Other.'}</dd>
          {record.fault ? (
            <>
              <dt>Sandbox fault</dt>
              <dd>{`${record.fault.preset}: ${record.fault.description}`}</dd>
            </>
          ) : null}
          <dt>User</dt>
          <dd>{record.userDisplayName ?? '—'}</dd>
          <dt>Username</dt>
          <dd>{record.userPrincipalName ?? '—'}</dd>
          <dt>User ID</dt>
          <dd>{record.userId ?? '—'}</dd>
          <dt>Application</dt>
          <dd>{record.appDisplayName ?? '—'}</dd>
          <dt>Application ID</dt>
          <dd>{record.appId ?? '—'}</dd>
          <dt>IP address</dt>
          <dd>{record.ipAddress}</dd>
          <dt>Initiated by</dt>
          <dd>
            {record.initiatedBy === 'sp'
              ? 'Application (SP-initiated)'
              : 'Microsoft Entra ID (IdP-initiated)'}
          </dd>
        </dl>
      )}
    </Pane>
  )
}
