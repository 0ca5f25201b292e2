// lists/: searching and paging the long lists the admin center shows (users, groups, logs).
/** What a list page asks for: a search text and a 0-based page number. */
export interface ListQuery {
  readonly search?: string
  readonly page?: number
}

/** One page of a list, and enough to draw "Showing 51–100 of 1000" and Previous / Next. */
export interface ListPage<T> {
  readonly items: readonly T[]
  readonly total: number
  /** 0-based, clamped to the last page that exists. */
  readonly page: number
  readonly pageSize: number
  readonly hasPrevious: boolean
  readonly hasNext: boolean
}

/** How many rows a console list shows at once (Entra shows 50, then "Load more"). */
export const LIST_PAGE_SIZE = 50

/**
 * The order lists sort names in (English, case- and accent-insensitive), one collator for every
 * comparison: `localeCompare` with options builds one per call, which made sorting a thousand
 * users the slowest part of All users.
 */
const NAME_COLLATOR = new Intl.Collator('en', { sensitivity: 'base' })

/** Compares two names in list order. */
export const compareNames: (a: string, b: string) => number = NAME_COLLATOR.compare

/** The search text as compared: trimmed, case-folded, at most 256 characters. */
export function searchText(search: string | undefined): string {
  return (search ?? '').trim().slice(0, 256).toLowerCase()
}

/** Page `page` of `items` (a page past the end shows the last one). */
export function pageOf<T>(
  items: readonly T[],
  page: number | undefined,
  pageSize = LIST_PAGE_SIZE,
): ListPage<T> {
  const last = Math.max(0, Math.ceil(items.length / pageSize) - 1)
  const wanted = Number.isFinite(page) ? Math.floor(page as number) : 0
  const current = Math.min(Math.max(0, wanted), last)
  return {
    items: items.slice(current * pageSize, (current + 1) * pageSize),
    total: items.length,
    page: current,
    pageSize,
    hasPrevious: current > 0,
    hasNext: current < last,
  }
}
