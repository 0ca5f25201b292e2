import { Hono } from 'hono'
import { graphApplication, graphServicePrincipal } from '../../graph/app-projections'
import { APPLICATION_RULES, plainRules } from '../../graph/collection-rules'
import { graphTemplate } from '../../graph/directory-projections'
import { applicationBody, instantiateBody } from '../../graph/graph-bodies'
import type { CollectionQuery } from '../../graph/odata-query'
import type { HttpDeps, IdpContext, IdpEnv } from '../env'
import { adminErrorResponse } from './graph-errors'
import { appIdOf, noContent, readGraphRequest } from './graph-requests'
import { collection, collectionCount, created, entity, plainEntity } from './odata-responses'

const applications: CollectionQuery = { rules: APPLICATION_RULES }
const templates: CollectionQuery = { rules: plainRules('ApplicationTemplate') }

/** `/v1.0/applicationTemplates` (list, `$filter`, `instantiate`) and `/v1.0/applications` (get, update, delete). */
export function graphApplicationRoutes(deps: HttpDeps) {
  const { apps, tenant } = deps.services
  /** The object id behind `/applications/{id}` or `/applications(appId='{appId}')`. */
  const idFrom = (key: string): string => {
    const appId = appIdOf(key)
    if (appId === null) return key
    const app = apps.getByAppId(appId)
    return app.ok ? app.value.application.id : appId
  }
  const patch = async (c: IdpContext, key: string) => {
    const body = await readGraphRequest(c, applicationBody, 'Application')
    if (!body.ok) return body.error
    const { web, ...rest } = body.value
    const updated = await apps.updateApplication(idFrom(key), {
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
    return noContent(c, updated)
  }
  const get = (c: IdpContext, key: string) => {
    const app = apps.getByApplication(idFrom(key))
    if (!app.ok) return adminErrorResponse(c, app.error)
    return entity(c, deps, 'applications/$entity', graphApplication(app.value), applications)
  }
  return new Hono<IdpEnv>()
    .get('/applicationTemplates', (c) =>
      collection(c, deps, 'applicationTemplates', apps.listTemplates().map(graphTemplate), templates),
    )
    .get('/applicationTemplates/:id', (c) => {
      const template = apps.getTemplate(c.req.param('id'))
      if (!template.ok) return adminErrorResponse(c, template.error)
      return plainEntity(c, deps, 'applicationTemplates/$entity', graphTemplate(template.value))
    })
    .post('/applicationTemplates/:id/instantiate', async (c) => {
      const body = await readGraphRequest(c, instantiateBody, 'ApplicationServicePrincipal')
      if (!body.ok) return body.error
      const made = await apps.instantiate(c.req.param('id'), body.value.displayName)
      if (!made.ok) return adminErrorResponse(c, made.error)
      return created(c, deps, 'microsoft.graph.applicationServicePrincipal', {
        application: graphApplication(made.value),
        servicePrincipal: graphServicePrincipal(made.value, tenant.id()),
      })
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
    .delete('/applications/:id', async (c) =>
      noContent(c, await apps.deleteApp(c.req.param('id'), 'application')),
    )
}
