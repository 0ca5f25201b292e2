import { Hono } from 'hono'
import type { HttpDeps, IdpEnv } from './env'
import { adminErrorResponse } from './graph/graph-errors'

/**
 * `/sandbox/api/traces`: every sign-in step by step (the Trace tab of Sign-in logs), by trace
 * id (the AuthnRequest ID, shared with Webex's trace), by sign-in log entry, and as a HAR file
 * without secrets. Behind the sandbox API's bearer token.
 */
export function sandboxTraceRoutes(deps: HttpDeps) {
  const { traces } = deps.services
  return new Hono<IdpEnv>()
    .get('/traces', (c) => {
      const recent = traces.recent(c.req.query('limit'))
      return recent.ok ? c.json({ value: recent.value }) : adminErrorResponse(c, recent.error)
    })
    .get('/traces/:id', (c) => {
      const trace = traces.trace(c.req.param('id'))
      return trace.ok ? c.json(trace.value) : adminErrorResponse(c, trace.error)
    })
    .get('/traces/:id/export', (c) => {
      const har = traces.exportHar(c.req.param('id'))
      if (!har.ok) return adminErrorResponse(c, har.error)
      return c.json(har.value, 200, { 'Content-Disposition': 'attachment; filename="sign-in-trace.har"' })
    })
    .get('/signIns/:id/trace', (c) => {
      const trace = traces.traceOfSignIn(c.req.param('id'))
      return trace.ok ? c.json(trace.value) : adminErrorResponse(c, trace.error)
    })
}
