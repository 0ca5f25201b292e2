import { type DeepReadonly, tokenFingerprint } from '@sandbox/shared'
import type { DeepState } from '../state/deep-state'
import type { ProvisioningJob, ProvisioningSettings } from '../state/idp-state'
import { templateById } from './templates'

/** Graph's `synchronizationStatus.code`. */
export type JobStatusCode = 'NotConfigured' | 'NotRun' | 'Active' | 'Paused' | 'Quarantine'

/** A job as pages and Graph read it: everything but the Secret Token, plus what is derived. */
export interface JobView {
  readonly id: string
  readonly servicePrincipalId: string
  readonly templateId: string
  readonly targetSystem: string
  readonly createdDateTime: string
  readonly statusCode: JobStatusCode
  /**
   * The settings, with the token reduced to whether there is one and its fingerprint (so a
   * training check can tell it is the token Webex accepts without anybody reading it).
   */
  readonly settings: Omit<ProvisioningSettings, 'secretToken'> & {
    readonly hasSecretToken: boolean
    readonly secretTokenFingerprint: string | null
  }
  readonly status: DeepReadonly<ProvisioningJob['status']>
  readonly mappings: DeepReadonly<ProvisioningJob['mappings']>
  /** Objects provisioned and active in the target now. */
  readonly provisioned: { readonly users: number; readonly groups: number }
  /** Objects whose last export failed (retried next cycle). */
  readonly escrowCount: number
}

/** The status code Graph shows for the job. */
export function statusCodeOf(job: DeepReadonly<ProvisioningJob>): JobStatusCode {
  if (!job.settings.tenantUrl || !job.settings.secretToken || job.settings.mode !== 'Automatic')
    return 'NotConfigured'
  if (job.status.quarantine) return 'Quarantine'
  // Configured, possibly started, but no cycle has completed yet.
  if (job.status.cycles.length === 0) return 'NotRun'
  return job.status.scheduleState === 'Paused' ? 'Paused' : 'Active'
}

/** The job as pages and Graph read it. */
export function jobView(job: DeepReadonly<ProvisioningJob>): JobView {
  const { secretToken, ...settings } = job.settings
  let users = 0
  let groups = 0
  for (const entry of Object.values(job.cache)) {
    if (entry.state !== 'active') continue
    if (entry.kind === 'user') users += 1
    else groups += 1
  }
  return {
    id: job.id,
    servicePrincipalId: job.servicePrincipalId,
    templateId: job.templateId,
    targetSystem: templateById(job.templateId)?.targetSystem ?? job.templateId,
    createdDateTime: job.createdDateTime,
    statusCode: statusCodeOf(job),
    settings: {
      ...settings,
      hasSecretToken: secretToken !== null,
      secretTokenFingerprint: secretToken === null ? null : tokenFingerprint(secretToken),
    },
    status: job.status,
    mappings: job.mappings,
    provisioned: { users, groups },
    escrowCount: Object.keys(job.escrows).length,
  }
}

/** Everything an app's Provisioning pages show (Get started, the configuration, the overview). */
export interface ProvisioningPage {
  readonly servicePrincipalId: string
  readonly appName: string
  /** The connector the app provisions with (null: none, Provisioning is not offered). */
  readonly connector: {
    readonly templateId: string
    readonly targetSystem: string
    readonly tenantUrlExample: string
  } | null
  /** Provisioning Mode: Manual until a job exists and is set to Automatic. */
  readonly mode: 'Manual' | 'Automatic'
  readonly job: JobView | null
}

/** The Provisioning page of one app, from a state snapshot. */
export function provisioningPage(
  state: DeepState,
  app: DeepState['apps'][number],
  connector: ProvisioningPage['connector'],
): ProvisioningPage {
  const job = state.provisioning.jobs.find((j) => j.servicePrincipalId === app.servicePrincipal.id)
  return {
    servicePrincipalId: app.servicePrincipal.id,
    appName: app.servicePrincipal.displayName,
    connector,
    mode: job?.settings.mode ?? 'Manual',
    job: job ? jobView(job) : null,
  }
}
