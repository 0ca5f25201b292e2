import { err, ok, type Result } from '@sandbox/shared'

/** A parsed `$filter`: a predicate over a Graph JSON object. */
export type ODataPredicate = (item: Readonly<Record<string, unknown>>) => boolean

type Literal = string | number | boolean | null
type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string; value?: Literal }

const TOKENS =
  /\s*(?:('(?:[^']|'')*')|("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?![\w-]))|([A-Za-z_][\w.@-]*(?:\/[A-Za-z_][\w.@-]*)*)|([(),:]))/y

function tokenize(text: string): Result<Token[], string> {
  const tokens: Token[] = []
  TOKENS.lastIndex = 0
  while (TOKENS.lastIndex < text.length) {
    const start = TOKENS.lastIndex
    if (/^\s*$/.test(text.slice(start))) break
    const match = TOKENS.exec(text)
    if (!match) return err(`unexpected text at position ${start}: '${text.slice(start, start + 20)}'`)
    const [, single, double, number, word, punct] = match
    if (single !== undefined)
      tokens.push({ kind: 'string', text: single, value: single.slice(1, -1).replace(/''/g, "'") })
    else if (double !== undefined)
      tokens.push({ kind: 'string', text: double, value: double.slice(1, -1).replace(/\\(.)/g, '$1') })
    else if (number !== undefined) tokens.push({ kind: 'number', text: number, value: Number(number) })
    else if (word !== undefined) tokens.push({ kind: 'word', text: word })
    else if (punct !== undefined) tokens.push({ kind: 'punct', text: punct })
  }
  return ok(tokens)
}

/** Reads a property by a case-insensitive path (`web/redirectUris`). */
export function propertyAt(item: unknown, path: string): unknown {
  let current: unknown = item
  for (const part of path.split('/')) {
    if (current === null || typeof current !== 'object') return undefined
    const key = Object.keys(current).find((k) => k.toLowerCase() === part.toLowerCase())
    current = key === undefined ? undefined : (current as Record<string, unknown>)[key]
  }
  return current
}

function compare(left: unknown, op: string, right: Literal): boolean {
  const norm = (v: unknown): unknown => (typeof v === 'string' ? v.toLowerCase() : (v ?? null))
  const a = norm(left)
  const b = norm(right)
  switch (op) {
    case 'eq':
      return a === b
    case 'ne':
      return a !== b
    case 'gt':
      return a !== null && b !== null && (a as number) > (b as number)
    case 'ge':
      return a !== null && b !== null && (a as number) >= (b as number)
    case 'lt':
      return a !== null && b !== null && (a as number) < (b as number)
    case 'le':
      return a !== null && b !== null && (a as number) <= (b as number)
    default:
      return false
  }
}

const OPERATORS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])
const FUNCTIONS = new Set(['startswith', 'endswith'])

/**
 * Parses the subset of OData `$filter` that Graph scripts for SAML apps use: `eq`, `ne`,
 * comparisons, `in (…)`, `startswith`/`endswith`, `and`, `or`, `not`, parentheses, and
 * `collection/any(x: x eq '…')`. String comparison ignores case, as Graph's does for directory
 * objects. Anything else is an error (Graph answers `Request_UnsupportedQuery`).
 */
export function parseODataFilter(text: string): Result<ODataPredicate, string> {
  const tokenized = tokenize(text)
  if (!tokenized.ok) return tokenized
  const tokens = tokenized.value
  let position = 0
  const peek = (): Token | undefined => tokens[position]
  const isWord = (word: string): boolean => peek()?.kind === 'word' && peek()?.text.toLowerCase() === word
  const expect = (text: string): void => {
    if (peek()?.text !== text) throw new Error(`expected '${text}' at token ${position + 1}`)
    position += 1
  }
  const literal = (): Literal => {
    const token = peek()
    position += 1
    if (!token) throw new Error('a value is missing at the end')
    if (token.kind === 'string' || token.kind === 'number') return token.value ?? null
    const word = token.text.toLowerCase()
    if (word === 'true' || word === 'false') return word === 'true'
    if (word === 'null') return null
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token.text)) return token.text
    throw new Error(`'${token.text}' is not a value; quote strings with single quotes`)
  }
  const primary = (): ODataPredicate => {
    const token = peek()
    if (!token) throw new Error('the filter ends too early')
    if (token.text === '(') {
      position += 1
      const inner = orExpression()
      expect(')')
      return inner
    }
    if (token.kind !== 'word') throw new Error(`unexpected '${token.text}'`)
    position += 1
    const name = token.text
    if (FUNCTIONS.has(name.toLowerCase())) {
      expect('(')
      const path = peek()?.text ?? ''
      position += 1
      expect(',')
      const value = String(literal() ?? '').toLowerCase()
      expect(')')
      const starts = name.toLowerCase() === 'startswith'
      return (item) => {
        const actual = propertyAt(item, path)
        if (typeof actual !== 'string') return false
        return starts ? actual.toLowerCase().startsWith(value) : actual.toLowerCase().endsWith(value)
      }
    }
    const any = /^(.*)\/any$/i.exec(name)
    if (any?.[1]) {
      const collection = any[1]
      expect('(')
      const variable = peek()?.text ?? ''
      position += 1
      expect(':')
      const subject = peek()?.text ?? ''
      position += 1
      if (subject !== variable) throw new Error(`any() must compare its variable '${variable}'`)
      const op = (peek()?.text ?? '').toLowerCase()
      position += 1
      if (!OPERATORS.has(op)) throw new Error(`'${op}' is not a supported operator`)
      const value = literal()
      expect(')')
      return (item) => {
        const values = propertyAt(item, collection)
        return Array.isArray(values) && values.some((v) => compare(v, op, value))
      }
    }
    if (isWord('in')) {
      position += 1
      expect('(')
      const values: Literal[] = [literal()]
      while (peek()?.text === ',') {
        position += 1
        values.push(literal())
      }
      expect(')')
      return (item) => values.some((v) => compare(propertyAt(item, name), 'eq', v))
    }
    const op = (peek()?.text ?? '').toLowerCase()
    if (!OPERATORS.has(op))
      throw new Error(`'${peek()?.text ?? 'end of filter'}' is not a supported operator after '${name}'`)
    position += 1
    const value = literal()
    return (item) => compare(propertyAt(item, name), op, value)
  }
  const unary = (): ODataPredicate => {
    if (isWord('not')) {
      position += 1
      const inner = unary()
      return (item) => !inner(item)
    }
    return primary()
  }
  const andExpression = (): ODataPredicate => {
    let left = unary()
    while (isWord('and')) {
      position += 1
      const right = unary()
      const l = left
      left = (item) => l(item) && right(item)
    }
    return left
  }
  const orExpression = (): ODataPredicate => {
    let left = andExpression()
    while (isWord('or')) {
      position += 1
      const right = andExpression()
      const l = left
      left = (item) => l(item) || right(item)
    }
    return left
  }
  try {
    const predicate = orExpression()
    if (position !== tokens.length) throw new Error(`unexpected '${peek()?.text}'`)
    return ok(predicate)
  } catch (error) {
    return err((error as Error).message)
  }
}
