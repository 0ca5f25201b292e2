import {
  type CollectionQuery,
  countCollection,
  type ODataOptions,
  queryCollection,
  queryObject,
} from '../../graph/odata-query'
import type { HttpDeps, IdpContext } from '../env'
import { graphError } from './graph-errors'

/** The `@odata.context` of a Graph answer, on the sandbox's base URL. */
export function odataContext(deps: HttpDeps, fragment: string): string {
  return `${deps.url}/v1.0/$metadata#${fragment}`
}

function optionsOf(c: IdpContext): ODataOptions {
  return {
    filter: c.req.query('$filter'),
    select: c.req.query('$select'),
    top: c.req.query('$top'),
    skipToken: c.req.query('$skiptoken'),
    count: c.req.query('$count'),
    orderBy: c.req.query('$orderby'),
    search: c.req.query('$search'),
    expand: c.req.query('$expand'),
    consistencyLevel: c.req.header('consistencylevel'),
  }
}

/**
 * Answers a collection with `$filter`, `$search`, `$orderby`, `$select`, `$expand`, `$top`,
 * `$count` and `@odata.nextLink` paging, under Graph's rules for the collection.
 */
export function collection(
  c: IdpContext,
  deps: HttpDeps,
  fragment: string,
  items: readonly Record<string, unknown>[],
  query: CollectionQuery,
): Response {
  const page = queryCollection(items, optionsOf(c), query)
  if (!page.ok) return graphError(c, page.error.code, page.error.message)
  let next: string | undefined
  if (page.value.next !== undefined) {
    const url = new URL(c.req.url)
    // As Graph writes it: `$` of the option names literal, values percent-encoded.
    const part = (key: string, value: string) =>
      `${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(value)}`
    const parts: string[] = []
    url.searchParams.forEach((value, key) => {
      if (key !== '$skiptoken') parts.push(part(key, value))
    })
    parts.push(part('$skiptoken', page.value.next))
    next = `${deps.url}${url.pathname}?${parts.join('&')}`
  }
  return c.json({
    '@odata.context': odataContext(deps, fragment),
    ...(page.value.count === undefined ? {} : { '@odata.count': page.value.count }),
    ...(next ? { '@odata.nextLink': next } : {}),
    value: page.value.value,
  })
}

/** `GET /{collection}/$count`: the number as text/plain, as Graph answers it. */
export function collectionCount(
  c: IdpContext,
  items: readonly Record<string, unknown>[],
  query: CollectionQuery,
): Response {
  const count = countCollection(items, optionsOf(c), query)
  if (!count.ok) return graphError(c, count.error.code, count.error.message)
  return c.text(String(count.value), 200, { 'Content-Type': 'text/plain; charset=utf-8' })
}

/** One object with `$select` and `$expand`, under `@odata.context`. */
export function entity(
  c: IdpContext,
  deps: HttpDeps,
  fragment: string,
  item: Record<string, unknown>,
  query: CollectionQuery,
): Response {
  const shown = queryObject(item, optionsOf(c), query)
  if (!shown.ok) return graphError(c, shown.error.code, shown.error.message)
  return c.json({ '@odata.context': odataContext(deps, fragment), ...shown.value })
}

/** `201 Created` with the new object under its `@odata.context`. */
export function created(
  c: IdpContext,
  deps: HttpDeps,
  fragment: string,
  item: Record<string, unknown>,
): Response {
  return c.json({ '@odata.context': odataContext(deps, fragment), ...item }, 201)
}

/** One object under its `@odata.context`, without query options (templates, policies). */
export function plainEntity(
  c: IdpContext,
  deps: HttpDeps,
  fragment: string,
  item: Record<string, unknown>,
): Response {
  return c.json({ '@odata.context': odataContext(deps, fragment), ...item })
}
