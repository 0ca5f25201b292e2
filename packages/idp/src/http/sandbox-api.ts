import { Hono } from 'hono'
import { clockBody, settingsBody, tenantBody } from '../admin/sandbox-bodies'
import { bearerAuth } from './bearer-auth'
import type { HttpDeps, IdpEnv } from './env'
import { adminErrorResponse } from './graph/graph-errors'
import { readBody } from './json-body'
import { sandboxFaultRoutes } from './sandbox-faults-api'
import { sandboxProvisioningRoutes } from './sandbox-provisioning-api'
import { sandboxSamlRoutes } from './sandbox-saml-api'
import { sandboxTraceRoutes } from './sandbox-trace-api'

/**
 * `/sandbox/api`: what Graph cannot do (tenant overview, settings, reset, password reset,
 * the SAML page of an app, certificate kinds and downloads, metadata upload, fault presets), behind the same
 * bearer token as `/v1.0`.
 */
export function sandboxApiRoutes(deps: HttpDeps) {
  const { sandbox, samlConfig, directory, signInLog, tenant } = deps.services
  return new Hono<IdpEnv>()
    .use('/sandbox/api/*', bearerAuth(deps))
    .get('/sandbox/api/tenant', (c) => c.json(sandbox.overview()))
    .put('/sandbox/api/tenant', async (c) => {
      const body = await readBody(c, tenantBody)
      if (!body.ok) return body.error
      const renamed = await tenant.rename(body.value)
      return renamed.ok ? c.json(sandbox.overview()) : adminErrorResponse(c, renamed.error)
    })
    .put('/sandbox/api/settings', async (c) => {
      const body = await readBody(c, settingsBody)
      if (!body.ok) return body.error
      const set = await samlConfig.setDefaultCertificateKind(body.value.defaultCertificateKind)
      return set.ok ? c.json({ defaultCertificateKind: set.value }) : adminErrorResponse(c, set.error)
    })
    .get('/sandbox/api/clock', (c) => c.json({ offsetSeconds: sandbox.clockOffsetSeconds() }))
    .put('/sandbox/api/clock', async (c) => {
      const body = await readBody(c, clockBody)
      if (!body.ok) return body.error
      const set = sandbox.setClockOffset(body.value.offsetSeconds)
      return set.ok ? c.json({ offsetSeconds: set.value }) : adminErrorResponse(c, set.error)
    })
    .post('/sandbox/api/reset', async (c) => {
      const reset = await sandbox.reset()
      return reset.ok ? c.json(reset.value) : adminErrorResponse(c, reset.error)
    })
    .post('/sandbox/api/users/:id/resetPassword', async (c) => {
      const reset = await directory.resetPassword(c.req.param('id'))
      return reset.ok ? c.json({ password: reset.value }) : adminErrorResponse(c, reset.error)
    })
    .get('/sandbox/api/signIns', (c) => c.json({ value: signInLog.list() }))
    .route('/sandbox/api', sandboxSamlRoutes(deps))
    .route('/sandbox/api', sandboxProvisioningRoutes(deps))
    .route('/sandbox/api', sandboxTraceRoutes(deps))
    .route('/sandbox/api', sandboxFaultRoutes(deps))
}
