import { attachmentDisposition } from '@sandbox/shared'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import type { SsoError } from '../sso-setup/sso-error'
import { ssoSettingsSchema, TRUST_MODES } from '../sso-setup/sso-schema'
import { adminAuth, apiBodyLimit, apiError, readJson } from './admin-kit'
import { type HttpDeps, NO_STORE, type SpEnv } from './env'

const importBody = z.strictObject({ xml: z.string().min(1), trustMode: z.enum(TRUST_MODES) })
const settingsBody = ssoSettingsSchema.partial().strict()
/** A CA certificate for the trust store (a root or an intermediate). */
const rootBody = z.strictObject({ pem: z.string().min(1) })
const orgBody = z.strictObject({ name: z.string() })

/** Control Hub's SSO wizard as JSON (`/api/v1`; users and SCIM token: users-api.ts). */
export function adminApiRoutes(deps: HttpDeps) {
  const { sso } = deps.services
  const answer = <T>(
    c: Context,
    result: { ok: true; value: T } | { ok: false; error: SsoError },
    status: 200 | 201 = 200,
  ) => (result.ok ? c.json(result.value as object, status, NO_STORE) : apiError(c, result.error))
  return new Hono<SpEnv>()
    .use('/api/v1/*', async (c, next) =>
      c.req.path === '/api/v1/session' ? next() : adminAuth(deps)(c, next),
    )
    .use('/api/v1/*', apiBodyLimit())
    .get('/api/v1/org', (c) => c.json(sso.organization(), 200, NO_STORE))
    .patch('/api/v1/org', async (c) => {
      const body = await readJson(c, orgBody)
      if (!body.ok) return body.response
      return answer(c, await sso.renameOrganization(body.value.name))
    })
    .get('/api/v1/sso', (c) => c.json(sso.status(), 200, NO_STORE))
    .get('/api/v1/sso/sp-metadata', (c) =>
      c.body(sso.spMetadata(), 200, {
        'Content-Type': 'application/samlmetadata+xml; charset=utf-8',
        'Content-Disposition': attachmentDisposition(
          `idb-meta-${deps.services.store.read().organization.id}-SP.xml`,
        ),
      }),
    )
    .post('/api/v1/sso/idp-metadata', async (c) => {
      const contentType = c.req.header('content-type') ?? ''
      let xml: string
      let trustMode: (typeof TRUST_MODES)[number]
      if (contentType.includes('json')) {
        const body = await readJson(c, importBody)
        if (!body.ok) return body.response
        ;({ xml, trustMode } = body.value)
      } else {
        xml = await c.req.text()
        const mode = c.req.query('trustMode') ?? 'ca-signed'
        if (!(TRUST_MODES as readonly string[]).includes(mode))
          return apiError(c, {
            code: 'INVALID_BODY',
            message: `trustMode must be one of ${TRUST_MODES.join(', ')}.`,
            fix: 'Add ?trustMode=ca-signed or self-signed-allowed.',
          })
        trustMode = mode as (typeof TRUST_MODES)[number]
      }
      return answer(c, await sso.importIdpMetadata(xml, trustMode))
    })
    .post('/api/v1/sso/test', (c) => answer(c, sso.startTest(), 201))
    .get('/api/v1/sso/test/result', (c) => c.json(sso.testResult(), 200, NO_STORE))
    .post('/api/v1/sso/enable', async (c) => answer(c, await sso.enable()))
    .post('/api/v1/sso/disable', async (c) => c.json(await sso.disable(), 200, NO_STORE))
    .patch('/api/v1/sso/settings', async (c) => {
      const body = await readJson(c, settingsBody)
      if (!body.ok) return body.response
      return answer(c, await sso.updateSettings(body.value))
    })
    .get('/api/v1/sso/trusted-roots', (c) => c.json({ roots: sso.trustedRoots() }, 200, NO_STORE))
    .post('/api/v1/sso/trusted-roots', async (c) => {
      const body = await readJson(c, rootBody)
      if (!body.ok) return body.response
      return answer(c, await sso.addTrustedRoot(body.value.pem), 201)
    })
    .delete('/api/v1/sso/trusted-roots/:thumbprint', async (c) => {
      const removed = await sso.removeTrustedRoot(c.req.param('thumbprint'))
      return removed.ok ? c.body(null, 204) : apiError(c, removed.error)
    })
    .get('/api/v1/sso/intermediate-cas', (c) =>
      c.json({ intermediates: sso.intermediateCas() }, 200, NO_STORE),
    )
    .post('/api/v1/sso/intermediate-cas', async (c) => {
      const body = await readJson(c, rootBody)
      if (!body.ok) return body.response
      return answer(c, await sso.addIntermediateCa(body.value.pem), 201)
    })
    .delete('/api/v1/sso/intermediate-cas/:thumbprint', async (c) => {
      const removed = await sso.removeIntermediateCa(c.req.param('thumbprint'))
      return removed.ok ? c.body(null, 204) : apiError(c, removed.error)
    })
    .get('/api/v1/sign-ins', (c) => c.json({ attempts: deps.services.memory.attempts() }, 200, NO_STORE))
    .post('/api/v1/sandbox/reset', async (c) => c.json(await sso.reset(), 200, NO_STORE))
}
