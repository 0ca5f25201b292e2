import { type DocumentStore, isoInstant, ok, type Result, type Runtime } from '@sandbox/shared'
import { appByServicePrincipalId } from '../enterprise-apps/lookup'
import { type ProvisioningError, provisioningFailure } from '../errors/provisioning-error'
import type { DeepState } from '../state/deep-state'
import type { IdpState, ProvisioningJob } from '../state/idp-state'
import { newJob } from './job-config'
import { type ConnectorTemplate, templateById, templateForGalleryApp } from './templates'

type App = DeepState['apps'][number]
type Job = DeepState['provisioning']['jobs'][number]

/** The enterprise app with this service principal id. */
export function appOf<S extends Pick<DeepState, 'apps'>>(
  state: S,
  spId: string,
): Result<S['apps'][number], ProvisioningError> {
  const app = appByServicePrincipalId(state, spId)
  return app
    ? ok(app)
    : provisioningFailure('ServicePrincipalNotFound', `No service principal ${spId}.`, 'id')
}

/** The connector of an app (from its gallery entry). */
export function connectorOf(
  app: Pick<App, 'servicePrincipal'>,
): Result<ConnectorTemplate, ProvisioningError> {
  const template = templateForGalleryApp(app.servicePrincipal.applicationTemplateId)
  return template
    ? ok(template)
    : provisioningFailure('ProvisioningNotSupported', `${app.servicePrincipal.displayName} has none.`)
}

const noJob = (jobId: string | undefined) =>
  provisioningFailure(
    'JobNotFound',
    jobId ? `No job ${jobId} on this application.` : 'This application has no provisioning job yet.',
    'jobId',
  )

/** The app's job (the one with `jobId`, when given). */
export function jobOf(state: DeepState, spId: string, jobId?: string): Result<Job, ProvisioningError> {
  const app = appOf(state, spId)
  if (!app.ok) return app
  const job = state.provisioning.jobs.find(
    (j) => j.servicePrincipalId === app.value.servicePrincipal.id && (jobId === undefined || j.id === jobId),
  )
  return job ? ok(job) : noJob(jobId)
}

/** A change of one app's job, in one store update; the job is created from the app's connector when asked. */
export type EditJob = <T>(
  spId: string,
  jobId: string | undefined,
  create: boolean,
  edit: (job: ProvisioningJob, template: ConnectorTemplate) => Result<T, ProvisioningError>,
) => Promise<Result<T, ProvisioningError>>

/** Builds {@link EditJob} over the store. */
export function jobEditor(store: DocumentStore<IdpState>, runtime: Runtime): EditJob {
  return (spId, jobId, create, edit) =>
    store.update((draft) => {
      const app = appOf(draft, spId)
      if (!app.ok) return app
      const connector = connectorOf(app.value)
      if (!connector.ok) return connector
      const spObjectId = app.value.servicePrincipal.id
      let job = draft.provisioning.jobs.find(
        (j) => j.servicePrincipalId === spObjectId && (jobId === undefined || j.id === jobId),
      )
      if (!job && create && jobId === undefined) {
        job = newJob(
          connector.value,
          spObjectId,
          draft.tenant.id,
          runtime.ids.guid(),
          isoInstant(runtime.clock.now()),
        )
        draft.provisioning.jobs.push(job)
      }
      if (!job) return noJob(jobId)
      return edit(job, templateById(job.templateId) ?? connector.value)
    })
}
