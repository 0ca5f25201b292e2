import { Hono } from 'hono'
import type { ServicePrincipalPatch } from '../../enterprise-apps/app-service'
import {
  graphAssignment,
  graphSelfSignedCertificate,
  graphServicePrincipal,
} from '../../graph/app-projections'
import { ASSIGNMENT_RULES, plainRules, SERVICE_PRINCIPAL_RULES } from '../../graph/collection-rules'
import { graphClaimsPolicy } from '../../graph/directory-projections'
import {
  assignmentBody,
  readGraphBody,
  readReference,
  servicePrincipalBody,
  tokenSigningCertificateBody,
} from '../../graph/graph-bodies'
import type { CollectionQuery } from '../../graph/odata-query'
import type { HttpDeps, IdpContext, IdpEnv } from '../env'
import { readJson } from '../json-body'
import { adminErrorResponse, graphError } from './graph-errors'
import { collection, collectionCount, entity, odataContext } from './odata-responses'

/** Graph's PATCH body turned into the service's patch (tags → visibility, samlSingleSignOnSettings → relay state). */
function toPatch(body: ReturnType<typeof servicePrincipalBody.parse>): ServicePrincipalPatch {
  const { samlSingleSignOnSettings, tags, appRoles, ...rest } = body
  return {
    ...rest,
    ...(samlSingleSignOnSettings !== undefined
      ? { relayState: samlSingleSignOnSettings?.relayState ?? null }
      : {}),
    ...(tags !== undefined ? { visibleToUsers: !tags.includes('HideApp') } : {}),
    ...(appRoles !== undefined
      ? {
          appRoles: appRoles.map((r) => ({
            id: r.id,
            displayName: r.displayName,
            description: r.description ?? r.displayName,
            value: r.value ?? null,
            allowedMemberTypes: r.allowedMemberTypes,
          })),
        }
      : {}),
  }
}

/**
 * `/v1.0/servicePrincipals`: get/update/delete, `addTokenSigningCertificate`,
 * `appRoleAssignedTo` (and the tutorial's `appRoleAssignments`), `claimsMappingPolicies/$ref`.
 */
