import { err, ok, type Result } from '@sandbox/shared'
import { propertyAt } from './odata-filter'

/** One `$orderby` key. */
export interface SortKey {
  readonly property: string
  readonly descending: boolean
}

/** Properties and lists are short; this bounds what a hostile `$orderby` makes the parser hold. */
const MAX_SORT_KEYS = 8

/** Parses `$orderby=displayName desc,userPrincipalName`. */
export function parseOrderBy(text: string): Result<SortKey[], string> {
  const parts = text.split(',')
  if (parts.length > MAX_SORT_KEYS) return err(`at most ${MAX_SORT_KEYS} sort properties are allowed`)
  const keys: SortKey[] = []
  for (const part of parts) {
    const match = /^\s*([A-Za-z_][\w/]*)(?:\s+(asc|desc))?\s*$/i.exec(part)
    if (!match?.[1]) return err(`'${part.trim()}' is not "property", "property asc" or "property desc"`)
    keys.push({ property: match[1], descending: match[2]?.toLowerCase() === 'desc' })
  }
  return ok(keys)
}

function compareValues(a: unknown, b: unknown): number {
  // Missing values sort after every value in ascending order.
  const aMissing = a === null || a === undefined
  const bMissing = b === null || b === undefined
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1
  if (typeof a === 'string' && typeof b === 'string')
    return a.localeCompare(b, 'en', { sensitivity: 'base', numeric: false })
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return String(a).localeCompare(String(b))
}

/** Sorts a copy of `items` by the keys (stable: equal items keep their order). */
export function sortItems<T extends Readonly<Record<string, unknown>>>(
  items: readonly T[],
  keys: readonly SortKey[],
): T[] {
  return [...items].sort((x, y) => {
    for (const key of keys) {
      const order = compareValues(propertyAt(x, key.property), propertyAt(y, key.property))
      if (order !== 0) return key.descending ? -order : order
    }
    return 0
  })
}
