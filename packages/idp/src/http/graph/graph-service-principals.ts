import { Hono } from 'hono'
import type { ServicePrincipalPatch } from '../../enterprise-apps/app-service'
import {
  graphAssignment,
  graphSelfSignedCertificate,
  graphServicePrincipal,
} from '../../graph/app-projections'
import { ASSIGNMENT_RULES, plainRules, SERVICE_PRINCIPAL_RULES } from '../../graph/collection-rules'
import { graphClaimsPolicy } from '../../graph/directory-projections'
import { servicePrincipalBody, tokenSigningCertificateBody } from '../../graph/graph-bodies'
import type { CollectionQuery } from '../../graph/odata-query'
import type { HttpDeps, IdpContext, IdpEnv } from '../env'
import { assignFromBody } from './graph-assignments'
import { adminErrorResponse } from './graph-errors'
import { appIdOf, listedOrEmpty, noContent, readGraphReference, readGraphRequest } from './graph-requests'
import { collection, collectionCount, entity, plainEntity } from './odata-responses'

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
  const idFrom = (key: string): string => {
    const appId = appIdOf(key.slice('servicePrincipals'.length))
    if (appId === null) return key
    const app = apps.getByAppId(appId)
    return app.ok ? app.value.servicePrincipal.id : appId
  }
  const query: CollectionQuery = {
    rules: SERVICE_PRINCIPAL_RULES,
    expanders: {
      appRoleAssignedTo: (sp) => listedOrEmpty(assignments.listForApp(String(sp.id))).map(graphAssignment),
      claimsMappingPolicies: (sp) =>
        listedOrEmpty(claimsPolicies.assignedTo(String(sp.id))).map(graphClaimsPolicy),
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
    const body = await readGraphRequest(c, servicePrincipalBody, 'ServicePrincipal')
    if (!body.ok) return body.error
    return noContent(c, await apps.updateServicePrincipal(id, toPatch(body.value)))
  }
  const assign = (c: IdpContext, id: string) =>
    assignFromBody(
      c,
      deps,
      { property: 'resourceId', id, noun: 'service principal' },
      `servicePrincipals('${id}')/appRoleAssignedTo/$entity`,
    )
  return new Hono<IdpEnv>()
    .get('/servicePrincipals', (c) => collection(c, deps, 'servicePrincipals', all(), query))
    .get('/servicePrincipals/$count', (c) => collectionCount(c, all(), query))
    .get('/servicePrincipals/:id', (c) => get(c, c.req.param('id')))
    .get('/:key{servicePrincipals\\(appId=.+\\)}', (c) => get(c, idFrom(c.req.param('key'))))
    .patch('/servicePrincipals/:id', (c) => patch(c, c.req.param('id')))
    .patch('/:key{servicePrincipals\\(appId=.+\\)}', (c) => patch(c, idFrom(c.req.param('key'))))
    .delete('/servicePrincipals/:id', async (c) => noContent(c, await apps.deleteApp(c.req.param('id'))))
    .post('/servicePrincipals/:id/addTokenSigningCertificate', async (c) => {
      const body = await readGraphRequest(c, tokenSigningCertificateBody, 'SelfSignedCertificate')
      if (!body.ok) return body.error
      const added = await certificates.addCertificate(c.req.param('id'), body.value)
      if (!added.ok) return adminErrorResponse(c, added.error)
      return plainEntity(
        c,
        deps,
        'microsoft.graph.selfSignedCertificate',
        graphSelfSignedCertificate(added.value),
      )
    })
    .get('/servicePrincipals/:id/appRoleAssignedTo', (c) => {
      const id = c.req.param('id')
      const list = assignments.listForApp(id)
      if (!list.ok) return adminErrorResponse(c, list.error)
      return collection(
        c,
        deps,
        `servicePrincipals('${id}')/appRoleAssignedTo`,
        list.value.map(graphAssignment),
        {
          rules: ASSIGNMENT_RULES,
        },
      )
    })
    .post('/servicePrincipals/:id/appRoleAssignedTo', (c) => assign(c, c.req.param('id')))
    .post('/servicePrincipals/:id/appRoleAssignments', (c) => assign(c, c.req.param('id')))
    .delete('/servicePrincipals/:id/appRoleAssignedTo/:assignmentId', async (c) =>
      noContent(c, await assignments.removeFromApp(c.req.param('id'), c.req.param('assignmentId'))),
    )
    .get('/servicePrincipals/:id/claimsMappingPolicies', (c) => {
      const assigned = claimsPolicies.assignedTo(c.req.param('id'))
      if (!assigned.ok) return adminErrorResponse(c, assigned.error)
      return collection(c, deps, 'policies/claimsMappingPolicies', assigned.value.map(graphClaimsPolicy), {
        rules: plainRules('ClaimsMappingPolicy'),
      })
    })
    .post('/servicePrincipals/:id/claimsMappingPolicies/$ref', async (c) => {
      const policyId = await readGraphReference(c)
      if (!policyId.ok) return policyId.error
      return noContent(c, await claimsPolicies.assign(c.req.param('id'), policyId.value))
    })
    .delete('/servicePrincipals/:id/claimsMappingPolicies/:policyId/$ref', async (c) =>
      noContent(c, await claimsPolicies.unassign(c.req.param('id'), c.req.param('policyId'))),
    )
}
