// graph/: Microsoft Graph's shapes without HTTP: projections of the state, request bodies, and the OData query options.
import { err, ok, type Result } from '@sandbox/shared'
import type { CollectionRules } from './collection-rules'
import { type ExpandItem, MAX_EXPANDED_ITEMS, parseExpand } from './odata-expand'
import { type ODataPredicate, parseODataFilter } from './odata-filter'
import { parseOrderBy, sortItems } from './odata-orderby'
import { parseODataSearch } from './odata-search'

type GraphItem = Record<string, unknown>

/** The query options a Graph request may carry, and the header that turns on advanced queries. */
export interface ODataOptions {
  readonly filter?: string | undefined
  readonly select?: string | undefined
  readonly top?: string | undefined
  readonly skipToken?: string | undefined
  readonly count?: string | undefined
  readonly orderBy?: string | undefined
  readonly search?: string | undefined
  readonly expand?: string | undefined
  readonly consistencyLevel?: string | undefined
}

/** What a collection supports and serves: Graph's rules, the expansions, the default projection. */
export interface CollectionQuery {
  readonly rules: CollectionRules
  /** Navigation properties the route can expand: the related objects of one item. */
  readonly expanders?: Readonly<Record<string, (item: GraphItem) => readonly GraphItem[]>>
  /** The projection without `$select` (Graph's default properties); every property otherwise. */
  readonly defaultView?: (item: GraphItem) => GraphItem
}

/** A page of a collection, in Graph's shape (without `@odata.context`). */
export interface ODataPage {
  readonly value: readonly GraphItem[]
  readonly count: number | undefined
  /** The `$skiptoken` of the next page, when there is one. */
  readonly next: string | undefined
}

/** Why the query cannot be answered, with Graph's error code. */
export interface ODataError {
  readonly code: 'BadRequest' | 'Request_UnsupportedQuery'
  readonly message: string
}

const MAX_TOP = 999
const DEFAULT_TOP = 100
const ADVANCED_HINT =
  'Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information'

const badRequest = (message: string): Result<never, ODataError> => err({ code: 'BadRequest', message })
const unsupported = (message: string): Result<never, ODataError> =>
  err({ code: 'Request_UnsupportedQuery', message })

/** Keeps only the `$select`ed properties (case-insensitive), as Graph does. */
function selectProperties(item: GraphItem, select: string | undefined): GraphItem {
  if (!select) return item
  const wanted = select
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0)
  return Object.fromEntries(
    Object.entries(item).filter(([key]) => key.startsWith('@') || wanted.includes(key.toLowerCase())),
  )
}

interface Mode {
  /** `ConsistencyLevel: eventual` was sent. */
  readonly eventual: boolean
  readonly countRequested: boolean
  /** An advanced query: not a directory object, or eventual consistency with `$count=true`. */
  readonly advanced: boolean
}

function modeOf(options: ODataOptions, rules: CollectionRules): Result<Mode, ODataError> {
  const count = options.count?.trim().toLowerCase()
  if (count !== undefined && count !== 'true' && count !== 'false')
    return badRequest(
      `Invalid value '${options.count}' for $count query option found. Valid values are 'true' and 'false'.`,
    )
  const eventual = options.consistencyLevel?.trim().toLowerCase() === 'eventual'
  const countRequested = count === 'true'
  return ok({ eventual, countRequested, advanced: !rules.directory || (eventual && countRequested) })
}

/** The items `$search` and `$filter` keep (what `/$count` counts too). */
function matching(
  items: readonly GraphItem[],
  options: ODataOptions,
  rules: CollectionRules,
  mode: Mode,
): Result<readonly GraphItem[], ODataError> {
  const predicates: ODataPredicate[] = []
  if (options.search !== undefined) {
    if (!rules.search) return unsupported(`$search is not supported on the ${rules.entity} collection.`)
    if (rules.directory && !mode.eventual)
      return unsupported(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      )
    const search = parseODataSearch(options.search.trim(), rules.search)
    if (!search.ok)
      return search.error.kind === 'syntax'
        ? badRequest(`Invalid $search: ${search.error.message}.`)
        : unsupported(`Unsupported $search on '${rules.entity}': ${search.error.message}.`)
    predicates.push(search.value)
  }
  if (options.filter !== undefined) {
    const filter = parseODataFilter(options.filter)
    if (!filter.ok) return badRequest(`Invalid filter clause: ${filter.error}.`)
    const operator = [...filter.value.advancedOperators][0]
    if (rules.directory && !mode.advanced && operator !== undefined)
      return unsupported(
        `Operator '${operator}' is not supported because the required parameters might be missing. ${ADVANCED_HINT}`,
      )
    predicates.push(filter.value.predicate)
  }
  return ok(predicates.length === 0 ? items : items.filter((item) => predicates.every((p) => p(item))))
}

