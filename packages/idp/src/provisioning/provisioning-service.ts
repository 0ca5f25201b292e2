/**
 * provisioning/ is Microsoft Entra's provisioning service: the connectors (synchronization
 * templates), each app's job and its configuration (Admin Credentials, Mappings, Settings,
 * Provisioning Status), the engine that pushes users and groups to the app over SCIM (cycles,
 * retries, quarantine, the target-id cache), Test Connection, Provision on demand and the
 * provisioning logs. Domain only, no HTTP framework; this service is the only door to the
 * `provisioning` part of the IdP state.
 */
import {
  type DocumentStore,
  isoInstant,
  ok,
  type Result,
  type Runtime,
  timerScheduler,
} from '@sandbox/shared'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import type { DeepState } from '../state/deep-state'
import type { IdpState, ProvisioningJob } from '../state/idp-state'
import { createBackground } from './background'
import { CREDENTIALS_AUTHORIZED, testCredentials } from './credential-test'
import { type CycleTrigger, runCycle } from './cycle-runner'
import { applySettings, newJob, type SettingsPatch, settingsFromSecrets } from './job-config'
import { createJobControl } from './job-control'
import { type JobView, jobView, type ProvisioningPage, provisioningPage } from './job-views'
import { type LogFilter, queryLogs } from './log-query'
import { type MappingInput, validateObjectMapping } from './mapping-rules'
import { type OnDemandSubject, provisionOnDemand } from './on-demand'
import { type ProvisioningError, provisioningFailure } from './provisioning-errors'
import {
  type ConnectorTemplate,
  SOURCE_GROUP_ATTRIBUTES,
  SOURCE_USER_ATTRIBUTES,
  templateById,
  templateForGalleryApp,
} from './templates'

type App = DeepState['apps'][number]
type Job = DeepState['provisioning']['jobs'][number]

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

