import {
  type DocumentStore,
  isoInstant,
  ok,
  type Result,
  type Runtime,
  type Scheduler,
} from '@sandbox/shared'
import { type ProvisioningError, provisioningFailure } from '../errors/provisioning-error'
import type { IdpState, ProvisioningJob } from '../state/idp-state'
import { CREDENTIALS_AUTHORIZED, testCredentials } from './credential-test'
import { applySettings, newJob, type SettingsPatch, settingsFromSecrets } from './job-config'
import type { createJobControl } from './job-control'
import { appOf, connectorOf, type EditJob, jobOf } from './job-lookup'
import { type JobView, jobView, type ProvisioningPage } from './job-views'
import type { MappingInput } from './mapping-rules'
import { validateObjectMapping } from './mapping-rules'
import { SOURCE_GROUP_ATTRIBUTES, SOURCE_USER_ATTRIBUTES, templateForGalleryApp } from './templates'

/** Settings plus Provisioning Status, as the Provisioning page's Save sends them. */
export interface ConfigurationPatch extends SettingsPatch {
  readonly provisioningStatus?: 'On' | 'Off'
}

/** New mappings for users, groups or both (Attribute Mapping's Save). */
export interface MappingEdits {
  readonly users?: { readonly enabled: boolean; readonly attributeMappings: readonly MappingInput[] }
  readonly groups?: { readonly enabled: boolean; readonly attributeMappings: readonly MappingInput[] }
}

/** Credentials to test: the ones typed in, or the saved ones. */
export type CredentialsToTest =
  | { readonly useSavedCredentials: true }
  | { readonly useSavedCredentials?: false; readonly tenantUrl: string; readonly secretToken: string }

/**
 * What the Provisioning page configures: the job itself, Admin Credentials (and Test
 * Connection), Settings, Provisioning Status and the Mappings.
 */