export function graphServicePrincipalRoutes(deps: HttpDeps) {
  const { apps, assignments, certificates, claimsPolicies, tenant } = deps.services
  // Route parameters arrive decoded: decoding again would misread (or throw on) a literal '%'.
  const idFrom = (key: string): string => {
    const alternate = /^servicePrincipals\(appId='([^']+)'\)$/.exec(key)
    if (!alternate?.[1]) return key
    const app = apps.getByAppId(alternate[1])
    return app.ok ? app.value.servicePrincipal.id : alternate[1]
  }
  const assignedTo = (servicePrincipalId: string) => {
    const list = assignments.listForApp(servicePrincipalId)
    return list.ok ? list.value.map(graphAssignment) : []
  }
  const policies = (servicePrincipalId: string) => {
    const assigned = claimsPolicies.assignedTo(servicePrincipalId)
    return assigned.ok ? assigned.value.map(graphClaimsPolicy) : []
  }
  const query: CollectionQuery = {
    rules: SERVICE_PRINCIPAL_RULES,
    expanders: {
      appRoleAssignedTo: (sp) => assignedTo(String(sp.id)),
      claimsMappingPolicies: (sp) => policies(String(sp.id)),
    },
  }
  const all = () => {
    const tenantId = tenant.id()
    return apps.listApps().map((a) => graphServicePrincipal(a, tenantId))
  }
  const get = (c: IdpContext, id: string) => {
    const app = apps.getByServicePrincipal(id)
    if (!app.ok) return adminErrorResponse(c, app.error)
    return entity(c, deps, 'servicePrincipals/$entity', graphServicePrincipal(app.value, tenant.id()), query)
  }
  const patch = async (c: IdpContext, id: string) => {
    const json = await readJson(c)
    if (!json.ok) return json.error
    const body = readGraphBody(json.value, servicePrincipalBody, 'ServicePrincipal')
    if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
    const updated = await apps.updateServicePrincipal(id, toPatch(body.value))
    return updated.ok ? c.body(null, 204) : adminErrorResponse(c, updated.error)
  }
  const assign = async (c: IdpContext) => {
    const json = await readJson(c)
    if (!json.ok) return json.error
    const body = readGraphBody(json.value, assignmentBody, 'AppRoleAssignment')
    if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
    const resourceId = c.req.param('id') ?? ''
    if (body.value.resourceId && body.value.resourceId !== resourceId) {
      return graphError(
        c,
        'Request_BadRequest',
        'resourceId must be the id of the service principal in the URL.',
      )
    }
    const created = await assignments.assign({
      resourceId,
      principalId: body.value.principalId ?? '',
      ...(body.value.appRoleId ? { appRoleId: body.value.appRoleId } : {}),
    })
    if (!created.ok) return adminErrorResponse(c, created.error)
    const context = odataContext(deps, `servicePrincipals('${resourceId}')/appRoleAssignedTo/$entity`)
    return c.json({ '@odata.context': context, ...graphAssignment(created.value) }, 201)
  }
  return new Hono<IdpEnv>()
    .get('/servicePrincipals', (c) => collection(c, deps, 'servicePrincipals', all(), query))
    .get('/servicePrincipals/$count', (c) => collectionCount(c, all(), query))
    .get('/servicePrincipals/:id', (c) => get(c, c.req.param('id')))
    .get('/:key{servicePrincipals\\(appId=.+\\)}', (c) => get(c, idFrom(c.req.param('key'))))
    .patch('/servicePrincipals/:id', (c) => patch(c, c.req.param('id')))
    .patch('/:key{servicePrincipals\\(appId=.+\\)}', (c) => patch(c, idFrom(c.req.param('key'))))
    .delete('/servicePrincipals/:id', async (c) => {
      const id = c.req.param('id')
      if (!apps.getByServicePrincipal(id).ok)
        return adminErrorResponse(c, {
          code: 'NOT_FOUND',
          message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
        })
      const deleted = await apps.deleteApp(id)
      return deleted.ok ? c.body(null, 204) : adminErrorResponse(c, deleted.error)
    })
    .post('/servicePrincipals/:id/addTokenSigningCertificate', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const body = readGraphBody(json.value, tokenSigningCertificateBody, 'SelfSignedCertificate')
      if (!body.ok) return graphError(c, 'Request_BadRequest', body.error)
      const added = await certificates.addCertificate(c.req.param('id'), body.value)
      if (!added.ok) return adminErrorResponse(c, added.error)
      return c.json({
        '@odata.context': odataContext(deps, 'microsoft.graph.selfSignedCertificate'),
        ...graphSelfSignedCertificate(added.value),
      })
    })
    .get('/servicePrincipals/:id/appRoleAssignedTo', (c) => {
      const list = assignments.listForApp(c.req.param('id'))
      if (!list.ok) return adminErrorResponse(c, list.error)
      return collection(
        c,
        deps,
        `servicePrincipals('${c.req.param('id')}')/appRoleAssignedTo`,
        assignedTo(c.req.param('id')),
        { rules: ASSIGNMENT_RULES },
      )
    })
    .post('/servicePrincipals/:id/appRoleAssignedTo', (c) => assign(c))
    .post('/servicePrincipals/:id/appRoleAssignments', (c) => assign(c))
    .delete('/servicePrincipals/:id/appRoleAssignedTo/:assignmentId', async (c) => {
      const list = assignments.listForApp(c.req.param('id'))
      if (!list.ok) return adminErrorResponse(c, list.error)
      if (!list.value.some((a) => a.id === c.req.param('assignmentId'))) {
        return adminErrorResponse(c, {
          code: 'NOT_FOUND',
          message: `Resource '${c.req.param('assignmentId')}' does not exist or one of its queried reference-property objects are not present.`,
        })
      }
      const removed = await assignments.unassign(c.req.param('assignmentId'))
      return removed.ok ? c.body(null, 204) : adminErrorResponse(c, removed.error)
    })
    .get('/servicePrincipals/:id/claimsMappingPolicies', (c) => {
      const assigned = claimsPolicies.assignedTo(c.req.param('id'))
      if (!assigned.ok) return adminErrorResponse(c, assigned.error)
      return collection(c, deps, 'policies/claimsMappingPolicies', assigned.value.map(graphClaimsPolicy), {
        rules: plainRules('ClaimsMappingPolicy'),
      })
    })
    .post('/servicePrincipals/:id/claimsMappingPolicies/$ref', async (c) => {
      const json = await readJson(c)
      if (!json.ok) return json.error
      const policyId = readReference(json.value)
      if (!policyId.ok) return graphError(c, 'Request_BadRequest', policyId.error)
      const assigned = await claimsPolicies.assign(c.req.param('id'), policyId.value)
      return assigned.ok ? c.body(null, 204) : adminErrorResponse(c, assigned.error)
    })
    .delete('/servicePrincipals/:id/claimsMappingPolicies/:policyId/$ref', async (c) => {
      const removed = await claimsPolicies.unassign(c.req.param('id'), c.req.param('policyId'))
      return removed.ok ? c.body(null, 204) : adminErrorResponse(c, removed.error)
    })
}