/** Builds the provisioning service over the IdP's store. */
export function createProvisioningService(deps: {
  readonly store: DocumentStore<IdpState>
  readonly runtime: Runtime
}) {
  const { store, runtime } = deps
  const scheduler = runtime.scheduler ?? timerScheduler
  const now = () => runtime.clock.now()
  const control = createJobControl({ store, runtime, scheduler, run: runCycle })
  const background = createBackground({
    store,
    scheduler,
    now,
    run: (jobId, trigger: CycleTrigger) => control.runExclusive(jobId, trigger),
    onError: (jobId, error) =>
      runtime.log(`idp: provisioning job ${jobId} failed: ${(error as Error).stack ?? String(error)}`),
  })
  control.onChange((jobId) => background.schedule(jobId))

  const appOf = (state: DeepState, spId: string): Result<App, ProvisioningError> => {
    const app = appByServicePrincipalId(state, spId)
    return app
      ? ok(app)
      : provisioningFailure('ServicePrincipalNotFound', `No service principal ${spId}.`, 'id')
  }
  const connectorOf = (app: App): Result<ConnectorTemplate, ProvisioningError> => {
    const template = templateForGalleryApp(app.servicePrincipal.applicationTemplateId)
    return template
      ? ok(template)
      : provisioningFailure('ProvisioningNotSupported', `${app.servicePrincipal.displayName} has none.`)
  }
  const jobOf = (state: DeepState, spId: string, jobId?: string): Result<Job, ProvisioningError> => {
    const app = appOf(state, spId)
    if (!app.ok) return app
    const job = state.provisioning.jobs.find(
      (j) =>
        j.servicePrincipalId === app.value.servicePrincipal.id && (jobId === undefined || j.id === jobId),
    )
    return job
      ? ok(job)
      : provisioningFailure(
          'JobNotFound',
          jobId ? `No job ${jobId} on this application.` : 'This application has no provisioning job yet.',
          'jobId',
        )
  }

  /** Changes the app's job in one store update, creating it from the app's connector when asked. */
  function editJob<T>(
    spId: string,
    jobId: string | undefined,
    create: boolean,
    edit: (job: ProvisioningJob, template: ConnectorTemplate) => Result<T, ProvisioningError>,
  ): Promise<Result<T, ProvisioningError>> {
    return store.update((draft) => {
      const app = appOf(draft, spId)
      if (!app.ok) return app
      const connector = connectorOf(app.value)
      if (!connector.ok) return connector
      let job = draft.provisioning.jobs.find(
        (j) =>
          j.servicePrincipalId === app.value.servicePrincipal.id && (jobId === undefined || j.id === jobId),
      )
      if (!job && create && jobId === undefined) {
        job = newJob(
          connector.value,
          app.value.servicePrincipal.id,
          draft.tenant.id,
          runtime.ids.guid(),
          isoInstant(now()),
        )
        draft.provisioning.jobs.push(job)
      }
      if (!job)
        return provisioningFailure(
          'JobNotFound',
          jobId ? `No job ${jobId} on this application.` : 'This application has no provisioning job yet.',
          'jobId',
        )
      const template = templateById(job.templateId) ?? connector.value
      return edit(job, template)
    })
  }

  /** Everything the app's Provisioning pages show, in one read. */
  const page = (spId: string): Result<ProvisioningPage, ProvisioningError> => {
    const state = store.read()
    const app = appOf(state, spId)
    if (!app.ok) return app
    const t = templateForGalleryApp(app.value.servicePrincipal.applicationTemplateId)
    const connector = t
      ? { templateId: t.id, targetSystem: t.targetSystem, tenantUrlExample: t.tenantUrlExample }
      : null
    return ok(provisioningPage(state, app.value, connector))
  }

  return {
    /** The connectors an app can provision with (Graph `synchronization/templates`). */
    templates(spId: string): Result<readonly ConnectorTemplate[], ProvisioningError> {
      const app = appOf(store.read(), spId)
      if (!app.ok) return app
      const connector = templateForGalleryApp(app.value.servicePrincipal.applicationTemplateId)
      return ok(connector ? [connector] : [])
    },

    /** The app's jobs (0 or 1). */
    jobs(spId: string): Result<JobView[], ProvisioningError> {
      const state = store.read()
      const app = appOf(state, spId)
      if (!app.ok) return app
      return ok(
        state.provisioning.jobs
          .filter((j) => j.servicePrincipalId === app.value.servicePrincipal.id)
          .map(jobView),
      )
    },

    job(spId: string, jobId: string): Result<JobView, ProvisioningError> {
      const job = jobOf(store.read(), spId, jobId)
      return job.ok ? ok(jobView(job.value)) : job
    },

    /** The raw job and its connector, for Graph's schema projection. */
    jobWithTemplate(
      spId: string,
      jobId: string,
    ): Result<{ job: JobView; template: ConnectorTemplate }, ProvisioningError> {
      const job = jobOf(store.read(), spId, jobId)
      if (!job.ok) return job
      const template = templateById(job.value.templateId)
      return template
        ? ok({ job: jobView(job.value), template })
        : provisioningFailure('TemplateNotFound', job.value.templateId)
    },

    /** Everything the app's Provisioning pages show, in one read. */
    page,

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
      if (deleted.ok) background.schedule(jobId)
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
      } else background.schedule(saved.value)
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
      if (saved.ok) background.schedule(saved.value)
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

    start: control.start,
    pause: control.pause,
    restart: control.restart,
    /** Runs one cycle now and waits for it (after any cycle already running). */
    runCycleNow: (spId: string, jobId?: string) => {
      const job = jobOf(store.read(), spId, jobId)
      return job.ok ? control.runAfterCurrent(job.value.id, 'manual') : Promise.resolve(job)
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

    /** Provision on demand, one user or a group with up to 5 members. */
    async provisionOnDemand(spId: string, jobId: string | undefined, subjects: readonly OnDemandSubject[]) {
      const job = jobOf(store.read(), spId, jobId)
      if (!job.ok) return job
      return provisionOnDemand({ store, runtime, scheduler }, job.value.id, subjects)
    },

    /** Provisioning logs, newest first (tenant-wide, or filtered by app, job, object, status, time). */
    logs: (filter: LogFilter = {}) => queryLogs(store.read(), filter),
    /** One log entry by id. */
    log: (id: string) => store.read().provisioning.logs.find((l) => l.id === id) ?? null,

    /** Starts running jobs on their intervals (the running server calls this once it listens). */
    startBackground: () => background.start(),
    /** Stops scheduling and waits for running cycles to stop at the next object. */
    async stopBackground(): Promise<void> {
      background.stop()
      await control.stopAll()
    },
  }
}

/** The provisioning service's interface. */
export type ProvisioningService = ReturnType<typeof createProvisioningService>
