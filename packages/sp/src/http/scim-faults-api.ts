import { Hono } from 'hono'
import { z } from 'zod'
import { SCIM_FAULT_DESCRIPTIONS, SCIM_FAULT_PRESETS } from '../scim/scim-faults'
import { adminAuth } from './admin-auth'
import { type HttpDeps, NO_STORE, type SpEnv } from './env'
import { apiNoContent, apiResult } from './error-responses'
import { apiBodyLimit, readJson } from './json-body'

/** The fault service checks each value's range and meaning; the schema only the types. */
const scimFaultBody = z.strictObject({
  preset: z.string().max(64),
  orgId: z.string().max(128).optional(),
  count: z.number().optional(),
  retryAfterSeconds: z.number().optional(),
  delayMs: z.number().optional(),
})

/**
 * `/api/v1/sandbox/faults`, behind the admin API token: SCIM break-it presets for the
 * organization's next SCIM calls (429 with Retry-After, 500, slow). Add, list, remove, clear.
 */
export function scimFaultsApiRoutes(deps: HttpDeps) {
  const { scimFaults } = deps.services
  return new Hono<SpEnv>()
    .use('/api/v1/sandbox/faults', adminAuth(deps))
    .use('/api/v1/sandbox/faults/*', adminAuth(deps))
    .use('/api/v1/sandbox/faults', apiBodyLimit())
    .get('/api/v1/sandbox/faults', (c) =>
      c.json(
        {
          items: scimFaults.list(),
          presets: SCIM_FAULT_PRESETS.map((preset) => ({
            preset,
            description: SCIM_FAULT_DESCRIPTIONS[preset],
          })),
        },
        200,
        NO_STORE,
      ),
    )
    .post('/api/v1/sandbox/faults', async (c) => {
      const body = await readJson(c, scimFaultBody)
      if (!body.ok) return body.response
      return apiResult(c, scimFaults.add(body.value), { status: 201 })
    })
    .delete('/api/v1/sandbox/faults', (c) => {
      scimFaults.clear()
      return c.body(null, 204)
    })
    .delete('/api/v1/sandbox/faults/:id', (c) => apiNoContent(c, scimFaults.remove(c.req.param('id'))))
}
