import { Hono } from 'hono'
import { graphApplication, graphServicePrincipal } from '../../graph/app-projections'
import { APPLICATION_RULES, plainRules } from '../../graph/collection-rules'
import { graphTemplate } from '../../graph/directory-projections'
import { applicationBody, instantiateBody, readGraphBody } from '../../graph/graph-bodies'
import type { CollectionQuery } from '../../graph/odata-query'
import type { HttpDeps, IdpContext, IdpEnv } from '../env'
import { readJson } from '../json-body'
import { adminErrorResponse, graphError } from './graph-errors'
import { collection, collectionCount, entity, odataContext } from './odata-responses'

const applications: CollectionQuery = { rules: APPLICATION_RULES }
const templates: CollectionQuery = { rules: plainRules('ApplicationTemplate') }

/**
 * The object id behind `/applications/{id}` or `/applications(appId='{appId}')`. The route
 * parameter arrives decoded: decoding again would misread (or throw on) a literal '%'.
 */
export function applicationIdFrom(deps: HttpDeps, key: string): string {
  const alternate = /^\(appId='([^']+)'\)$/.exec(key)
  if (!alternate?.[1]) return key
  const app = deps.services.apps.getByAppId(alternate[1])
  return app.ok ? app.value.application.id : alternate[1]
}

/** `/v1.0/applicationTemplates` (list, `$filter`, `instantiate`) and `/v1.0/applications` (get, update, delete). */
export function graphApplicationRoutes(deps: HttpDeps) {
  const { apps, tenant } = deps.services
  const patch = async (c: IdpContext, key: string) => {
    const json = await readJson(c)
    if (!json.ok) return json.error
    const body = readGraphBody(json.value, applicationBody, 'Application')
    if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
    const { web, ...rest } = body.value
    const updated = await apps.updateApplication(applicationIdFrom(deps, key), {
      ...rest,
      ...(web?.redirectUris !== undefined ? { redirectUris: web.redirectUris } : {}),
      ...(web?.logoutUrl !== undefined ? { logoutUrl: web.logoutUrl } : {}),
      ...(web?.redirectUriSettings !== undefined
        ? {
            redirectUriSettings: web.redirectUriSettings.map((s) => ({
              uri: s.uri ?? '',
              index: s.index ?? null,
            })),
          }
        : {}),
    })
    return updated.ok ? c.body(null, 204) : adminErrorResponse(c, updated.error)
  }
  const get = (c: IdpContext, key: string) => {
    const app = apps.getByApplication(applicationIdFrom(deps, key))
    if (!app.ok) return adminErrorResponse(c, app.error)
    return entity(c, deps, 'applications/$entity', graphApplication(app.value), applications)
  }
  const remove = async (c: IdpContext, key: string) => {
    const id = applicationIdFrom(deps, key)
    if (!apps.getByApplication(id).ok)
      return adminErrorResponse(c, {
        code: 'NOT_FOUND',
        message: `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
      })
    const deleted = await apps.deleteApp(id)
    return deleted.ok ? c.body(null, 204) : adminErrorResponse(c, deleted.error)
  }
  return new Hono<IdpEnv>()
    .get('/applicationTemplates', (c) =>
      collection(c, deps, 'applicationTemplates', apps.listTemplates().map(graphTemplate), templates),
    )
    .get('/applicationTemplates/:id', (c) => {
      const template = apps.getTemplate(c.req.param('id'))
      if (!template.ok) return adminErrorResponse(c, template.error)
      return c.json({
        '@odata.context': odataContext(deps, 'applicationTemplates/$entity'),
        ...graphTemplate(template.value),
      })
    })
    .post('/applicationTemplates/:id/instantiate', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, instantiateBody, 'ApplicationServicePrincipal')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      const created = await apps.instantiate(c.req.param('id'), body.value.displayName)
      if (!created.ok) return adminErrorResponse(c, created.error)
      return c.json(
        {
          '@odata.context': odataContext(deps, 'microsoft.graph.applicationServicePrincipal'),
          application: graphApplication(created.value),
          servicePrincipal: graphServicePrincipal(created.value, tenant.id()),
        },
        201,
      )
    })
    .get('/applications', (c) =>
      collection(c, deps, 'applications', apps.listApps().map(graphApplication), applications),
    )
    .get('/applications/$count', (c) =>
      collectionCount(c, apps.listApps().map(graphApplication), applications),
    )
    .get('/applications/:id', (c) => get(c, c.req.param('id')))
    .get('/:key{applications\\(appId=.+\\)}', (c) => get(c, c.req.param('key').slice('applications'.length)))
    .patch('/applications/:id', (c) => patch(c, c.req.param('id')))
    .patch('/:key{applications\\(appId=.+\\)}', (c) =>
      patch(c, c.req.param('key').slice('applications'.length)),
    )
    .delete('/applications/:id', (c) => remove(c, c.req.param('id')))
}
