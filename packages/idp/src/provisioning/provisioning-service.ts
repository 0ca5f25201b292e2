/**
 * provisioning/ is Microsoft Entra's provisioning service: the connectors (synchronization
 * templates), each app's job and its configuration (Admin Credentials, Mappings, Settings,
 * Provisioning Status), the engine that pushes users and groups to the app over SCIM (cycles,
 * retries, quarantine, the target-id cache), Test Connection, Provision on demand and the
 * provisioning logs. Domain only, no HTTP framework; this service is the only door to the
 * `provisioning` part of the IdP state.
 */
import { type DocumentStore, ok, type Result, type Runtime, timerScheduler } from '@sandbox/shared'
import { type ProvisioningError, provisioningFailure } from '../errors/provisioning-error'
import type { IdpState } from '../state/idp-state'
import { createBackground } from './background'
import { type CycleTrigger, runCycle } from './cycle-runner'
import { createJobControl } from './job-control'
import { appOf, jobEditor, jobOf } from './job-lookup'
import { createJobSettings } from './job-settings'
import { type JobView, jobView, type ProvisioningPage, provisioningPage } from './job-views'
import { type LogFilter, queryLogs } from './log-query'
import { type OnDemandSubject, provisionOnDemand } from './on-demand'
import { type ConnectorTemplate, templateById, templateForGalleryApp } from './templates'

export type { ConfigurationPatch, CredentialsToTest, MappingEdits } from './job-settings'

/** Builds the provisioning service over the IdP's store. */
export function createProvisioningService(deps: {
  readonly store: DocumentStore<IdpState>
  readonly runtime: Runtime
}) {
  const { store, runtime } = deps
  const scheduler = runtime.scheduler ?? timerScheduler
  const control = createJobControl({ store, runtime, scheduler, run: runCycle })
  const background = createBackground({
    store,
    scheduler,
    now: () => runtime.clock.now(),
    run: async (jobId, trigger: CycleTrigger) => {
      const ran = await control.runExclusive(jobId, trigger)
      // The app was deleted: its job (and the Secret Token in it) goes too.
      if (!ran.ok && ran.error.code === 'ServicePrincipalNotFound') await forgetJob(jobId)
      return ran.ok || ran.error.code === 'CycleInterrupted'
    },
    onError: (jobId, error) =>
      runtime.log(`idp: provisioning job ${jobId} failed: ${(error as Error).stack ?? String(error)}`),
  })
  control.onChange((jobId) => background.schedule(jobId))
  const forgetJob = (jobId: string) =>
    store.update((draft) => {
      draft.provisioning.jobs = draft.provisioning.jobs.filter((j) => j.id !== jobId)
      return ok(undefined)
    })

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
  const settings = createJobSettings({
    store,
    runtime,
    scheduler,
    control,
    editJob: jobEditor(store, runtime),
    page,
    reschedule: (jobId) => background.schedule(jobId),
  })

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

    ...settings,

    start: control.start,
    pause: control.pause,
    restart: control.restart,
    /** Runs one cycle now and waits for it (after any cycle already running). */
    runCycleNow: (spId: string, jobId?: string) => {
      const job = jobOf(store.read(), spId, jobId)
      return job.ok ? control.runAfterCurrent(job.value.id, 'manual') : Promise.resolve(job)
    },

    /** Provision on demand, one user or a group with up to 5 members, never beside a running cycle. */
    async provisionOnDemand(spId: string, jobId: string | undefined, subjects: readonly OnDemandSubject[]) {
      const job = jobOf(store.read(), spId, jobId)
      if (!job.ok) return job
      const id = job.value.id
      return control.exclusiveOnDemand(id, () =>
        provisionOnDemand({ store, runtime, scheduler }, id, subjects),
      )
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
