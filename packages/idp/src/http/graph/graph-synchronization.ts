import { Hono } from 'hono'
import { notFoundMessage } from '../../errors/catalogue'
import type { ProvisioningError } from '../../errors/provisioning-error'
import { pageOfProvisioningLogs } from '../../graph/provisioning-log-query'
import {
  createJobBody,
  onDemandBody,
  onDemandSubjects,
  readResetScope,
  readSchemaBody,
  restartBody,
  secretsBody,
  validateCredentialsBody,
} from '../../graph/synchronization-bodies'
import {
  graphJob,
  graphOnDemandAnswer,
  graphProvisioningLog,
  graphSchema,
  graphTemplate,
} from '../../graph/synchronization-projections'
import type { ProvisioningService } from '../../provisioning/provisioning-service'
import { templateById } from '../../provisioning/templates'
import type { HttpDeps, IdpContext, IdpEnv } from '../env'
import { readJson } from '../json-body'
import { graphError, provisioningErrorResponse } from './graph-errors'
import { readGraphRequest } from './graph-requests'
import { created, odataContext, plainEntity } from './odata-responses'

/**
 * `/v1.0/servicePrincipals/{id}/synchronization` (templates, jobs and their actions, schema,
 * secrets) and `/v1.0/auditLogs/provisioning`: Graph's shapes over the provisioning service.
 */
