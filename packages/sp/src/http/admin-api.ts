import { attachmentDisposition } from '@sandbox/shared'
import { Hono } from 'hono'
import { z } from 'zod'
import { spError } from '../errors/catalogue'
import { ssoSettingsSchema, TRUST_MODES, type TrustMode } from '../sso-setup/sso-schema'
import { adminAuth } from './admin-auth'
import { type HttpDeps, NO_STORE, type SpEnv } from './env'
import { apiError, apiNoContent, apiResult } from './error-responses'
import { apiBodyLimit, readJson } from './json-body'

const importBody = z.strictObject({ xml: z.string().min(1), trustMode: z.enum(TRUST_MODES) })
const settingsBody = ssoSettingsSchema.partial().strict()
/** A CA certificate for the trust store (a root or an intermediate). */
const certificateBody = z.strictObject({ pem: z.string().min(1) })
const orgBody = z.strictObject({ name: z.string() })

const isTrustMode = (mode: string): mode is TrustMode => (TRUST_MODES as readonly string[]).includes(mode)

/** Control Hub's SSO wizard as JSON (`/api/v1`; users and SCIM token: users-api.ts). */
export function adminApiRoutes(deps: HttpDeps) {
  const { sso, org, signIn, traces } = deps.services
  const app = new Hono<SpEnv>()
    .use('/api/v1/*', async (c, next) =>
      c.req.path === '/api/v1/session' ? next() : adminAuth(deps)(c, next),
    )
    .use('/api/v1/*', apiBodyLimit())
    .get('/api/v1/org', (c) => c.json(org.describe(), 200, NO_STORE))
    .patch('/api/v1/org', async (c) => {
      const body = await readJson(c, orgBody)
      if (!body.ok) return body.response
      return apiResult(c, await org.rename(body.value.name))
    })
    .get('/api/v1/sso', (c) => c.json(sso.status(), 200, NO_STORE))
    .get('/api/v1/sso/sp-metadata', (c) =>
      c.body(sso.spMetadata(), 200, {
        'Content-Type': 'application/samlmetadata+xml; charset=utf-8',
        'Content-Disposition': attachmentDisposition(`idb-meta-${org.current().id}-SP.xml`),
      }),
    )
    .post('/api/v1/sso/idp-metadata', async (c) => {
      if ((c.req.header('content-type') ?? '').includes('json')) {
        const body = await readJson(c, importBody)
        if (!body.ok) return body.response
        return apiResult(c, await sso.importIdpMetadata(body.value.xml, body.value.trustMode))
      }
      const mode = c.req.query('trustMode') ?? 'ca-signed'
      if (!isTrustMode(mode)) return apiError(c, spError('INVALID_BODY', { trustModes: TRUST_MODES }))
      return apiResult(c, await sso.importIdpMetadata(await c.req.text(), mode))
    })
    .post('/api/v1/sso/test', (c) => apiResult(c, sso.startTest(), { status: 201 }))
    .get('/api/v1/sso/test/result', (c) => c.json(sso.testResult(), 200, NO_STORE))
    .post('/api/v1/sso/enable', async (c) => apiResult(c, await sso.enable()))
    .post('/api/v1/sso/disable', async (c) => c.json(await sso.disable(), 200, NO_STORE))
    .patch('/api/v1/sso/settings', async (c) => {
      const body = await readJson(c, settingsBody)
      if (!body.ok) return body.response
      return apiResult(c, await sso.updateSettings(body.value))
    })
    .get('/api/v1/sign-ins', (c) => c.json({ attempts: signIn.attempts() }, 200, NO_STORE))
    // Each sign-in step by step (the Trace tab), by trace id (the AuthnRequest ID Entra's trace shares).
    .get('/api/v1/traces', (c) =>
      apiResult(c, traces.recent(c.req.query('limit')), { view: (value) => ({ traces: value }) }),
    )
    .get('/api/v1/traces/:id', (c) => apiResult(c, traces.trace(c.req.param('id'))))
    .get('/api/v1/traces/:id/export', (c) => {
      const har = traces.exportHar(c.req.param('id'))
      if (!har.ok) return apiError(c, har.error)
      return c.json(har.value, 200, {
        ...NO_STORE,
        'Content-Disposition': attachmentDisposition('sign-in-trace.har'),
      })
    })
    .post('/api/v1/sandbox/reset', async (c) => {
      const reset = await sso.reset()
      deps.services.scim.clearActivity()
      deps.services.scimFaults.clear()
      return c.json(reset, 200, NO_STORE)
    })

  // The trust store's two shelves answer alike: list, add (PEM), remove by thumbprint.
  const shelves = [
    { path: 'trusted-roots', key: 'roots', shelf: sso.roots },
    { path: 'intermediate-cas', key: 'intermediates', shelf: sso.intermediates },
  ] as const
  for (const { path, key, shelf } of shelves) {
    app
      .get(`/api/v1/sso/${path}`, (c) => c.json({ [key]: shelf.list() }, 200, NO_STORE))
      .post(`/api/v1/sso/${path}`, async (c) => {
        const body = await readJson(c, certificateBody)
        if (!body.ok) return body.response
        return apiResult(c, await shelf.add(body.value.pem), { status: 201 })
      })
      .delete(`/api/v1/sso/${path}/:thumbprint`, async (c) =>
        apiNoContent(c, await shelf.remove(c.req.param('thumbprint'))),
      )
  }
  return app
}
