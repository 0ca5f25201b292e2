import { Hono } from 'hono'
import { notFoundMessage } from '../../errors/api-codes'
import { graphDirectoryAudit } from '../../graph/audit-projections'
import { plainRules } from '../../graph/collection-rules'
import { graphClaimsPolicy, graphOrganization, graphSignIn } from '../../graph/directory-projections'
import { claimsPolicyBody } from '../../graph/graph-bodies'
import type { HttpDeps, IdpEnv } from '../env'
import { adminErrorResponse } from './graph-errors'
import { noContent, readGraphRequest } from './graph-requests'
import { collection, created, plainEntity } from './odata-responses'

/**
 * `/v1.0/policies/claimsMappingPolicies`, `/v1.0/auditLogs/signIns`, `/v1.0/auditLogs/directoryAudits`
 * and `/v1.0/organization`.
 */
export function graphPolicyRoutes(deps: HttpDeps) {
  const { claimsPolicies, signInLog, audit, tenant } = deps.services
  const fragment = 'policies/claimsMappingPolicies/$entity'
  return new Hono<IdpEnv>()
    .get('/policies/claimsMappingPolicies', (c) =>
      collection(c, deps, 'policies/claimsMappingPolicies', claimsPolicies.list().map(graphClaimsPolicy), {
        rules: plainRules('ClaimsMappingPolicy'),
      }),
    )
    .post('/policies/claimsMappingPolicies', async (c) => {
      const body = await readGraphRequest(c, claimsPolicyBody, 'ClaimsMappingPolicy')
      if (!body.ok) return body.error
      const made = await claimsPolicies.create(body.value)
      return made.ok
        ? created(c, deps, fragment, graphClaimsPolicy(made.value))
        : adminErrorResponse(c, made.error)
    })
    .get('/policies/claimsMappingPolicies/:id', (c) => {
      const policy = claimsPolicies.get(c.req.param('id'))
      if (!policy.ok) return adminErrorResponse(c, policy.error)
      return plainEntity(c, deps, fragment, graphClaimsPolicy(policy.value))
    })
    .patch('/policies/claimsMappingPolicies/:id', async (c) => {
      const body = await readGraphRequest(c, claimsPolicyBody, 'ClaimsMappingPolicy')
      if (!body.ok) return body.error
      return noContent(c, await claimsPolicies.update(c.req.param('id'), body.value))
    })
    .delete('/policies/claimsMappingPolicies/:id', async (c) =>
      noContent(c, await claimsPolicies.delete(c.req.param('id'))),
    )
    .get('/auditLogs/signIns', (c) =>
      collection(c, deps, 'auditLogs/signIns', signInLog.list().map(graphSignIn), {
        rules: plainRules('SignIn', { createdDateTime: 'default' }),
      }),
    )
    .get('/auditLogs/directoryAudits', (c) =>
      collection(c, deps, 'auditLogs/directoryAudits', audit.list().map(graphDirectoryAudit), {
        rules: plainRules('DirectoryAudit', { activityDateTime: 'default' }),
      }),
    )
    .get('/auditLogs/directoryAudits/:id', (c) => {
      const record = audit.get(c.req.param('id'))
      if (!record) {
        return adminErrorResponse(c, { code: 'NOT_FOUND', message: notFoundMessage(c.req.param('id')) })
      }
      return plainEntity(c, deps, 'auditLogs/directoryAudits/$entity', graphDirectoryAudit(record))
    })
    .get('/organization', (c) =>
      collection(c, deps, 'organization', [graphOrganization(tenant.organization())], {
        rules: plainRules('Organization'),
      }),
    )
}
