import type { Context } from 'hono'
import { Hono } from 'hono'
import {
  findSchema,
  resourceTypes,
  schemaResource,
  schemaResources,
  serviceProviderConfig,
} from '../scim/discovery'
import type { ScimError } from '../scim/scim-error'
import type { ProjectionParams, ScimFlavour, ScimRequestContext, ScimResource } from '../scim/scim-service'
import { LIST_RESPONSE_URN } from '../scim/scim-urns'
import type { HttpDeps, SpEnv } from './env'
import { readScimBody, scimAuth, scimErrorResponse, scimJson } from './scim-kit'

type Result<T> = { ok: true; value: T } | { ok: false; error: ScimError }

function projectionOf(c: Context): ProjectionParams {
  const attributes = c.req.query('attributes')
  const excludedAttributes = c.req.query('excludedAttributes')
  return { ...(attributes ? { attributes } : {}), ...(excludedAttributes ? { excludedAttributes } : {}) }
}

function listResponse(resources: Record<string, unknown>[]) {
  return {
    schemas: [LIST_RESPONSE_URN],
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    Resources: resources,
  }
}

/**
 * The SCIM 2.0 server of one URL flavour, mounted under its base path: Users and Groups
 * (RFC 7644 §3), discovery (RFC 7643 §5-7), and SCIM errors for everything else.
 */
function scimApi(deps: HttpDeps, flavour: ScimFlavour) {
  const { scim } = deps.services
  const base = (orgId: string) =>
    flavour === 'v2' ? `${deps.url}/identity/scim/${orgId}/v2` : `${deps.url}/v1/scim/${orgId}`
  const contextOf = (_c: Context): ScimRequestContext => {
    const orgId = deps.services.store.read().organization.id
    return { orgId, baseUrl: base(orgId), flavour }
  }
  const single = (c: Context, result: Result<ScimResource>, status: 200 | 201 = 200) =>
    result.ok
      ? scimJson(c, result.value.body, status, {
          ETag: result.value.etag,
          ...(status === 201 ? { Location: result.value.location } : {}),
        })
      : scimErrorResponse(c, result.error)
  const noContent = (c: Context, result: Result<unknown>) =>
    result.ok ? c.body(null, 204) : scimErrorResponse(c, result.error)

  const app = new Hono<SpEnv>().use('*', scimAuth(deps)).use('*', async (c, next) => {
    const orgId = c.req.param('orgId') ?? ''
    if (orgId.toLowerCase() !== deps.services.store.read().organization.id.toLowerCase()) {
      return scimErrorResponse(c, {
        status: 404,
        detail: `No organization ${orgId.slice(0, 64)} here: the tenant URL must be ${base(deps.services.store.read().organization.id)}.`,
      })
    }
    await next()
  })

  for (const kind of ['users', 'groups'] as const) {
    const path = kind === 'users' ? '/Users' : '/Groups'
    const ops = scim[kind]
    app
      .get(path, (c) => {
        const q = (name: string) => c.req.query(name)
        const params = Object.fromEntries(
          ['filter', 'startIndex', 'count', 'sortBy', 'sortOrder', 'attributes', 'excludedAttributes']
            .map((name) => [name, q(name)])
            .filter(([, v]) => v !== undefined),
        )
        const result = ops.list(contextOf(c), params)
        return result.ok ? scimJson(c, result.value) : scimErrorResponse(c, result.error)
      })
      .post(path, async (c) => {
        const body = await readScimBody(c)
        if (!body.ok) return scimErrorResponse(c, body.error)
        return single(c, await ops.create(contextOf(c), body.value, projectionOf(c)), 201)
      })
      .post(`${path}/.search`, (c) =>
        scimErrorResponse(c, {
          status: 501,
          detail: 'POST .search is not supported; use GET with ?filter=.',
        }),
      )
      .get(`${path}/:id`, (c) => single(c, ops.get(contextOf(c), c.req.param('id'), projectionOf(c))))
      .put(`${path}/:id`, async (c) => {
        const body = await readScimBody(c)
        if (!body.ok) return scimErrorResponse(c, body.error)
        return single(
          c,
          await ops.replace(
            contextOf(c),
            c.req.param('id'),
            body.value,
            c.req.header('if-match'),
            projectionOf(c),
          ),
        )
      })
      .patch(`${path}/:id`, async (c) => {
        const body = await readScimBody(c)
        if (!body.ok) return scimErrorResponse(c, body.error)
        const result = await ops.patch(
          contextOf(c),
          c.req.param('id'),
          body.value,
          c.req.header('if-match'),
          projectionOf(c),
        )
        // Entra's gallery connector expects 204 for group PATCH; Webex's v2 API answers 200 with the group.
        if (kind === 'groups' && flavour === 'legacy') return noContent(c, result)
        return single(c, result)
      })
      .delete(`${path}/:id`, async (c) =>
        noContent(c, await ops.remove(c.req.param('id'), c.req.header('if-match'))),
      )
      .all(path, (c) => methodNotAllowed(c, 'GET, POST'))
      .all(`${path}/:id`, (c) => methodNotAllowed(c, 'GET, PUT, PATCH, DELETE'))
  }

  return app
    .get('/ServiceProviderConfig', (c) => scimJson(c, serviceProviderConfig(contextOf(c).baseUrl)))
    .get('/ResourceTypes', (c) => scimJson(c, listResponse(resourceTypes(contextOf(c).baseUrl))))
    .get('/ResourceTypes/:name', (c) => {
      const found = resourceTypes(contextOf(c).baseUrl).find(
        (r) => String(r.id).toLowerCase() === c.req.param('name').toLowerCase(),
      )
      return found
        ? scimJson(c, found)
        : scimErrorResponse(c, { status: 404, detail: 'Resource types are User and Group.' })
    })
    .get('/Schemas', (c) => scimJson(c, listResponse(schemaResources(contextOf(c).baseUrl))))
    .get('/Schemas/:id', (c) => {
      const schema = findSchema(c.req.param('id'))
      return schema
        ? scimJson(c, schemaResource(schema, contextOf(c).baseUrl))
        : scimErrorResponse(c, {
            status: 404,
            detail: `No schema ${c.req.param('id').slice(0, 100)}; GET /Schemas lists them.`,
          })
    })
    .all('/Bulk', (c) =>
      scimErrorResponse(c, {
        status: 501,
        detail: 'Bulk operations are not supported; send one request per resource.',
      }),
    )
    .all('*', (c) =>
      scimErrorResponse(c, {
        status: 404,
        detail: `No SCIM endpoint ${new URL(c.req.url).pathname.slice(0, 200)}; use /Users, /Groups, /ServiceProviderConfig, /ResourceTypes or /Schemas.`,
      }),
    )
}

function methodNotAllowed(c: Context, allow: string): Response {
  c.header('Allow', allow)
  return scimErrorResponse(c, { status: 405, detail: `${c.req.method} is not allowed here; use ${allow}.` })
}

/** Webex's SCIM 2 API (`/identity/scim/{orgId}/v2`) and the legacy path Entra's gallery app uses (`/v1/scim/{orgId}`). */
export function scimRoutes(deps: HttpDeps) {
  return new Hono<SpEnv>()
    .route('/identity/scim/:orgId/v2', scimApi(deps, 'v2'))
    .route('/v1/scim/:orgId', scimApi(deps, 'legacy'))
}
