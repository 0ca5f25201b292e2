import { setTimeout as delay } from 'node:timers/promises'
import type { MiddlewareHandler } from 'hono'
import type { HttpDeps, SpEnv } from './env'
import { scimErrorResponse } from './scim-responses'

/**
 * Applies the next waiting SCIM fault to an authenticated call for the organization: a 429
 * with Retry-After, a 500, or the normal answer after a delay. The fault's preset is left for
 * the activity log.
 */
export function scimFaultGate(deps: HttpDeps): MiddlewareHandler<SpEnv> {
  return async (c, next) => {
    const fault = deps.services.scimFaults.take()
    if (!fault) return next()
    c.set('scimFault', fault.preset)
    if (fault.preset === 'rate-limited') {
      const seconds = fault.retryAfterSeconds ?? 1
      c.header('Retry-After', String(seconds))
      return scimErrorResponse(c, {
        status: 429,
        detail: `Too many requests for this organization; retry after ${seconds} seconds. (A sandbox fault: rate-limited.)`,
      })
    }
    if (fault.preset === 'server-error')
      return scimErrorResponse(c, {
        status: 500,
        detail: 'The SCIM service failed to answer. (A sandbox fault: server-error.)',
      })
    await delay(fault.delayMs ?? 0)
    return next()
  }
}
