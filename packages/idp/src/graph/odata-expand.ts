import { err, ok, type Result } from '@sandbox/shared'

/** One `$expand` item: a navigation property and its `$select`. */
export interface ExpandItem {
  readonly property: string
  readonly select: string | undefined
}

/** Graph returns at most this many related objects in an expansion of a directory object (no nextLink). */
export const MAX_EXPANDED_ITEMS = 20

/** A bound on the list itself, far above what any resource expands. */
const MAX_EXPAND_ITEMS = 16

/**
 * Splits `$expand` at top-level commas: `memberOf($select=id,displayName),manager` is two items.
 * Iterative, and only one level of options is read: nested parentheses (`$expand` inside
 * `$expand`) are refused, so no input can make it recurse.
 */
export function parseExpand(text: string): Result<ExpandItem[], string> {
  const items: ExpandItem[] = []
  let at = 0
  while (at <= text.length) {
    const match = /^\s*([A-Za-z_][\w.]*)\s*/.exec(text.slice(at))
    if (!match?.[1]) return err(`'${text.slice(at, at + 40)}' is not a navigation property name`)
    const property = match[1]
    at += match[0].length
    let select: string | undefined
    if (text[at] === '(') {
      const close = text.indexOf(')', at)
      const inner = close < 0 ? '' : text.slice(at + 1, close)
      if (close < 0) return err(`the options of '${property}' are not closed with ')'`)
      if (inner.includes('('))
        return err(`'${property}' may carry only $select; nested $expand is not supported`)
      for (const option of inner.split(';')) {
        const pair = /^\s*\$select\s*=\s*([\w\s,/]+)$/i.exec(option)
        if (!pair?.[1])
          return err(`'${property}' may carry only $select (for example ${property}($select=id))`)
        select = pair[1].trim()
      }
      at = close + 1
    }
    items.push({ property, select })
    if (items.length > MAX_EXPAND_ITEMS) return err(`at most ${MAX_EXPAND_ITEMS} properties may be expanded`)
    const rest = /^\s*(,|$)/.exec(text.slice(at))
    if (!rest) return err(`unexpected '${text.slice(at, at + 20)}' after '${property}'`)
    at += rest[0].length
    if (rest[1] === '') break
  }
  return ok(items)
}
