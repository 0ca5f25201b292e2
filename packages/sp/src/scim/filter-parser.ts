import { err, ok, type Result } from '@sandbox/shared'

/** A comparison operator of RFC 7644 §3.4.2.2 (lower-cased). */
export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le'
export type CompareValue = string | number | boolean | null

/** A parsed filter, paths still unresolved. */
export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly filter: FilterNode }
  | { readonly kind: 'present'; readonly path: string }
  | { readonly kind: 'compare'; readonly path: string; readonly op: CompareOp; readonly value: CompareValue }
  | { readonly kind: 'valuePath'; readonly path: string; readonly filter: FilterNode }

/** A PATCH path (RFC 7644 §3.5.2): `attrPath`, or `valuePath` with an optional `.subAttr`. */
export interface PatchPath {
  readonly path: string
  readonly filter?: FilterNode
  readonly sub?: string
}

type Token =
  | { readonly kind: 'word'; readonly text: string; readonly at: number }
  | { readonly kind: 'string'; readonly text: string; readonly at: number }
  | { readonly kind: '(' | ')' | '[' | ']'; readonly at: number }

const OPERATORS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'])
/** Filters longer than this are refused; nothing legitimate comes near it. */
export const MAX_FILTER_LENGTH = 4096
const MAX_DEPTH = 32

function tokenize(text: string): Result<Token[], string> {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    if (/\s/.test(ch)) {
      i += 1
    } else if (ch === '(' || ch === ')' || ch === '[' || ch === ']') {
      tokens.push({ kind: ch, at: i })
      i += 1
    } else if (ch === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      if (j >= text.length) return err(`the string starting at position ${i + 1} is not closed with "`)
      try {
        tokens.push({ kind: 'string', text: JSON.parse(text.slice(i, j + 1)) as string, at: i })
      } catch {
        return err(`the string at position ${i + 1} has an invalid escape`)
      }
      i = j + 1
    } else {
      let j = i
      while (j < text.length && !/[\s()[\]"]/.test(text[j] as string)) j += 1
      tokens.push({ kind: 'word', text: text.slice(i, j), at: i })
      i = j
    }
  }
  return ok(tokens)
}

class Parser {
  private index = 0
  private depth = 0
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.index]
  }
  done(): boolean {
    return this.index >= this.tokens.length
  }
  next(): Token | undefined {
    const token = this.tokens[this.index]
    this.index += 1
    return token
  }
  isKeyword(word: string): boolean {
    const token = this.peek()
    return token?.kind === 'word' && token.text.toLowerCase() === word
  }
  expect(kind: Token['kind'], what: string): Result<Token, string> {
    const token = this.next()
    return token?.kind === kind ? ok(token) : err(`expected ${what} ${describe(token)}`)
  }

  or(): Result<FilterNode, string> {
    this.depth += 1
    if (this.depth > MAX_DEPTH) return err(`the filter nests deeper than ${MAX_DEPTH} levels`)
    const left = this.chain('or', () => this.and())
    this.depth -= 1
    return left
  }

  and(): Result<FilterNode, string> {
    return this.chain('and', () => this.unary())
  }

  /** Operands joined by one keyword, left-associative: `a or b or c` is `(a or b) or c`. */
  private chain(
    keyword: 'or' | 'and',
    operand: () => Result<FilterNode, string>,
  ): Result<FilterNode, string> {
    let left = operand()
    while (left.ok && this.isKeyword(keyword)) {
      this.next()
      const right = operand()
      if (!right.ok) return right
      left = ok({ kind: keyword, left: left.value, right: right.value })
    }
    return left
  }

  unary(): Result<FilterNode, string> {
    if (this.isKeyword('not')) {
      this.next()
      const open = this.expect('(', '"(" after not')
      if (!open.ok) return open
      const inner = this.group()
      return inner.ok ? ok({ kind: 'not', filter: inner.value }) : inner
    }
    if (this.peek()?.kind === '(') {
      this.next()
      return this.group()
    }
    return this.attributeExpression()
  }

  group(): Result<FilterNode, string> {
    const inner = this.or()
    if (!inner.ok) return inner
    const close = this.expect(')', '")"')
    return close.ok ? inner : close
  }

  attributeExpression(): Result<FilterNode, string> {
    const token = this.next()
    if (token?.kind !== 'word') return err(`expected an attribute name ${describe(token)}`)
    const path = token.text
    if (this.peek()?.kind === '[') {
      this.next()
      const inner = this.or()
      if (!inner.ok) return inner
      const close = this.expect(']', '"]"')
      return close.ok ? ok({ kind: 'valuePath', path, filter: inner.value }) : close
    }
    const operator = this.next()
    if (operator?.kind !== 'word') return err(`expected an operator after ${path} ${describe(operator)}`)
    const op = operator.text.toLowerCase()
    if (op === 'pr') return ok({ kind: 'present', path })
    if (!OPERATORS.has(op)) {
      return err(`"${operator.text}" is not a SCIM operator (use eq, ne, co, sw, ew, gt, ge, lt, le or pr)`)
    }
    const value = this.next()
    if (value?.kind === 'string') return ok({ kind: 'compare', path, op: op as CompareOp, value: value.text })
    if (value?.kind === 'word') {
      const literal = literalOf(value.text)
      if (literal.ok) return ok({ kind: 'compare', path, op: op as CompareOp, value: literal.value })
      return err(`${literal.error} after "${path} ${operator.text}"`)
    }
    return err(`expected a value after "${path} ${operator.text}" ${describe(value)}`)
  }
}

