import { ok, type Result } from '@sandbox/shared'
import type { ResourceDef } from './attribute-defs'
import { type AttributeRef, containerOf, resolveAttributePath } from './attribute-path'
import { badRequest, type ScimError } from './scim-error'

/** Page size when the client gives no `count` (Webex's default). */
const DEFAULT_COUNT = 100
/** Largest page served (ServiceProviderConfig filter.maxResults). */
export const MAX_COUNT = 1000

/** Query parameters of a list request (RFC 7644 §3.4.2), as strings, from a URL or a SearchRequest. */
export interface ListParams {
  readonly filter?: string
  readonly startIndex?: string
  readonly count?: string
  readonly sortBy?: string
  readonly sortOrder?: string
  readonly attributes?: string
  readonly excludedAttributes?: string
}

/** A list request's paging and sorting (RFC 7644 §3.4.2.3, §3.4.2.4). */
export interface ListQuery {
  /** 1-based index of the first result. */
  readonly startIndex: number
  readonly count: number
  readonly sortBy?: AttributeRef
  readonly descending: boolean
}

function integerParam(name: string, raw: string | undefined): Result<number | undefined, ScimError> {
  if (raw === undefined || raw === '') return ok(undefined)
  if (!/^-?\d{1,9}$/.test(raw.trim()))
    return badRequest('invalidValue', `${name} must be an integer (got "${raw.slice(0, 20)}").`)
  return ok(Number(raw.trim()))
}

/**
 * Reads startIndex, count, sortBy and sortOrder. As RFC 7644 §3.4.2.4 says, a startIndex below 1
 * means 1 and a negative count means 0; count is capped at {@link MAX_COUNT}.
 */
export function parseListQuery(
  resource: ResourceDef,
  params: { startIndex?: string; count?: string; sortBy?: string; sortOrder?: string },
): Result<ListQuery, ScimError> {
  const start = integerParam('startIndex', params.startIndex)
  if (!start.ok) return start
  const count = integerParam('count', params.count)
  if (!count.ok) return count
  let sortBy: AttributeRef | undefined
  if (params.sortBy) {
    const ref = resolveAttributePath(resource, params.sortBy)
    if (!ref.ok) return badRequest('invalidValue', `sortBy: ${ref.error}`)
    sortBy = ref.value
  }
  const order = params.sortOrder?.toLowerCase()
  if (order !== undefined && order !== 'ascending' && order !== 'descending') {
    return badRequest('invalidValue', 'sortOrder must be "ascending" or "descending".')
  }
  return ok({
    startIndex: Math.max(1, start.value ?? 1),
    count: Math.min(MAX_COUNT, Math.max(0, count.value ?? DEFAULT_COUNT)),
    ...(sortBy ? { sortBy } : {}),
    descending: order === 'descending',
  })
}

/** The text a resource sorts by: the first value at `ref`, lower-cased; '' when absent. */
export function sortKeyOf(json: Record<string, unknown>, ref: AttributeRef): string {
  const raw = containerOf(json, ref)?.[ref.attribute.name]
  const first = Array.isArray(raw) ? raw[0] : raw
  const value =
    ref.sub && first && typeof first === 'object' ? (first as Record<string, unknown>)[ref.sub.name] : first
  return value === undefined || value === null ? '' : String(value).toLowerCase()
}

/** Sorts (when asked) and slices one page out of the matching resources. */
export function pageOf<T extends Record<string, unknown>>(items: readonly T[], query: ListQuery): T[] {
  let sorted = [...items]
  const by = query.sortBy
  if (by) {
    sorted = sorted.sort((a, b) => sortKeyOf(a, by).localeCompare(sortKeyOf(b, by)))
    if (query.descending) sorted.reverse()
  }
  return sorted.slice(query.startIndex - 1, query.startIndex - 1 + query.count)
}
