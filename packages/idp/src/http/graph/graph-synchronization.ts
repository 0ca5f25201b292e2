import { err, type Result } from '@sandbox/shared'
import { Hono } from 'hono'
import { readGraphBody } from '../../graph/graph-bodies'
import { pageOfProvisioningLogs } from '../../graph/provisioning-log-query'
import {
  createJobBody,
  onDemandBody,
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
import {
  describeProvisioningError,
  PROVISIONING_ERRORS,
  type ProvisioningError,
} from '../../provisioning/provisioning-errors'
import { templateById } from '../../provisioning/templates'
import type { DeepState } from '../../state/deep-state'
import type { HttpDeps, IdpEnv } from '../env'
import { type GraphContext, graphError, odataContext, readJson } from './graph-kit'

/** The one mapping from provisioning errors to Graph errors: the catalogue's status, code and sentence. */
export function provisioningErrorResponse(c: GraphContext, error: ProvisioningError): Response {
  return graphError(
    c,
    PROVISIONING_ERRORS[error.code].status,
    error.code,
    describeProvisioningError(error),
    error.target ? [{ code: 'InvalidValue', target: error.target }] : undefined,
  )
}

/**
 * `/v1.0/servicePrincipals/{id}/synchronization` (templates, jobs and their actions, schema,
 * secrets) and `/v1.0/auditLogs/provisioning`: Graph's shapes over the provisioning service.
 */
export function graphSynchronizationRoutes(deps: HttpDeps) {
  const { provisioning, apps } = deps.services
  const base = '/servicePrincipals/:id/synchronization'
  const context = (c: GraphContext, fragment: string) =>
    odataContext(deps, `servicePrincipals('${c.req.param('id')}')/synchronization/${fragment}`)
  const body = async <T>(
    c: GraphContext,
    read: (json: unknown) => Result<T, string>,
  ): Promise<Result<T, Response>> => {
    const json = await readJson(c)
    if (!json.ok) return json
    const parsed = read(json.value)
    return parsed.ok ? parsed : err(graphError(c, 400, 'BadRequest', parsed.error))
  }
  const noContent = (c: GraphContext, done: { ok: true } | { ok: false; error: ProvisioningError }) =>
    done.ok ? c.body(null, 204) : provisioningErrorResponse(c, done.error)
  const logJson = (log: DeepState['provisioning']['logs'][number]) => {
    const app = apps.getByServicePrincipal(log.servicePrincipalId)
    const job = provisioning.jobs(log.servicePrincipalId)
    const templateId = job.ok ? job.value[0]?.templateId : undefined
    return graphProvisioningLog(
      log,
      deps.tenantId(),
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
      return c.json({
        '@odata.context': context(c, 'templates'),
        value: templates.value.map((t) => graphTemplate(t, appId)),
      })
    })
    .get(`${base}/jobs`, (c) => {
      const jobs = provisioning.jobs(c.req.param('id'))
      if (!jobs.ok) return provisioningErrorResponse(c, jobs.error)
      return c.json({
        '@odata.context': context(c, 'jobs'),
        value: jobs.value.map((j) => graphJob(j, templateById(j.templateId))),
      })
    })
    .post(`${base}/jobs`, async (c) => {
      const read = await body(c, (j) => readGraphBody(j, createJobBody, 'SynchronizationJob'))
      if (!read.ok) return read.error
      const created = await provisioning.createJob(c.req.param('id'), read.value.templateId)
      if (!created.ok) return provisioningErrorResponse(c, created.error)
      return c.json(
        {
          '@odata.context': context(c, 'jobs/$entity'),
          ...graphJob(created.value, templateById(created.value.templateId)),
        },
        201,
      )
    })
    .post(`${base}/jobs/validateCredentials`, async (c) => validate(c, null))
    .get(`${base}/jobs/:jobId`, (c) => {
      const job = provisioning.job(c.req.param('id'), c.req.param('jobId'))
      if (!job.ok) return provisioningErrorResponse(c, job.error)
      return c.json({
        '@odata.context': context(c, 'jobs/$entity'),
        ...graphJob(job.value, templateById(job.value.templateId)),
      })
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
      const read = await body(c, (j) => readGraphBody(j, restartBody, 'SynchronizationJobRestartCriteria'))
      if (!read.ok) return read.error
      const scope = readResetScope(read.value.criteria?.resetScope)
      if (!scope.ok) return graphError(c, 400, 'BadRequest', scope.error)
      return noContent(c, await provisioning.restart(c.req.param('id'), c.req.param('jobId'), scope.value))
    })
    .post(`${base}/jobs/:jobId/validateCredentials`, async (c) => validate(c, c.req.param('jobId')))
    .post(`${base}/jobs/:jobId/provisionOnDemand`, async (c) => {
      const read = await body(c, (j) =>
        readGraphBody(j, onDemandBody, 'SynchronizationJobApplicationParameters'),
      )
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
        parameters?.subjects ?? [],
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
      return c.json({
        '@odata.context': context(c, `jobs('${job.value.job.id}')/schema/$entity`),
        ...graphSchema(job.value.job, job.value.template),
      })
    })
    .put(`${base}/jobs/:jobId/schema`, async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const edits = readSchemaBody(json.value)
      if (!edits.ok) return graphError(c, 400, 'BadRequest', edits.error)
      const updated = await provisioning.updateMappings(c.req.param('id'), c.req.param('jobId'), edits.value)
      return updated.ok ? c.body(null, 204) : provisioningErrorResponse(c, updated.error)
    })
    .put(`${base}/secrets`, async (c) => {
      const read = await body(c, (j) =>
        readGraphBody(j, secretsBody, 'SynchronizationSecretKeyStringValuePair'),
      )
      if (!read.ok) return read.error
      const secrets = read.value.value.map((s) => ({ key: s.key, value: s.value ?? '' }))
      return noContent(c, await provisioning.putSecrets(c.req.param('id'), secrets))
    })
    .get(`${base}/secrets`, (c) => {
      const secrets = provisioning.secrets(c.req.param('id'))
      if (!secrets.ok) return provisioningErrorResponse(c, secrets.error)
      return c.json({ '@odata.context': context(c, 'secrets'), value: secrets.value })
    })
    .get('/auditLogs/provisioning', (c) => {
      const page = pageOfProvisioningLogs(provisioning.logs({ top: 1000 }).map(logJson), {
        filter: c.req.query('$filter'),
        top: c.req.query('$top'),
        orderBy: c.req.query('$orderby'),
        skipToken: c.req.query('$skiptoken'),
      })
      if (!page.ok) return graphError(c, 400, 'BadRequest', page.error)
      const next = new URL(c.req.url)
      next.searchParams.set('$skiptoken', page.value.next ?? '')
      return c.json({
        '@odata.context': odataContext(deps, 'auditLogs/provisioning'),
        ...(page.value.next ? { '@odata.nextLink': `${deps.url}${next.pathname}${next.search}` } : {}),
        value: page.value.value,
      })
    })
    .get('/auditLogs/provisioning/:logId', (c) => {
      const log = provisioning.log(c.req.param('logId'))
      if (!log)
        return graphError(
          c,
          404,
          'Request_ResourceNotFound',
          `Resource '${c.req.param('logId')}' does not exist.`,
        )
      return c.json({
        '@odata.context': odataContext(deps, 'auditLogs/provisioning/$entity'),
        ...logJson(log),
      })
    })

  async function validate(c: GraphContext, jobId: string | null): Promise<Response> {
    const json = await readJson(c)
    if (!json.ok) return json.error
    const read = readGraphBody(json.value, validateCredentialsBody, 'ValidateCredentials')
    if (!read.ok) return graphError(c, 400, 'BadRequest', read.error)
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
