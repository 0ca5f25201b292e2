import type { Result } from '@sandbox/shared'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { type SpError, spError } from '../errors/catalogue'
import { MAX_SCIM_ACTIVITY } from '../scim/scim-activity'
import type { StoredUser } from '../users/user-service'
import { adminAuth } from './admin-auth'
import { type HttpDeps, NO_STORE, type SpEnv } from './env'
import { apiError, apiNoContent, apiResult } from './error-responses'
import { apiBodyLimit, readJson } from './json-body'

const newUserBody = z.strictObject({
  email: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  displayName: z.string().optional(),
})
const userChangesBody = z.strictObject({
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  displayName: z.string().optional(),
  active: z.boolean().optional(),
})

/** `GET /api/v1/scim/activity`: only successes or failures, and how many (newest first). */
const activityQuery = z.strictObject({
  result: z.enum(['success', 'failure']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SCIM_ACTIVITY).optional(),
})

/** A user as the JSON API shows it (Control Hub's columns plus the SCIM identifiers). */
function userView(user: StoredUser) {
  return {
    id: user.id,
    email: user.userName,
    firstName: user.givenName,
    lastName: user.familyName,
    displayName: user.displayName,
    active: user.active,
    status: user.active ? 'Active' : 'Inactive',
    userType: user.userType,
    emails: user.emails,
    externalId: user.externalId,
    source: user.source,
    created: user.created,
    lastModified: user.lastModified,
  }
}

function answer(c: Context, result: Result<StoredUser, SpError>, status: 200 | 201 = 200): Response {
  return apiResult(c, result, { status, view: userView })
}

function offsetParam(c: Context, name: string): number | undefined | null {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return undefined
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null
}

/**
 * Control Hub's users (Users > Manage users) and the SCIM token as JSON under `/api/v1`, behind
 * the admin API bearer token.
 */
export function usersApiRoutes(deps: HttpDeps) {
  const { users, scimToken, org, scim } = deps.services
  return new Hono<SpEnv>()
    .use('/api/v1/users', adminAuth(deps))
    .use('/api/v1/users/*', adminAuth(deps))
    .use('/api/v1/scim/*', adminAuth(deps))
    .use('/api/v1/*', apiBodyLimit())
    .get('/api/v1/users', (c) => {
      const offset = offsetParam(c, 'offset')
      const limit = offsetParam(c, 'limit')
      if (offset === null || limit === null || limit === 0) {
        return apiError(c, spError('INVALID_QUERY', { list: 'users' }))
      }
      const page = users.list({
        ...(c.req.query('search') ? { search: c.req.query('search') as string } : {}),
        ...(offset === undefined ? {} : { offset }),
        ...(limit === undefined ? {} : { limit }),
      })
      return c.json({ ...page, items: page.items.map(userView) }, 200, NO_STORE)
    })
    .post('/api/v1/users', async (c) => {
      const body = await readJson(c, newUserBody)
      if (!body.ok) return body.response
      return answer(c, await users.add(body.value), 201)
    })
    .get('/api/v1/users/:id', (c) => answer(c, users.get(c.req.param('id'))))
    .patch('/api/v1/users/:id', async (c) => {
      const body = await readJson(c, userChangesBody)
      if (!body.ok) return body.response
      return answer(c, await users.modify(c.req.param('id'), body.value))
    })
    .delete('/api/v1/users/:id', async (c) => {
      return apiNoContent(c, await users.remove(c.req.param('id')))
    })
    .post('/api/v1/users/:id/deactivate', async (c) => answer(c, await users.deactivate(c.req.param('id'))))
    .post('/api/v1/users/:id/activate', async (c) => answer(c, await users.activate(c.req.param('id'))))
    .get('/api/v1/scim/token', (c) => {
      const current = scimToken.organizationToken()
      if (!current.ok) return apiError(c, current.error)
      return c.json({ token: current.value, ...org.scimBaseUrls() }, 200, NO_STORE)
    })
    .post('/api/v1/scim/token', async (c) =>
      c.json({ token: await scimToken.regenerate(), ...org.scimBaseUrls() }, 201, NO_STORE),
    )
    .get('/api/v1/scim/activity', (c) => {
      const query = activityQuery.safeParse(c.req.query())
      if (!query.success) return apiError(c, spError('INVALID_QUERY', { list: 'scim-activity' }))
      const { result, limit } = query.data
      const items = scim.activity({ ...(result ? { result } : {}), ...(limit ? { limit } : {}) })
      return c.json({ items, limit: MAX_SCIM_ACTIVITY }, 200, NO_STORE)
    })
}
