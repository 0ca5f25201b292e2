import { err, ok, type Result } from '@sandbox/shared'

/**
 * The part of Entra's attribute-mapping expression language the sandbox evaluates:
 * `Function(arg, …)`, `[attribute]`, `"string"` (a `\"` inside), and empty arguments, as in
 * `Switch([IsSoftDeleted], , "False", "True", "True", "False")`. Booleans are the strings
 * "True" and "False", as Entra passes them.
 */
export type ExpressionNode =
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly ExpressionNode[] }
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'empty' }

/** A value during evaluation: a string, several (multi-valued attributes), or nothing. */
export type SourceValue = string | readonly string[] | null

const MAX_LENGTH = 2048
const MAX_DEPTH = 16

const single = (value: SourceValue): string | null =>
  value === null ? null : typeof value === 'string' ? value : (value[0] ?? null)
const present = (value: SourceValue): boolean =>
  value !== null && (typeof value === 'string' ? value !== '' : value.length > 0)
const bool = (value: boolean): string => (value ? 'True' : 'False')
const isTrue = (value: SourceValue): boolean => single(value)?.toLowerCase() === 'true'

interface FunctionSpec {
  readonly min: number
  readonly max: number
  readonly run: (args: readonly SourceValue[]) => SourceValue
}

const text = (f: (s: string, args: readonly SourceValue[]) => string | null): FunctionSpec['run'] => {
  return (args) => {
    const first = single(args[0] ?? null)
    return first === null ? null : f(first, args)
  }
}
const count = (value: SourceValue): number => Number.parseInt(single(value) ?? '', 10)

/** The functions, by lower-case name; arity as Entra documents it. */
const FUNCTIONS: Readonly<Record<string, FunctionSpec & { readonly name: string }>> = {
  append: { name: 'Append', min: 2, max: 2, run: text((s, a) => s + (single(a[1] ?? null) ?? '')) },
  join: {
    name: 'Join',
    min: 2,
    max: 32,
    run: (args) => {
      const values = args.slice(1).flatMap((v) => (v === null ? [] : typeof v === 'string' ? [v] : [...v]))
      return values.length === 0 ? null : values.join(single(args[0] ?? null) ?? '')
    },
  },
  tolower: { name: 'ToLower', min: 1, max: 2, run: text((s) => s.toLowerCase()) },
  toupper: { name: 'ToUpper', min: 1, max: 2, run: text((s) => s.toUpperCase()) },
  trim: { name: 'Trim', min: 1, max: 1, run: text((s) => s.trim()) },
  stripspaces: { name: 'StripSpaces', min: 1, max: 1, run: text((s) => s.replace(/\s+/g, '')) },
  left: { name: 'Left', min: 2, max: 2, run: text((s, a) => s.slice(0, Math.max(0, count(a[1] ?? null)))) },
  mid: {
    name: 'Mid',
    min: 3,
    max: 3,
    run: text((s, a) => {
      const start = Math.max(1, count(a[1] ?? null))
      return s.slice(start - 1, start - 1 + Math.max(0, count(a[2] ?? null)))
    }),
  },
  not: { name: 'Not', min: 1, max: 1, run: (a) => (a[0] == null ? null : bool(!isTrue(a[0]))) },
  ispresent: { name: 'IsPresent', min: 1, max: 1, run: (a) => bool(present(a[0] ?? null)) },
  isnullorempty: { name: 'IsNullOrEmpty', min: 1, max: 1, run: (a) => bool(!present(a[0] ?? null)) },
  coalesce: {
    name: 'Coalesce',
    min: 1,
    max: 32,
    run: (args) => args.find(present) ?? null,
  },
  switch: {
    name: 'Switch',
    min: 2,
    max: 64,
    run: (args) => {
      const key = single(args[0] ?? null)
      for (let i = 2; i + 1 < args.length; i += 2) {
        if (key !== null && single(args[i] ?? null)?.toLowerCase() === key.toLowerCase())
          return args[i + 1] ?? null
      }
      return args[1] ?? null
    },
  },
  singleapproleassignment: {
    name: 'SingleAppRoleAssignment',
    min: 1,
    max: 1,
    run: (a) => single(a[0] ?? null),
  },
}

/** The function names the sandbox knows, as Entra spells them. */
export const EXPRESSION_FUNCTIONS: readonly string[] = Object.values(FUNCTIONS).map((f) => f.name)

class Parser {
  private at = 0
  constructor(private readonly source: string) {}

  private fail(message: string): never {
    throw new SyntaxError(`${message} (at character ${this.at + 1} of "${this.source}")`)
  }
  private skipSpace(): void {
    while (/\s/.test(this.source[this.at] ?? '')) this.at += 1
  }
  private peek(): string {
    this.skipSpace()
    return this.source[this.at] ?? ''
  }

