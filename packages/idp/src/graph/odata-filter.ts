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
  const blank = /\s*/y
  while (TOKENS.lastIndex < text.length) {
    const start = TOKENS.lastIndex
    blank.lastIndex = start
    blank.exec(text)
    if (blank.lastIndex >= text.length) break
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

/** The longest `$filter` read: far above any real script's, far below what could exhaust memory. */
export const MAX_FILTER_LENGTH = 4096
/** How deep parentheses, `not` and `any()` may nest (each level is a few stack frames). */
export const MAX_FILTER_DEPTH = 32

/** A parsed `$filter`. */
export interface ODataFilter {
  readonly predicate: ODataPredicate
  /**
   * The operators in it that Graph accepts on directory objects only in advanced queries
   * (`ConsistencyLevel: eventual` and `$count=true`): `ne`, `not`, `endsWith`.
   */
  readonly advancedOperators: ReadonlySet<string>
}

/** A refusal the parser raises from any depth; other exceptions are defects and propagate. */
class FilterSyntaxError extends Error {}

const all =
  (parts: readonly ODataPredicate[]): ODataPredicate =>
  (item) =>
    parts.every((p) => p(item))
const any =
  (parts: readonly ODataPredicate[]): ODataPredicate =>
  (item) =>
    parts.some((p) => p(item))

/**
 * Parses the subset of OData `$filter` that Graph scripts for SAML apps use: `eq`, `ne`,
 * comparisons, `in (…)`, `startswith`/`endswith`, `and`, `or`, `not`, parentheses, and
 * `collection/any(x: x eq '…')`. String comparison ignores case, as Graph's does for directory
 * objects. Anything else is an error (Graph answers 400). Length and nesting are bounded, and
 * `and`/`or` chains are kept flat, so no input can exhaust the stack.
 */
export function parseODataFilter(text: string): Result<ODataFilter, string> {
  if (text.length > MAX_FILTER_LENGTH)
    return err(`the filter is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are allowed`)
  const tokenized = tokenize(text)
  if (!tokenized.ok) return tokenized
  const tokens = tokenized.value
  const advancedOperators = new Set<string>()
  let position = 0
  let depth = 0
  const fail = (message: string): never => {
    throw new FilterSyntaxError(message)
  }
  const enter = (): void => {
    depth += 1
    if (depth > MAX_FILTER_DEPTH)
      fail(`Recursion depth exceeded allowed limit (${MAX_FILTER_DEPTH} nested parentheses, not or any)`)
  }
  const peek = (): Token | undefined => tokens[position]
  const isWord = (word: string): boolean => peek()?.kind === 'word' && peek()?.text.toLowerCase() === word
  const expect = (text: string): void => {
    if (peek()?.text !== text) fail(`expected '${text}' at token ${position + 1}`)
    position += 1
  }
  const operator = (): string => {
    const op = (peek()?.text ?? '').toLowerCase()
    if (op === 'ne') advancedOperators.add('ne')
    return op
  }
  const literal = (): Literal => {
    const token = peek()
    position += 1
    if (!token) return fail('a value is missing at the end')
    if (token.kind === 'string' || token.kind === 'number') return token.value ?? null
    const word = token.text.toLowerCase()
    if (word === 'true' || word === 'false') return word === 'true'
    if (word === 'null') return null
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token.text)) return token.text
    return fail(`'${token.text}' is not a value; quote strings with single quotes`)
  }
  const primary = (): ODataPredicate => {
    const token = peek()
    if (!token) return fail('the filter ends too early')
    if (token.text === '(') {
      position += 1
      enter()
      const inner = orExpression()
      depth -= 1
      expect(')')
      return inner
    }
    if (token.kind !== 'word') return fail(`unexpected '${token.text}'`)
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
      if (!starts) advancedOperators.add('endsWith')
      return (item) => {
        const actual = propertyAt(item, path)
        if (typeof actual !== 'string') return false
        return starts ? actual.toLowerCase().startsWith(value) : actual.toLowerCase().endsWith(value)
      }
    }
    const lambda = /^(.*)\/any$/i.exec(name)
    if (lambda?.[1]) {
      const collection = lambda[1]
      expect('(')
      const variable = peek()?.text ?? ''
      position += 1
      expect(':')
      const subject = peek()?.text ?? ''
      position += 1
      if (subject !== variable) fail(`any() must compare its variable '${variable}'`)
      const op = operator()
      position += 1
      if (!OPERATORS.has(op)) fail(`'${op}' is not a supported operator`)
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
    const op = operator()
    if (!OPERATORS.has(op))
      fail(`'${peek()?.text ?? 'end of filter'}' is not a supported operator after '${name}'`)
    position += 1
    const value = literal()
    return (item) => compare(propertyAt(item, name), op, value)
  }
  const unary = (): ODataPredicate => {
    // `not not … x` is read iteratively: only the count of negations matters.
    let negations = 0
    while (isWord('not')) {
      position += 1
      negations += 1
      enter()
    }
    if (negations > 0) advancedOperators.add('not')
    const inner = primary()
    depth -= negations
    return negations % 2 === 0 ? inner : (item) => !inner(item)
  }
  // One precedence level: operands joined by `word` (`and` binds tighter than `or`).
  const joined =
    (operand: () => ODataPredicate, word: 'and' | 'or', join: typeof all) => (): ODataPredicate => {
      const parts = [operand()]
      while (isWord(word)) {
        position += 1
        parts.push(operand())
      }
      return parts.length === 1 ? (parts[0] as ODataPredicate) : join(parts)
    }
  const andExpression = joined(unary, 'and', all)
  const orExpression = joined(andExpression, 'or', any)
  try {
    const predicate = orExpression()
    if (position !== tokens.length) fail(`unexpected '${peek()?.text}'`)
    return ok({ predicate, advancedOperators })
  } catch (error) {
    if (error instanceof FilterSyntaxError) return err(error.message)
    throw error
  }
}