export function graphSynchronizationRoutes(deps: HttpDeps) {
  const { provisioning, apps } = deps.services
  const base = '/servicePrincipals/:id/synchronization'
  const fragment = (c: IdpContext, rest: string) =>
    `servicePrincipals('${c.req.param('id')}')/synchronization/${rest}`
  const noContent = (c: IdpContext, done: { ok: true } | { ok: false; error: ProvisioningError }) =>
    done.ok ? c.body(null, 204) : provisioningErrorResponse(c, done.error)
  const logJson = (log: ReturnType<ProvisioningService['logs']>[number]) => {
    const app = apps.getByServicePrincipal(log.servicePrincipalId)
    const job = provisioning.jobs(log.servicePrincipalId)
    const templateId = job.ok ? job.value[0]?.templateId : undefined
    return graphProvisioningLog(
      log,
      deps.services.tenant.id(),
      app.ok ? app.value.servicePrincipal.displayName : '',
      (templateId && templateById(templateId)?.targetSystem) || 'customappsso',
    )
  }

  return new Hono<IdpEnv>()
    .get(`${base}/templates`, (c) => {
      const templates = provisioning.templates(c.req.param('id'))
      if (!templates.ok) return provisioningErrorResponse(c, templates.error)
      const app = apps.getByServicePrincipal(c.req.param('id'))
      const appId = app.ok ? app.value.application.appId : ''
      return plainEntity(c, deps, fragment(c, 'templates'), {
        value: templates.value.map((t) => graphTemplate(t, appId)),
      })
    })
    .get(`${base}/jobs`, (c) => {
      const jobs = provisioning.jobs(c.req.param('id'))
      if (!jobs.ok) return provisioningErrorResponse(c, jobs.error)
      return plainEntity(c, deps, fragment(c, 'jobs'), {
        value: jobs.value.map((j) => graphJob(j, templateById(j.templateId))),
      })
    })
    .post(`${base}/jobs`, async (c) => {
      const read = await readGraphRequest(c, createJobBody, 'SynchronizationJob')
      if (!read.ok) return read.error
      const job = await provisioning.createJob(c.req.param('id'), read.value.templateId)
      if (!job.ok) return provisioningErrorResponse(c, job.error)
      return created(
        c,
        deps,
        fragment(c, 'jobs/$entity'),
        graphJob(job.value, templateById(job.value.templateId)),
      )
    })
    .post(`${base}/jobs/validateCredentials`, async (c) => validate(c, null))
    .get(`${base}/jobs/:jobId`, (c) => {
      const job = provisioning.job(c.req.param('id'), c.req.param('jobId'))
      if (!job.ok) return provisioningErrorResponse(c, job.error)
      return plainEntity(
        c,
        deps,
        fragment(c, 'jobs/$entity'),
        graphJob(job.value, templateById(job.value.templateId)),
      )
    })
    .delete(`${base}/jobs/:jobId`, async (c) =>
      noContent(c, await provisioning.deleteJob(c.req.param('id'), c.req.param('jobId'))),
    )
    .post(`${base}/jobs/:jobId/start`, async (c) =>
      noContent(c, await provisioning.start(c.req.param('id'), c.req.param('jobId'))),
    )
    .post(`${base}/jobs/:jobId/pause`, async (c) =>
      noContent(c, await provisioning.pause(c.req.param('id'), c.req.param('jobId'))),
    )
    .post(`${base}/jobs/:jobId/restart`, async (c) => {
      const read = await readGraphRequest(c, restartBody, 'SynchronizationJobRestartCriteria')
      if (!read.ok) return read.error
      const scope = readResetScope(read.value.criteria?.resetScope)
      if (!scope.ok) return graphError(c, 'BadRequest', scope.error)
      return noContent(c, await provisioning.restart(c.req.param('id'), c.req.param('jobId'), scope.value))
    })
    .post(`${base}/jobs/:jobId/validateCredentials`, async (c) => validate(c, c.req.param('jobId')))
    .post(`${base}/jobs/:jobId/provisionOnDemand`, async (c) => {
      const read = await readGraphRequest(c, onDemandBody, 'SynchronizationJobApplicationParameters')
      if (!read.ok) return read.error
      const parameters = read.value.parameters[0]
      const job = provisioning.jobWithTemplate(c.req.param('id'), c.req.param('jobId'))
      if (!job.ok) return provisioningErrorResponse(c, job.error)
      if (parameters?.ruleId && parameters.ruleId.toLowerCase() !== job.value.template.ruleId)
        return provisioningErrorResponse(c, {
          code: 'RuleNotFound',
          detail: `"${parameters.ruleId.slice(0, 80)}" is not ${job.value.template.ruleId}.`,
          target: 'ruleId',
        })
      const result = await provisioning.provisionOnDemand(
        c.req.param('id'),
        c.req.param('jobId'),
        onDemandSubjects(parameters?.subjects ?? []),
      )
      if (!result.ok) return provisioningErrorResponse(c, result.error)
      return c.json(
        graphOnDemandAnswer(
          result.value,
          odataContext(deps, 'microsoft.graph.stringKeyStringValuePair'),
          logJson,
        ),
      )
    })
    .get(`${base}/jobs/:jobId/schema`, (c) => {
      const job = provisioning.jobWithTemplate(c.req.param('id'), c.req.param('jobId'))
      if (!job.ok) return provisioningErrorResponse(c, job.error)
      return plainEntity(
        c,
        deps,
        fragment(c, `jobs('${job.value.job.id}')/schema/$entity`),
        graphSchema(job.value.job, job.value.template),
      )
    })
    .put(`${base}/jobs/:jobId/schema`, async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const edits = readSchemaBody(json.value)
      if (!edits.ok) return graphError(c, 'BadRequest', edits.error)
      const updated = await provisioning.updateMappings(c.req.param('id'), c.req.param('jobId'), edits.value)
      return updated.ok ? c.body(null, 204) : provisioningErrorResponse(c, updated.error)
    })
    .put(`${base}/secrets`, async (c) => {
      const read = await readGraphRequest(c, secretsBody, 'SynchronizationSecretKeyStringValuePair')
      if (!read.ok) return read.error
      const secrets = read.value.value.map((s) => ({ key: s.key, value: s.value ?? '' }))
      return noContent(c, await provisioning.putSecrets(c.req.param('id'), secrets))
    })
    .get(`${base}/secrets`, (c) => {
      const secrets = provisioning.secrets(c.req.param('id'))
      if (!secrets.ok) return provisioningErrorResponse(c, secrets.error)
      return plainEntity(c, deps, fragment(c, 'secrets'), { value: secrets.value })
    })
    .get('/auditLogs/provisioning', (c) => {
      const page = pageOfProvisioningLogs(provisioning.logs({ top: 1000 }).map(logJson), {
        filter: c.req.query('$filter'),
        top: c.req.query('$top'),
        orderBy: c.req.query('$orderby'),
        skipToken: c.req.query('$skiptoken'),
      })
      if (!page.ok) return graphError(c, 'BadRequest', page.error)
      const next = new URL(c.req.url)
      next.searchParams.set('$skiptoken', page.value.next ?? '')
      return plainEntity(c, deps, 'auditLogs/provisioning', {
        ...(page.value.next ? { '@odata.nextLink': `${deps.url}${next.pathname}${next.search}` } : {}),
        value: page.value.value,
      })
    })
    .get('/auditLogs/provisioning/:logId', (c) => {
      const log = provisioning.log(c.req.param('logId'))
      if (!log) return graphError(c, 'Request_ResourceNotFound', notFoundMessage(c.req.param('logId')))
      return plainEntity(c, deps, 'auditLogs/provisioning/$entity', logJson(log))
    })

  async function validate(c: IdpContext, jobId: string | null): Promise<Response> {
    const read = await readGraphRequest(c, validateCredentialsBody, 'ValidateCredentials')
    if (!read.ok) return read.error
    const credential = (key: string) =>
      read.value.credentials?.find((k) => k.key.toLowerCase() === key.toLowerCase())?.value ?? ''
    const tested = await provisioning.testConnection(
      c.req.param('id') ?? '',
      jobId,
      read.value.useSavedCredentials
        ? { useSavedCredentials: true }
        : { tenantUrl: credential('BaseAddress'), secretToken: credential('SecretToken') },
    )
    return tested.ok ? c.body(null, 204) : provisioningErrorResponse(c, tested.error)
  }
}
