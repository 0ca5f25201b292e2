import { Hono } from 'hono'
import { faultBody } from '../admin/sandbox-bodies'
import { SIGN_IN_FAULT_DESCRIPTIONS, SIGN_IN_FAULT_PRESETS } from '../faults/fault-presets'
import type { HttpDeps, IdpEnv } from './env'
import { adminErrorResponse, graphError } from './graph/graph-errors'
import { readBody } from './json-body'

/**
 * `/sandbox/api/faults`: break-it presets for the next sign-ins or for every sign-in to one
 * app (Graph has no place for them). Add one, list the waiting ones with the presets on offer,
 * remove one or all. Behind the sandbox API's bearer token.
 */
export function sandboxFaultRoutes(deps: HttpDeps) {
  const { faults } = deps.services
  return new Hono<IdpEnv>()
    .get('/faults', (c) =>
      c.json({
        value: faults.list(),
        presets: SIGN_IN_FAULT_PRESETS.map((preset) => ({
          preset,
          description: SIGN_IN_FAULT_DESCRIPTIONS[preset],
        })),
      }),
    )
    .post('/faults', async (c) => {
      const body = await readBody(c, faultBody)
      if (!body.ok) return body.error
      const added = faults.add(body.value)
      return added.ok ? c.json(added.value, 201) : adminErrorResponse(c, added.error)
    })
    .delete('/faults', (c) => {
      faults.clear()
      return c.body(null, 204)
    })
    .delete('/faults/:id', (c) => {
      const id = c.req.param('id')
      if (faults.remove(id)) return c.body(null, 204)
      return graphError(
        c,
        'Request_ResourceNotFound',
        `No waiting fault "${id.slice(0, 64)}": it was spent, cleared or never added. List them with GET /sandbox/api/faults.`,
      )
    })
}