function literalOf(text: string): Result<CompareValue, string> {
  const lower = text.toLowerCase()
  if (lower === 'true') return ok(true)
  if (lower === 'false') return ok(false)
  if (lower === 'null') return ok(null)
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return ok(Number(text))
  return err(`${text} is not a value: quote strings ("…"), or use true, false, null or a number`)
}

function describe(token: Token | undefined): string {
  if (!token) return 'but the filter ended'
  if (token.kind === 'word' || token.kind === 'string')
    return `but found "${token.text}" at position ${token.at + 1}`
  return `but found "${token.kind}" at position ${token.at + 1}`
}

/** Parses a SCIM filter (RFC 7644 §3.4.2.2); the error says where and what was expected. */
export function parseFilter(text: string): Result<FilterNode, string> {
  if (text.length > MAX_FILTER_LENGTH) return err(`the filter is longer than ${MAX_FILTER_LENGTH} characters`)
  const tokens = tokenize(text)
  if (!tokens.ok) return tokens
  if (tokens.value.length === 0) return err('the filter is empty')
  const parser = new Parser(tokens.value)
  const node = parser.or()
  if (!node.ok) return node
  if (!parser.done()) return err(`unexpected ${describe(parser.peek()).replace('but found ', '')}`)
  return node
}

/** Parses a PATCH operation's path: `members`, `name.givenName`, `emails[type eq "work"].value`. */
export function parsePatchPath(text: string): Result<PatchPath, string> {
  if (text.length > MAX_FILTER_LENGTH) return err(`the path is longer than ${MAX_FILTER_LENGTH} characters`)
  const tokens = tokenize(text)
  if (!tokens.ok) return tokens
  const parser = new Parser(tokens.value)
  const first = parser.next()
  if (first?.kind !== 'word') return err(`expected an attribute name ${describe(first)}`)
  if (parser.done()) return ok({ path: first.text })
  if (parser.peek()?.kind !== '[')
    return err(`unexpected ${describe(parser.peek()).replace('but found ', '')}`)
  parser.next()
  const filter = parser.or()
  if (!filter.ok) return filter
  const close = parser.expect(']', '"]"')
  if (!close.ok) return close
  if (parser.done()) return ok({ path: first.text, filter: filter.value })
  const sub = parser.next()
  if (sub?.kind !== 'word' || !/^\.[A-Za-z$][\w$-]*$/.test(sub.text) || !parser.done()) {
    return err(`after "]" only ".subAttribute" may follow ${describe(sub)}`)
  }
  return ok({ path: first.text, filter: filter.value, sub: sub.text.slice(1) })
}
