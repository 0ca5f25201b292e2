import { Hono } from 'hono'
import { plainRules } from '../../graph/collection-rules'
import { graphClaimsPolicy, graphOrganization, graphSignIn } from '../../graph/directory-projections'
import { claimsPolicyBody, readGraphBody } from '../../graph/graph-bodies'
import type { HttpDeps, IdpEnv } from '../env'
import { readJson } from '../json-body'
import { adminErrorResponse, graphError } from './graph-errors'
import { collection, odataContext } from './odata-responses'

/** `/v1.0/policies/claimsMappingPolicies`, `/v1.0/auditLogs/signIns` and `/v1.0/organization`. */
export function graphPolicyRoutes(deps: HttpDeps) {
  const { claimsPolicies, signInLog, tenant } = deps.services
  return new Hono<IdpEnv>()
    .get('/policies/claimsMappingPolicies', (c) =>
      collection(c, deps, 'policies/claimsMappingPolicies', claimsPolicies.list().map(graphClaimsPolicy), {
        rules: plainRules('ClaimsMappingPolicy'),
      }),
    )
    .post('/policies/claimsMappingPolicies', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, claimsPolicyBody, 'ClaimsMappingPolicy')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      const created = await claimsPolicies.create(body.value)
      if (!created.ok) return adminErrorResponse(c, created.error)
      return c.json(
        {
          '@odata.context': odataContext(deps, 'policies/claimsMappingPolicies/$entity'),
          ...graphClaimsPolicy(created.value),
        },
        201,
      )
    })
    .get('/policies/claimsMappingPolicies/:id', (c) => {
      const policy = claimsPolicies.get(c.req.param('id'))
      if (!policy.ok) return adminErrorResponse(c, policy.error)
      return c.json({
        '@odata.context': odataContext(deps, 'policies/claimsMappingPolicies/$entity'),
        ...graphClaimsPolicy(policy.value),
      })
    })
    .patch('/policies/claimsMappingPolicies/:id', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, claimsPolicyBody, 'ClaimsMappingPolicy')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      const updated = await claimsPolicies.update(c.req.param('id'), body.value)
      return updated.ok ? c.body(null, 204) : adminErrorResponse(c, updated.error)
    })
    .delete('/policies/claimsMappingPolicies/:id', async (c) => {
      const deleted = await claimsPolicies.delete(c.req.param('id'))
      return deleted.ok ? c.body(null, 204) : adminErrorResponse(c, deleted.error)
    })
    .get('/auditLogs/signIns', (c) =>
      collection(c, deps, 'auditLogs/signIns', signInLog.list().map(graphSignIn), {
        rules: plainRules('SignIn', { createdDateTime: 'default' }),
      }),
    )
    .get('/organization', (c) =>
      collection(c, deps, 'organization', [graphOrganization(tenant.organization())], {
        rules: plainRules('Organization'),
      }),
    )
}