/** Checks `$expand` against what Graph defines on the type and what the route serves. */
function expansionOf(
  options: ODataOptions,
  query: CollectionQuery,
  sample: readonly GraphItem[],
): Result<ExpandItem | undefined, ODataError> {
  if (options.expand === undefined) return ok(undefined)
  const { rules } = query
  const parsed = parseExpand(options.expand)
  if (!parsed.ok) return badRequest(`Invalid $expand: ${parsed.error}.`)
  if (parsed.value.length > 1)
    return badRequest(
      `The result of parsing $expand contained at least ${parsed.value.length} items, but the maximum allowed is 1.`,
    )
  const [item] = parsed.value
  if (!item) return ok(undefined)
  const same = (name: string) => name.toLowerCase() === item.property.toLowerCase()
  const served = Object.keys(query.expanders ?? {}).find(same)
  if (served) return ok({ ...item, property: served })
  if (rules.navigations.some(same)) {
    const offered = Object.keys(query.expanders ?? {})
    return unsupported(
      `The sandbox does not expand '${item.property}' on '${rules.entity}'; ${offered.length > 0 ? `it expands ${offered.join(', ')}` : 'it expands nothing here'}.`,
    )
  }
  if (sample.some((s) => Object.keys(s).some(same)))
    return badRequest(
      `Property '${item.property}' on type '${rules.odataType}' is not a navigation property or complex property. Only navigation properties can be expanded.`,
    )
  return badRequest(`Could not find a property named '${item.property}' on type '${rules.odataType}'.`)
}

/** One object as Graph shows it: `$select`ed (or the default view) with its `$expand`ed relationship. */
function present(
  item: GraphItem,
  options: ODataOptions,
  query: CollectionQuery,
  expand?: ExpandItem,
): GraphItem {
  const shown = options.select
    ? selectProperties(item, options.select)
    : query.defaultView
      ? query.defaultView(item)
      : item
  const expander = expand ? query.expanders?.[expand.property] : undefined
  if (!expand || !expander) return shown
  const related = expander(item)
    .slice(0, MAX_EXPANDED_ITEMS)
    .map((r) => selectProperties(r, expand.select))
  return { ...shown, [expand.property]: related }
}

/** Applies `$search`, `$filter`, `$orderby`, `$count`, `$top`, `$skiptoken`, `$select` and `$expand`. */
export function queryCollection(
  items: readonly GraphItem[],
  options: ODataOptions,
  query: CollectionQuery,
): Result<ODataPage, ODataError> {
  const { rules } = query
  const mode = modeOf(options, rules)
  if (!mode.ok) return mode
  const kept = matching(items, options, rules, mode.value)
  if (!kept.ok) return kept
  let ordered = kept.value
  if (options.orderBy !== undefined) {
    const keys = parseOrderBy(options.orderBy)
    if (!keys.ok) return badRequest(`Invalid $orderby: ${keys.error}.`)
    for (const key of keys.value) {
      const name = Object.keys(rules.orderBy).find((p) => p.toLowerCase() === key.property.toLowerCase())
      const support = name ? rules.orderBy[name] : undefined
      if (!support || (support === 'advanced' && !mode.value.advanced))
        return unsupported(`Unsupported sort property '${key.property}' for '${rules.entity}'.`)
    }
    if (rules.directory && options.filter !== undefined && !mode.value.advanced)
      return unsupported('Sorting not supported for current query.')
    ordered = sortItems(ordered, keys.value)
  }
  const expand = expansionOf(options, query, items.slice(0, 1))
  if (!expand.ok) return expand
  if (
    expand.value &&
    rules.directory &&
    (options.search !== undefined || (mode.value.eventual && mode.value.countRequested))
  )
    return unsupported(
      '$expand is not supported in advanced queries (ConsistencyLevel: eventual with $count=true or $search).',
    )
  const top = options.top === undefined ? DEFAULT_TOP : Number(options.top)
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
    return unsupported(
      `Invalid page size specified: '${options.top}'. Must be between 1 and ${MAX_TOP} inclusive.`,
    )
  const skip = options.skipToken === undefined ? 0 : Number(options.skipToken)
  if (!Number.isInteger(skip) || skip < 0)
    return unsupported('The $skiptoken is not valid; use the @odata.nextLink as given.')
  const page = ordered.slice(skip, skip + top)
  // Graph ignores $count=true on directory objects without ConsistencyLevel: eventual.
  const counted = mode.value.countRequested && (!rules.directory || mode.value.eventual)
  return ok({
    value: page.map((item) => present(item, options, query, expand.value)),
    count: counted ? ordered.length : undefined,
    next: skip + top < ordered.length ? String(skip + top) : undefined,
  })
}

/** `/{collection}/$count`: directory objects need `ConsistencyLevel: eventual`. */
export function countCollection(
  items: readonly GraphItem[],
  options: ODataOptions,
  query: CollectionQuery,
): Result<number, ODataError> {
  const mode = modeOf({ ...options, count: undefined }, query.rules)
  if (!mode.ok) return mode
  if (query.rules.directory && !mode.value.eventual)
    return unsupported(
      "Raw count (/$count) is not supported because the 'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information",
    )
  // /$count is an advanced query by itself: every operator is allowed.
  const kept = matching(items, options, query.rules, { ...mode.value, advanced: true })
  return kept.ok ? ok(kept.value.length) : kept
}

/** A single object with `$select` and `$expand` (`/users/{id}?$expand=memberOf`). */
export function queryObject(
  item: GraphItem,
  options: ODataOptions,
  query: CollectionQuery,
): Result<GraphItem, ODataError> {
  const expand = expansionOf(options, query, [item])
  return expand.ok ? ok(present(item, options, query, expand.value)) : expand
}
