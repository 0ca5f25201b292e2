import { err, ok, type Result } from '@sandbox/shared'
import { callFailure, type ObjectErrorCode } from './object-errors'
import { listResources, matchFilter, readPath, resourceId } from './scim-payloads'
import { type EventLog, exchangesOf, type SyncContext } from './sync-context'

type Json = Record<string, unknown>

/** The target object that the matching attributes found, or null. */
export interface MatchResult {
  readonly found: Json | null
}

/**
 * Queries the target by each matching attribute in precedence order (`GET /Users?filter=
 * userName eq "…"`), as Entra does for objects it has no target id for. Adds the matching step.
 */
export async function matchInTarget(
  ctx: SyncContext,
  log: EventLog,
  resource: 'Users' | 'Groups',
  matching: readonly { readonly target: string; readonly value: string }[],
): Promise<Result<MatchResult, { code: ObjectErrorCode; reason: string }> & { requests: number }> {
  const system = ctx.template.targetSystem
  const noun = resource === 'Users' ? 'User' : 'Group'
  const calls = []
  for (const { target, value } of matching) {
    const query = new URLSearchParams()
    if (resource === 'Groups') query.set('excludedAttributes', 'members')
    query.set('filter', matchFilter(target, value))
    const call = await ctx.client.request('GET', `/${resource}?${query.toString().replace(/\+/g, '%20')}`)
    calls.push(call)
    const requests = calls.reduce((n, c) => n + c.exchanges.length, 0)
    const failure = callFailure(call, system, [200])
    const resources = failure ? null : listResources(call.body)
    if (failure || resources === null) {
      const problem =
        failure && failure.code !== 'InvalidAnchor'
          ? failure
          : {
              code: 'SystemForCrossDomainIdentityManagementServiceIncompatible' as const,
              reason: `${system} did not answer ${call.summary} with a SCIM ListResponse (HTTP ${call.status ?? 'none'}): check the Tenant URL.`,
            }
      log.step(
        'EntryImport',
        'matching',
        'failure',
        `Failed to query ${system} for ${noun} '${value}'`,
        {},
        exchangesOf(...calls),
      )
      return { ...err(problem), requests }
    }
    if (resources.length > 1) {
      log.step(
        'EntryImport',
        'matching',
        'failure',
        `More than one ${noun} in ${system} has ${target} '${value}'`,
        { [target]: value, Found: String(resources.length) },
        exchangesOf(...calls),
      )
      return {
        ...err({
          code: 'DuplicateTargetEntries' as const,
          reason: `${resources.length} ${resource.toLowerCase()} in ${system} have ${target} "${value}", so the ${noun.toLowerCase()} cannot be matched to one of them.`,
        }),
        requests,
      }
    }
    const found = resources[0]
    if (found) {
      const details: Record<string, string> = { id: resourceId(found) ?? '' }
      for (const key of ['userName', 'displayName', 'externalId', 'active'])
        if (readPath(found, key) !== undefined) details[key] = String(readPath(found, key))
      log.step(
        'EntryImport',
        'matching',
        'success',
        `Retrieved ${noun} '${value}' from ${system} (matched on ${target})`,
        details,
        exchangesOf(...calls),
      )
      return { ...ok({ found }), requests }
    }
  }
  const requests = calls.reduce((n, c) => n + c.exchanges.length, 0)
  log.step(
    'EntrySynchronizationAdd',
    'matching',
    'success',
    `${noun} '${log.sourceName}' will be created in ${system} (${noun} is active and assigned in Microsoft Entra ID, but no matching ${noun} was found in ${system})`,
    Object.fromEntries(matching.map((m) => [m.target, m.value])),
    exchangesOf(...calls),
  )
  return { ...ok({ found: null }), requests }
}