  parseAll(): ExpressionNode {
    const node = this.parse(0)
    if (this.peek() !== '') this.fail(`Unexpected "${this.peek()}" after the expression`)
    if (node.kind === 'empty') this.fail('The expression is empty')
    return node
  }

  private parse(depth: number): ExpressionNode {
    if (depth > MAX_DEPTH) this.fail(`Functions are nested more than ${MAX_DEPTH} deep`)
    const next = this.peek()
    if (next === '' || next === ',' || next === ')') return { kind: 'empty' }
    if (next === '[') {
      const close = this.source.indexOf(']', this.at)
      if (close < 0) this.fail('An attribute name has no closing "]"')
      const name = this.source.slice(this.at + 1, close).trim()
      if (!/^[A-Za-z][\w.]*$/.test(name)) this.fail(`"[${name}]" is not an attribute name`)
      this.at = close + 1
      return { kind: 'attribute', name }
    }
    if (next === '"') return { kind: 'string', value: this.parseString() }
    const rest = this.source.slice(this.at)
    // Entra takes bare numbers as constants ("Left([mail], 3)").
    const number = /^-?\d+/.exec(rest)?.[0]
    if (number) {
      this.at += number.length
      return { kind: 'string', value: number }
    }
    const name = /^[A-Za-z]\w*/.exec(rest)?.[0]
    if (!name) this.fail(`Unexpected "${next}"`)
    this.at += name.length
    if (this.peek() !== '(')
      this.fail(`"${name}" must be a function call (${name}(…)), an [attribute] or a "string"`)
    this.at += 1
    const args: ExpressionNode[] = []
    for (;;) {
      args.push(this.parse(depth + 1))
      const sep = this.peek()
      this.at += 1
      if (sep === ')') break
      if (sep !== ',') this.fail(`Expected "," or ")" in the arguments of ${name}`)
    }
    const call = args.length === 1 && args[0]?.kind === 'empty' ? [] : args
    return { kind: 'call', name, args: call }
  }

  private parseString(): string {
    let out = ''
    this.at += 1
    for (;;) {
      const ch = this.source[this.at]
      if (ch === undefined) this.fail('A string has no closing quote')
      this.at += 1
      if (ch === '"') return out
      if (ch === '\\' && this.source[this.at] !== undefined) {
        out += this.source[this.at]
        this.at += 1
      } else out += ch
    }
  }
}

/**
 * Parses an expression and checks it: known functions with the right number of arguments,
 * and attributes that `knownAttributes` has. The message says where it went wrong.
 */
export function parseExpression(
  source: string,
  knownAttributes: readonly string[],
): Result<ExpressionNode, string> {
  if (source.length > MAX_LENGTH) return err(`The expression is longer than ${MAX_LENGTH} characters.`)
  let node: ExpressionNode
  try {
    node = new Parser(source).parseAll()
  } catch (error) {
    return err(`${(error as Error).message}.`)
  }
  const known = new Map(knownAttributes.map((a) => [a.toLowerCase(), a]))
  const check = (n: ExpressionNode): string | null => {
    if (n.kind === 'attribute' && !known.has(n.name.toLowerCase()))
      return `[${n.name}] is not a source attribute; use one of ${knownAttributes.map((a) => `[${a}]`).join(', ')}.`
    if (n.kind !== 'call') return null
    const spec = FUNCTIONS[n.name.toLowerCase()]
    if (!spec)
      return `${n.name} is not a function the sandbox knows; use one of ${EXPRESSION_FUNCTIONS.join(', ')}.`
    if (n.args.length < spec.min || n.args.length > spec.max)
      return `${spec.name} takes ${spec.min === spec.max ? spec.min : `${spec.min} to ${spec.max}`} arguments, not ${n.args.length}.`
    for (const arg of n.args) {
      const problem = check(arg)
      if (problem) return problem
    }
    return null
  }
  const problem = check(node)
  return problem ? err(problem) : ok(node)
}

/** Evaluates a checked expression over the source object's attributes (names compared case-insensitively). */
export function evaluateExpression(
  node: ExpressionNode,
  attributes: Readonly<Record<string, SourceValue>>,
): SourceValue {
  switch (node.kind) {
    case 'empty':
      return null
    case 'string':
      return node.value
    case 'attribute': {
      const key = Object.keys(attributes).find((k) => k.toLowerCase() === node.name.toLowerCase())
      return key === undefined ? null : (attributes[key] ?? null)
    }
    case 'call': {
      const spec = FUNCTIONS[node.name.toLowerCase()]
      return spec ? spec.run(node.args.map((a) => evaluateExpression(a, attributes))) : null
    }
  }
}
