import type { Result } from '@sandbox/shared'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { BULK_MAX_PAYLOAD_BYTES } from '../scim/bulk-request'
import type { ScimError } from '../scim/scim-error'
import type { ProjectionParams, ScimFlavour, ScimRequestContext, ScimResource } from '../scim/scim-service'
import type { HttpDeps, SpEnv } from './env'
import { scimActivityRecorder } from './scim-activity-recorder'
import { scimAuth } from './scim-auth'
import { readScimBody } from './scim-body'
import { scimDiscoveryRoutes } from './scim-discovery-routes'
import { scimFaultGate } from './scim-fault-gate'
import { scimErrorResponse, scimJson } from './scim-responses'

const LIST_PARAMETERS = [
  'filter',
  'startIndex',
  'count',
  'sortBy',
  'sortOrder',
  'attributes',
  'excludedAttributes',
]

function queryOf(c: Context, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = c.req.query(name)
      return value === undefined ? [] : [[name, value]]
    }),
  )
}

const projectionOf = (c: Context): ProjectionParams => queryOf(c, ['attributes', 'excludedAttributes'])

function methodNotAllowed(c: Context, allow: string): Response {
  c.header('Allow', allow)
  return scimErrorResponse(c, { status: 405, detail: `${c.req.method} is not allowed here; use ${allow}.` })
}

/**
 * `/Users/me` (RFC 7644 §3.11) is the user the bearer token belongs to, as Webex answers it. The
 * SCIM token Control Hub issues belongs to the organization (the provisioning connector), not
 * to any user, so there is no such user: a 404 that says so, for every method.
 */
function noMe(c: Context): Response {
  return scimErrorResponse(c, {
    status: 404,
    detail:
      '/Users/me is the user the bearer token was issued to; this SCIM token belongs to the organization (the provisioning connector), not to a user, so there is none. Find users with GET /Users?filter=userName eq "…".',
  })
}

function listJson(c: Context, result: Result<Record<string, unknown>, ScimError>): Response {
  return result.ok ? scimJson(c, result.value) : scimErrorResponse(c, result.error)
}

/**
 * The SCIM 2.0 server of one URL flavour, mounted under its base path: Users and Groups
 * (RFC 7644 §3), root queries, Bulk, discovery (RFC 7643 §5-7), and SCIM errors for the rest.
 */
function scimApi(deps: HttpDeps, flavour: ScimFlavour) {
  const { scim } = deps.services
  const { org } = deps.services
  const baseUrl = () => {
    const urls = org.scimBaseUrls()
    return flavour === 'v2' ? urls.scimBaseUrl : urls.legacyScimBaseUrl
  }
  const contextOf = (): ScimRequestContext => ({ orgId: org.current().id, baseUrl: baseUrl(), flavour })
  const single = (c: Context, result: Result<ScimResource, ScimError>, status: 200 | 201 = 200) =>
    result.ok
      ? scimJson(c, result.value.body, status, {
          ETag: result.value.etag,
          ...(status === 201 ? { Location: result.value.location } : {}),
        })
      : scimErrorResponse(c, result.error)
  const noContent = (c: Context, result: Result<unknown, ScimError>) =>
    result.ok ? c.body(null, 204) : scimErrorResponse(c, result.error)

  const app = new Hono<SpEnv>()
    .use('*', scimActivityRecorder(deps))
    .use('*', scimAuth(deps))
    .use('*', async (c, next) => {
      const orgId = c.req.param('orgId') ?? ''
      if (orgId.toLowerCase() !== org.current().id.toLowerCase()) {
        return scimErrorResponse(c, {
          status: 404,
          detail: `No organization ${orgId.slice(0, 64)} here: the tenant URL must be ${baseUrl()}.`,
        })
      }
      await next()
    })
    .use('*', scimFaultGate(deps))

  app
    .get('/', (c) => listJson(c, scim.searchAll(contextOf(), queryOf(c, LIST_PARAMETERS))))
    .post('/.search', async (c) => {
      const body = await readScimBody(c)
      return body.ok
        ? listJson(c, scim.searchAllRequest(contextOf(), body.value))
        : scimErrorResponse(c, body.error)
    })
    .all('/.search', (c) => methodNotAllowed(c, 'POST'))
    .post('/Bulk', async (c) => {
      const body = await readScimBody(c, BULK_MAX_PAYLOAD_BYTES)
      if (!body.ok) return scimErrorResponse(c, body.error)
      return listJson(c, await scim.bulk(contextOf(), body.value))
    })
    .all('/Bulk', (c) => methodNotAllowed(c, 'POST'))
    .all('/Users/me', noMe)

  for (const kind of ['users', 'groups'] as const) {
    const path = kind === 'users' ? '/Users' : '/Groups'
    const ops = scim[kind]
    app
      .get(path, (c) => listJson(c, ops.list(contextOf(), queryOf(c, LIST_PARAMETERS))))
      .post(path, async (c) => {
        const body = await readScimBody(c)
        if (!body.ok) return scimErrorResponse(c, body.error)
        return single(c, await ops.create(contextOf(), body.value, projectionOf(c)), 201)
      })
      .post(`${path}/.search`, async (c) => {
        const body = await readScimBody(c)
        return body.ok ? listJson(c, ops.search(contextOf(), body.value)) : scimErrorResponse(c, body.error)
      })
      .all(`${path}/.search`, (c) => methodNotAllowed(c, 'POST'))
      .get(`${path}/:id`, (c) => single(c, ops.get(contextOf(), c.req.param('id'), projectionOf(c))))
      .put(`${path}/:id`, async (c) => {
        const body = await readScimBody(c)
        if (!body.ok) return scimErrorResponse(c, body.error)
        const id = c.req.param('id')
        return single(
          c,
          await ops.replace(contextOf(), id, body.value, c.req.header('if-match'), projectionOf(c)),
        )
      })
      .patch(`${path}/:id`, async (c) => {
        const body = await readScimBody(c)
        if (!body.ok) return scimErrorResponse(c, body.error)
        const id = c.req.param('id')
        const result = await ops.patch(contextOf(), id, body.value, c.req.header('if-match'), projectionOf(c))
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
    .get('/Groups/:id/Members', (c) =>
      listJson(c, scim.groupMembers(c.req.param('id'), queryOf(c, ['startIndex', 'count', 'memberType']))),
    )
    .all('/Groups/:id/Members', (c) => methodNotAllowed(c, 'GET'))
    .route(
      '/',
      scimDiscoveryRoutes(() => contextOf().baseUrl),
    )
    .all('*', (c) =>
      scimErrorResponse(c, {
        status: 404,
        detail: `No SCIM endpoint ${new URL(c.req.url).pathname.slice(0, 200)}; use /Users, /Groups, /Bulk, /.search, /ServiceProviderConfig, /ResourceTypes or /Schemas.`,
      }),
    )
}

/**
 * Webex's SCIM 2 API (`/identity/scim/{orgId}/v2`), the legacy path Entra's gallery app uses
 * (`/v1/scim/{orgId}`), and Webex's org-less `/identity/scim/v2/Users/me`.
 */
export function scimRoutes(deps: HttpDeps) {
  return new Hono<SpEnv>()
    .route('/identity/scim/:orgId/v2', scimApi(deps, 'v2'))
    .route('/v1/scim/:orgId', scimApi(deps, 'legacy'))
    .use('/identity/scim/v2/Users/me', scimAuth(deps))
    .all('/identity/scim/v2/Users/me', noMe)
}
