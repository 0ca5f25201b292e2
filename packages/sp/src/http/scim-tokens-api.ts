import { Hono } from 'hono'
import { z } from 'zod'
import { adminAuth } from './admin-auth'
import { type HttpDeps, NO_STORE, type SpEnv } from './env'
import { apiNoContent, apiResult } from './error-responses'
import { apiBodyLimit, readJson } from './json-body'

const newTokenBody = z.strictObject({ name: z.string() })

/**
 * The SCIM tokens under `/api/v1/scim/tokens`, behind the admin API token: the same service as
 * Control Hub's Organization Settings > SCIM. The list starts with the organization token (id
 * `organization`), then the named connector tokens; any of them can be revoked. A new named
 * token's value is in the answer to its POST only.
 */
export function scimTokensApiRoutes(deps: HttpDeps) {
  const { scimToken } = deps.services
  const { connectors } = scimToken
  return new Hono<SpEnv>()
    .use('/api/v1/scim/tokens', adminAuth(deps))
    .use('/api/v1/scim/tokens/*', adminAuth(deps))
    .use('/api/v1/scim/tokens', apiBodyLimit())
    .get('/api/v1/scim/tokens', (c) => c.json({ items: scimToken.list() }, 200, NO_STORE))
    .post('/api/v1/scim/tokens', async (c) => {
      const body = await readJson(c, newTokenBody)
      if (!body.ok) return body.response
      const issued = await connectors.issue(body.value.name)
      return apiResult(c, issued, {
        status: 201,
        view: ({ token, issued: listed }) => ({ ...listed, token }),
      })
    })
    .delete('/api/v1/scim/tokens/:id', async (c) =>
      apiNoContent(c, await scimToken.revoke(c.req.param('id'))),
    )
}