export function createJobSettings(deps: {
  readonly store: DocumentStore<IdpState>
  readonly runtime: Runtime
  readonly scheduler: Scheduler
  readonly control: ReturnType<typeof createJobControl>
  readonly editJob: EditJob
  readonly page: (spId: string) => Result<ProvisioningPage, ProvisioningError>
  /** Recomputes when a job runs next. */
  readonly reschedule: (jobId: string) => void
}) {
  const { store, runtime, scheduler, control, editJob, page, reschedule } = deps
  const now = () => runtime.clock.now()
  return {
    /** Graph `POST …/synchronization/jobs`: a job from a template (one per app). */
    async createJob(spId: string, templateId: string): Promise<Result<JobView, ProvisioningError>> {
      const created = await store.update((draft) => {
        const app = appOf(draft, spId)
        if (!app.ok) return app
        const connector = templateForGalleryApp(app.value.servicePrincipal.applicationTemplateId)
        if (!connector || connector.id.toLowerCase() !== templateId.toLowerCase())
          return provisioningFailure(
            'TemplateNotFound',
            `"${templateId.slice(0, 80)}" is not a template of ${app.value.servicePrincipal.displayName}${connector ? ` (its template is ${connector.id})` : ''}.`,
            'templateId',
          )
        if (draft.provisioning.jobs.some((j) => j.servicePrincipalId === app.value.servicePrincipal.id))
          return provisioningFailure('JobAlreadyExists')
        const job = newJob(
          connector,
          app.value.servicePrincipal.id,
          draft.tenant.id,
          runtime.ids.guid(),
          isoInstant(now()),
        )
        draft.provisioning.jobs.push(job)
        return ok(jobView(job))
      })
      return created
    },

    /** Graph `DELETE …/jobs/{id}`: stops it and forgets everything it knew (the target keeps its objects). */
    async deleteJob(spId: string, jobId: string): Promise<Result<void, ProvisioningError>> {
      await control.stopRunning(jobId)
      const deleted = await store.update((draft) => {
        const job = jobOf(draft, spId, jobId)
        if (!job.ok) return job
        draft.provisioning.jobs = draft.provisioning.jobs.filter((j) => j.id !== jobId)
        return ok(undefined)
      })
      if (deleted.ok) reschedule(jobId)
      return deleted
    },

    /** The Provisioning page's Save: settings, credentials and Provisioning Status (creates the job). */
    async configure(
      spId: string,
      patch: ConfigurationPatch,
    ): Promise<Result<ProvisioningPage, ProvisioningError>> {
      const { provisioningStatus, ...settings } = patch
      const saved = await editJob(spId, undefined, true, (job, template) => {
        const next = applySettings(job.settings, settings, template)
        if (!next.ok) return next
        job.settings = next.value
        return ok(job.id)
      })
      if (!saved.ok) return saved
      if (provisioningStatus) {
        const toggled =
          provisioningStatus === 'On'
            ? await control.start(spId, saved.value)
            : await control.pause(spId, saved.value)
        if (!toggled.ok) return toggled
      } else reschedule(saved.value)
      return page(spId)
    },

    /** Graph `PUT …/synchronization/secrets` (BaseAddress, SecretToken, SyncAll, SyncNotificationSettings). */
    async putSecrets(
      spId: string,
      secrets: readonly { key: string; value: string }[],
    ): Promise<Result<void, ProvisioningError>> {
      const patch = settingsFromSecrets(secrets)
      if (!patch.ok) return patch
      const saved = await editJob(spId, undefined, true, (job, template) => {
        const next = applySettings(job.settings, patch.value, template)
        if (!next.ok) return next
        job.settings = next.value
        return ok(job.id)
      })
      if (saved.ok) reschedule(saved.value)
      return saved.ok ? ok(undefined) : saved
    },

    /** The saved secrets, with the Secret Token redacted (it is never given back). */
    secrets(spId: string): Result<{ key: string; value: string }[], ProvisioningError> {
      const job = jobOf(store.read(), spId)
      if (!job.ok) return job.error.code === 'JobNotFound' ? ok([]) : job
      const s = job.value.settings
      return ok([
        ...(s.tenantUrl ? [{ key: 'BaseAddress', value: s.tenantUrl }] : []),
        ...(s.secretToken ? [{ key: 'SecretToken', value: '*****' }] : []),
        { key: 'SyncAll', value: String(s.syncAll) },
        {
          key: 'SyncNotificationSettings',
          value: JSON.stringify({ Enabled: s.sendEmailOnFailure, Recipients: s.notificationEmail ?? '' }),
        },
      ])
    },

    /** Test Connection (Graph `validateCredentials`): Entra's sentence on success, a clear failure otherwise. */
    async testConnection(
      spId: string,
      jobId: string | null,
      input: CredentialsToTest,
    ): Promise<Result<string, ProvisioningError>> {
      const state = store.read()
      const app = appOf(state, spId)
      if (!app.ok) return app
      const connector = connectorOf(app.value)
      if (!connector.ok) return connector
      const job = jobOf(state, spId, jobId ?? undefined)
      if (jobId !== null && !job.ok) return job
      const saved = job.ok ? job.value.settings : null
      const tenantUrl = input.useSavedCredentials ? saved?.tenantUrl : input.tenantUrl
      const secretToken = input.useSavedCredentials ? saved?.secretToken : input.secretToken
      if (!tenantUrl || !secretToken) return provisioningFailure('CredentialsMissing')
      const tested = await testCredentials(
        {
          tenantUrl,
          secretToken,
          example: connector.value.tenantUrlExample,
          targetSystem: connector.value.targetSystem,
        },
        { timeoutMs: saved?.requestTimeoutMs ?? 30_000, scheduler, now, probeUserName: runtime.ids.guid() },
      )
      if (job.ok) {
        const record = {
          at: isoInstant(now()),
          ok: tested.ok,
          code: tested.ok ? null : tested.error.code,
          message: tested.ok ? CREDENTIALS_AUTHORIZED : (tested.error.detail ?? tested.error.code),
        }
        await editJob(spId, job.value.id, false, (j) => {
          j.status.lastCredentialTest = record
          return ok(undefined)
        })
      }
      return tested
    },

    /** Attribute Mapping's Save: validated, then the watermark reset so the next cycle re-evaluates everyone. */
    async updateMappings(
      spId: string,
      jobId: string | undefined,
      edits: MappingEdits,
    ): Promise<Result<JobView, ProvisioningError>> {
      return editJob(spId, jobId, false, (job, template) => {
        for (const kind of ['users', 'groups'] as const) {
          const edit = edits[kind]
          if (!edit) continue
          const checked = validateObjectMapping(
            edit,
            kind === 'users' ? template.userAttributes : template.groupAttributes,
            kind === 'users' ? SOURCE_USER_ATTRIBUTES : SOURCE_GROUP_ATTRIBUTES,
            kind === 'users' ? 'user' : 'group',
          )
          if (!checked.ok) return provisioningFailure('InvalidMappings', checked.error, kind)
          job.mappings[kind] = checked.value
        }
        job.status.initialCycleCompleted = false
        return ok(jobView(job))
      })
    },

    /** Restores the connector's default mappings. */
    async resetMappings(
      spId: string,
      jobId: string | undefined,
    ): Promise<Result<JobView, ProvisioningError>> {
      return editJob(spId, jobId, false, (job, template) => {
        job.mappings = structuredClone(template.defaults) as ProvisioningJob['mappings']
        job.status.initialCycleCompleted = false
        return ok(jobView(job))
      })
    },
  }
}
