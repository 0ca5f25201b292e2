import { err, ok, type Result } from '@sandbox/shared'
import { parseODataFilter } from './odata-filter'

/** The query options a Graph collection request may carry. */
export interface ODataOptions {
  readonly filter?: string | undefined
  readonly select?: string | undefined
  readonly top?: string | undefined
  readonly skipToken?: string | undefined
  readonly count?: string | undefined
}

/** A page of a collection, in Graph's shape (without `@odata.context`). */
export interface ODataPage {
  readonly value: readonly Record<string, unknown>[]
  readonly count: number | undefined
  /** The `$skiptoken` of the next page, when there is one. */
  readonly next: string | undefined
}

/** Why the query cannot be answered (Graph: `Request_UnsupportedQuery` / `BadRequest`). */
export interface ODataError {
  readonly message: string
}

const MAX_TOP = 999
const DEFAULT_TOP = 100

/** Keeps only the `$select`ed properties (case-insensitive), as Graph does. */
export function selectProperties(
  item: Record<string, unknown>,
  select: string | undefined,
): Record<string, unknown> {
  if (!select) return item
  const wanted = select
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0)
  return Object.fromEntries(
    Object.entries(item).filter(([key]) => key.startsWith('@') || wanted.includes(key.toLowerCase())),
  )
}

/** Applies `$filter`, `$count`, `$top`, `$skiptoken` and `$select` to a collection. */
export function queryCollection(
  items: readonly Record<string, unknown>[],
  options: ODataOptions,
): Result<ODataPage, ODataError> {
  let filtered = items
  if (options.filter !== undefined) {
    const predicate = parseODataFilter(options.filter)
    if (!predicate.ok) return err({ message: `Invalid filter clause: ${predicate.error}` })
    filtered = items.filter(predicate.value)
  }
  const top = options.top === undefined ? DEFAULT_TOP : Number(options.top)
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    return err({
      message: `Invalid page size specified: '${options.top}'. Must be between 1 and ${MAX_TOP} inclusive.`,
    })
  }
  const skip = options.skipToken === undefined ? 0 : Number(options.skipToken)
  if (!Number.isInteger(skip) || skip < 0)
    return err({ message: 'The $skiptoken is not valid; use the @odata.nextLink as given.' })
  const page = filtered.slice(skip, skip + top)
  return ok({
    value: page.map((item) => selectProperties(item, options.select)),
    count: options.count === 'true' ? filtered.length : undefined,
    next: skip + top < filtered.length ? String(skip + top) : undefined,
  })
}
