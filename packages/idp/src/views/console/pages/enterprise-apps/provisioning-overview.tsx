import type { JobView } from '../../../../provisioning/job-views'
import { type Command, CommandBar } from '../../command-bar'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import type { IconName } from '../../icons'
import { InfoBanner } from '../../info-banner'
import type { AppRef } from './app-blade'

/** What Entra's overview calls a quarantine reason, in words. */
const QUARANTINE_REASONS: Record<string, string> = {
  EncounteredQuarantineException: 'The application rejected the credentials or could not be reached.',
  EncounteredEscrowProportionThreshold: 'More than 40 % of the last cycle’s provisioning events failed.',
}

/** A job's overview: the bar (Start / Stop / Restart, Edit, Provision on demand), current cycle, statistics. */
export function ProvisioningOverview(props: {
  readonly app: AppRef
  readonly job: JobView
  readonly csrf: readonly HiddenField[]
}) {
  const { app, job } = props
  const { status } = job
  const running = status.scheduleState === 'Active'
  const last = status.cycles.at(-1) ?? null
  const current = status.currentCycle
  const percent = current
    ? Math.floor((current.completedUnits / Math.max(current.totalUnits, 1)) * 100)
    : last
      ? 100
      : 0
  const action = (label: string, value: string, icon: IconName) => ({
    kind: 'button' as const,
    label,
    icon,
    form: 'provisioning-actions',
    name: 'action',
    value,
  })
  const commands: Command[] = [
    running ? action('Stop provisioning', 'stop', 'close') : action('Start provisioning', 'start', 'check'),
    action('Restart provisioning', 'restart', 'refresh'),
    action('Run a cycle now', 'run', 'provisioning'),
    { kind: 'separator' },
    { kind: 'link', label: 'Edit provisioning', href: app.hrefs.editProvisioning, icon: 'edit' },
    { kind: 'link', label: 'Provision on demand', href: app.hrefs.provisionOnDemand, icon: 'user' },
    { kind: 'link', label: 'Refresh', href: app.hrefs.provisioning, icon: 'refresh' },
  ]
  return (
    <>
      <form id="provisioning-actions" method="post" action={app.hrefs.provisioningActions}>
        <HiddenFields fields={props.csrf} />
      </form>
      <CommandBar label="Provisioning commands" commands={commands} />
      <section aria-labelledby="current-cycle-heading" class="card">
        <h2 id="current-cycle-heading">Current cycle status</h2>
        <p>
          {current
            ? `${current.kind} cycle in progress.`
            : last
              ? `${last.kind} cycle completed.`
              : running
                ? 'The initial cycle has not run yet.'
                : 'Provisioning is off. Start provisioning to run the initial cycle.'}
        </p>
        <progress max={100} value={percent} aria-label="Cycle progress" />
        <span> {percent}% complete</span>
        <dl class="properties">
          <dt>Users</dt>
          <dd>{job.provisioned.users}</dd>
          <dt>Groups</dt>
          <dd>{job.provisioned.groups}</dd>
          <dt>Provisioning Status</dt>
          <dd>{running ? 'On' : 'Off'}</dd>
        </dl>
        {status.quarantine ? (
          <InfoBanner tone="error">
            {`The provisioning job is in quarantine. ${QUARANTINE_REASONS[status.quarantine.reason] ?? status.quarantine.reason} ${status.quarantine.error.message} Next attempt: ${status.quarantine.nextAttempt}.`}
          </InfoBanner>
        ) : null}
        <a href={app.hrefs.provisioningLogs}>View provisioning logs</a>
      </section>
      <section aria-labelledby="statistics-heading" class="card">
        <h2 id="statistics-heading">Statistics to date</h2>
        {last ? (
          <dl class="properties">
            <dt>Created</dt>
            <dd>{last.counts.created}</dd>
            <dt>Updated</dt>
            <dd>{last.counts.updated}</dd>
            <dt>Disabled</dt>
            <dd>{last.counts.disabled}</dd>
            <dt>Deleted</dt>
            <dd>{last.counts.deleted}</dd>
            <dt>Skipped</dt>
            <dd>{last.counts.skipped}</dd>
            <dt>Failed</dt>
            <dd>{last.counts.failed}</dd>
            <dt>Last cycle</dt>
            <dd>{`${last.kind}, ${last.state}, completed ${last.ended}`}</dd>
            <dt>Duration</dt>
            <dd>{`${Math.max(0, Date.parse(last.ended) - Date.parse(last.began))} ms`}</dd>
            <dt>Activity ID</dt>
            <dd>{last.id}</dd>
            <dt>Job ID</dt>
            <dd>{job.id}</dd>
          </dl>
        ) : (
          <p>{`No cycle has completed yet. Job ID: ${job.id}`}</p>
        )}
      </section>
    </>
  )
}
