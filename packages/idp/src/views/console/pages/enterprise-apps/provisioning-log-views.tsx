import type { ProvisioningService } from '../../../../provisioning/provisioning-service'

/** A provisioning log entry as the service reads it. */
export type ProvisioningLog = ReturnType<ProvisioningService['logs']>[number]
type ProvisioningStep = ProvisioningLog['steps'][number]
type ScimExchange = ProvisioningStep['exchanges'][number]

import { DataTable } from '../../data-table'
import { DateTime } from '../../date-time'
import { Icon } from '../../icons'

const STATUS_TEXT: Record<ProvisioningLog['status'], string> = {
  success: 'Success',
  failure: 'Failure',
  skipped: 'Skipped',
  warning: 'Warning',
}

/** Provisioning logs: Date, Identity, Action, Source System, Target System, Status; each row opens its details. */
export function ProvisioningLogTable(props: {
  readonly logs: readonly ProvisioningLog[]
  readonly targetSystem: (log: ProvisioningLog) => string
  readonly hrefOf: (log: ProvisioningLog) => string
}) {
  return (
    <DataTable
      id="provisioning-logs"
      label="Provisioning logs"
      emptyText="No provisioning events yet. Events appear here after a cycle or a Provision on demand."
      wrap={true}
      columns={[
        { header: 'Date', size: 'date' },
        { header: 'Identity' },
        { header: 'Action', size: 'narrow' },
        { header: 'Source System', size: 'medium' },
        { header: 'Target System', size: 'medium' },
        { header: 'Status', size: 'narrow' },
      ]}
      rows={props.logs.map((log) => ({
        key: log.id,
        cells: [
          <a href={props.hrefOf(log)}>
            <DateTime iso={log.activityDateTime} />
          </a>,
          <>
            {log.sourceIdentity.displayName} <span class="cell-subtext">({log.sourceIdentity.id})</span>
          </>,
          log.action,
          'Microsoft Entra ID',
          props.targetSystem(log),
          STATUS_TEXT[log.status],
        ],
      }))}
    />
  )
}

/** One SCIM request and its answer; the bearer token arrives already redacted. */
function Exchange(props: { readonly exchange: ScimExchange; readonly index: number }) {
  const x = props.exchange
  const headers = Object.entries(x.requestHeaders)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
  const answer = x.status === null ? `No answer: ${x.failure ?? 'unknown'}` : `${x.status}`
  return (
    <div class="scim-exchange">
      <h5>{`SCIM request ${props.index + 1} (attempt ${x.attempt})`}</h5>
      <pre>{`${x.method} ${x.url}\n${headers}${x.requestBody ? `\n\n${x.requestBody}` : ''}`}</pre>
      <h5>{`SCIM response ${props.index + 1}`}</h5>
      <pre>{`${answer}${x.responseBody ? `\n\n${x.responseBody}` : ''}`}</pre>
    </div>
  )
}

/** A step as a card: ✓/✕, its title and description, "View details" with its details and SCIM exchanges. */
export function StepCard(props: { readonly title: string; readonly step: ProvisioningStep }) {
  const { step } = props
  const ok = step.status === 'success'
  return (
    <section class="card step-card" aria-label={props.title}>
      <h3>
        <Icon name={ok ? 'success' : step.status === 'failure' ? 'error' : 'warning'} />{' '}
        {`${props.title}: ${STATUS_TEXT[step.status]}`}
      </h3>
      <p>{step.description}</p>
      <details>
        <summary>View details</summary>
        <dl class="properties">
          {Object.entries(step.details).map(([name, value]) => (
            <>
              <dt>{name}</dt>
              <dd>
                <pre>{value}</pre>
              </dd>
            </>
          ))}
        </dl>
        {step.exchanges.map((exchange, index) => (
          <Exchange exchange={exchange} index={index} />
        ))}
      </details>
    </section>
  )
}

const STEP_TITLES: Record<ProvisioningStep['type'], string> = {
  import: 'Import',
  scoping: 'Scoping',
  matching: 'Matching',
  processing: 'Processing',
  export: 'Export',
}

/** A log entry's details: Steps, Modified Properties, Troubleshooting and Summary. */
export function ProvisioningLogDetail(props: {
  readonly log: ProvisioningLog
  readonly targetSystem: string
}) {
  const { log } = props
  return (
    <>
      <section aria-labelledby="log-summary-heading" class="card">
        <h2 id="log-summary-heading">Summary</h2>
        <dl class="properties">
          <dt>Status</dt>
          <dd>{STATUS_TEXT[log.status]}</dd>
          <dt>Action</dt>
          <dd>{log.action}</dd>
          <dt>Date</dt>
          <dd>
            <DateTime iso={log.activityDateTime} />
          </dd>
          <dt>Source identity</dt>
          <dd>{`${log.sourceIdentity.displayName} (${log.sourceIdentity.identityType}, ${log.sourceIdentity.id})`}</dd>
          <dt>Target identity</dt>
          <dd>{`${log.targetIdentity.displayName || '—'} (${log.targetIdentity.identityType}, ${log.targetIdentity.id || 'no id yet'})`}</dd>
          <dt>Source System</dt>
          <dd>Microsoft Entra ID</dd>
          <dt>Target System</dt>
          <dd>{props.targetSystem}</dd>
          <dt>Initiated by</dt>
          <dd>
            {log.initiatedBy === 'onDemand' ? 'Provision on demand' : 'Microsoft Entra Provisioning Service'}
          </dd>
          <dt>Cycle ID</dt>
          <dd>{log.cycleId}</dd>
          <dt>Change ID</dt>
          <dd>{log.changeId}</dd>
          <dt>Job ID</dt>
          <dd>{log.jobId}</dd>
        </dl>
      </section>
      {log.error ? (
        <section aria-labelledby="log-troubleshooting-heading" class="card">
          <h2 id="log-troubleshooting-heading">Troubleshooting &amp; Recommendations</h2>
          <dl class="properties">
            <dt>Error code</dt>
            <dd>{log.error.errorCode}</dd>
            <dt>Reason</dt>
            <dd>{log.error.reason}</dd>
            <dt>Recommended action</dt>
            <dd>{log.error.recommendedAction}</dd>
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="log-steps-heading">
        <h2 id="log-steps-heading">Steps</h2>
        {log.steps.map((step) => (
          <StepCard title={STEP_TITLES[step.type]} step={step} />
        ))}
      </section>
      <section aria-labelledby="log-modified-heading" class="card">
        <h2 id="log-modified-heading">Modified Properties</h2>
        <DataTable
          id="modified-properties"
          label="Modified Properties"
          emptyText="No property was modified."
          columns={[{ header: 'Property' }, { header: 'Old value' }, { header: 'New value' }]}
          rows={log.modifiedProperties.map((p) => ({
            key: p.displayName,
            cells: [p.displayName, p.oldValue ?? '', p.newValue ?? ''],
          }))}
        />
      </section>
    </>
  )
}
