import { secretMatches } from '@sandbox/shared'
import type { MiddlewareHandler } from 'hono'
import { spError } from '../errors/catalogue'
import type { HttpDeps } from './env'
import { apiError } from './error-responses'

/** `Authorization: Bearer <adminApiToken>`; never a query parameter. */
export function adminAuth(deps: HttpDeps): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    if (!token || !secretMatches(token, deps.services.org.adminApiToken())) {
      c.header('WWW-Authenticate', 'Bearer realm="webex-control-hub"')
      return apiError(c, spError('UNAUTHORIZED', { token: token ? 'wrong' : 'missing' }))
    }
    await next()
  }
}
