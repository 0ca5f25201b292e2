import { Hono } from 'hono'
import {
  logQuery,
  mappingsBody,
  provisioningConfigurationBody,
  provisionOnDemandBody,
  testConnectionBody,
} from '../admin/provisioning-bodies'
import { describeSchemaError } from '../admin/sandbox-bodies'
import type { HttpDeps, IdpContext, IdpEnv } from './env'
import { graphError, provisioningErrorResponse } from './graph/graph-errors'
import { readBody } from './json-body'

/**
 * `/sandbox/api/servicePrincipals/{id}/provisioning`: what an app's Provisioning pages do,
 * in their terms (one Save, Test Connection, Provision on demand, the logs), plus what Graph
 * cannot do: run a cycle now and wait for it, and the sandbox's interval and delays.
 */
export function sandboxProvisioningRoutes(deps: HttpDeps) {
  const { provisioning } = deps.services
  const base = '/servicePrincipals/:id/provisioning'
  const logs = (c: IdpContext, servicePrincipalId?: string) => {
    const query = logQuery.safeParse(c.req.query())
    if (!query.success) return graphError(c, 'BadRequest', describeSchemaError(query.error))
    return c.json({
      value: provisioning.logs({ ...query.data, ...(servicePrincipalId ? { servicePrincipalId } : {}) }),
    })
  }
  return new Hono<IdpEnv>()
    .get(base, (c) => {
      const page = provisioning.page(c.req.param('id'))
      return page.ok ? c.json(page.value) : provisioningErrorResponse(c, page.error)
    })
    .put(base, async (c) => {
      const body = await readBody(c, provisioningConfigurationBody)
      if (!body.ok) return body.error
      const { scope, ...rest } = body.value
      const saved = await provisioning.configure(c.req.param('id'), {
        ...rest,
        ...(scope ? { syncAll: scope === 'all' } : {}),
      })
      return saved.ok ? c.json(saved.value) : provisioningErrorResponse(c, saved.error)
    })
    .post(`${base}/testConnection`, async (c) => {
      const body = await readBody(c, testConnectionBody)
      if (!body.ok) return body.error
      const { tenantUrl, secretToken } = body.value
      const tested = await provisioning.testConnection(
        c.req.param('id'),
        null,
        tenantUrl === undefined && secretToken === undefined
          ? { useSavedCredentials: true }
          : { tenantUrl: tenantUrl ?? '', secretToken: secretToken ?? '' },
      )
      return tested.ok
        ? c.json({ ok: true, message: tested.value })
        : provisioningErrorResponse(c, tested.error)
    })
    .put(`${base}/mappings`, async (c) => {
      const body = await readBody(c, mappingsBody)
      if (!body.ok) return body.error
      const updated = await provisioning.updateMappings(c.req.param('id'), undefined, body.value)
      return updated.ok ? c.json(updated.value) : provisioningErrorResponse(c, updated.error)
    })
    .post(`${base}/mappings/reset`, async (c) => {
      const reset = await provisioning.resetMappings(c.req.param('id'), undefined)
      return reset.ok ? c.json(reset.value) : provisioningErrorResponse(c, reset.error)
    })
    .post(`${base}/cycles`, async (c) => {
      const ran = await provisioning.runCycleNow(c.req.param('id'))
      return ran.ok ? c.json(ran.value) : provisioningErrorResponse(c, ran.error)
    })
    .post(`${base}/provisionOnDemand`, async (c) => {
      const body = await readBody(c, provisionOnDemandBody)
      if (!body.ok) return body.error
      const { objectId, memberIds } = body.value
      const subjects =
        memberIds === undefined
          ? [{ objectId, objectTypeName: deps.services.groups.getGroup(objectId).ok ? 'Group' : 'User' }]
          : [
              { objectId, objectTypeName: 'Group' },
              ...memberIds.map((id) => ({ objectId: id, objectTypeName: 'User' })),
            ]
      const result = await provisioning.provisionOnDemand(c.req.param('id'), undefined, subjects)
      return result.ok ? c.json(result.value) : provisioningErrorResponse(c, result.error)
    })
    .get(`${base}/logs`, (c) => logs(c, c.req.param('id')))
    .get('/provisioning/logs', (c) => logs(c))
}
