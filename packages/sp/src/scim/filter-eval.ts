import { err, ok, type Result } from '@sandbox/shared'
import { type AttributeDef, findAttribute, type ResourceDef } from './attribute-defs'
import { type AttributeRef, containerOf, isObject, resolveAttributePath } from './attribute-path'
import { type CompareOp, type CompareValue, type FilterNode, parseFilter } from './filter-parser'
import { badRequest, type ScimError } from './scim-error'

/** A compiled filter: true when the (canonical) resource or complex value matches. */
export type Predicate = (target: Record<string, unknown>) => boolean

/** Where a filter's attribute names are looked up: a resource, or one complex attribute's sub-attributes. */
export type FilterScope =
  | { readonly kind: 'resource'; readonly resource: ResourceDef }
  | { readonly kind: 'complex'; readonly attribute: AttributeDef }

type Bound = AttributeRef

function bind(scope: FilterScope, path: string): Result<Bound, string> {
  if (scope.kind === 'resource') return resolveAttributePath(scope.resource, path)
  const sub = findAttribute(scope.attribute.subAttributes ?? [], path)
  if (!sub) return err(`"${path}" is not a sub-attribute of ${scope.attribute.name}.`)
  return ok({ schema: '', extension: false, attribute: sub })
}

/** The values a path yields: multi-valued attributes flatten, complex ones yield their `value`. */
function valuesAt(target: Record<string, unknown>, bound: Bound): unknown[] {
  const container = containerOf(target, bound)
  const raw = container?.[bound.attribute.name]
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]
  const subName = bound.sub?.name ?? (bound.attribute.type === 'complex' ? 'value' : undefined)
  const values = subName === undefined ? list : list.map((v) => (isObject(v) ? v[subName] : undefined))
  return values.filter((v) => v !== undefined && v !== null)
}

function leafOf(bound: Bound): AttributeDef {
  if (bound.sub) return bound.sub
  if (bound.attribute.type === 'complex')
    return findAttribute(bound.attribute.subAttributes ?? [], 'value') ?? bound.attribute
  return bound.attribute
}

function checkOperand(leaf: AttributeDef, op: CompareOp, value: CompareValue, path: string): string | null {
  if (value === null)
    return op === 'eq' || op === 'ne' ? null : `"${path} ${op} null" only works with eq or ne.`
  switch (leaf.type) {
    case 'boolean':
      if (typeof value !== 'boolean') return `${path} is a boolean: compare it with true or false.`
      return op === 'eq' || op === 'ne' ? null : `${path} is a boolean: only eq and ne apply.`
    case 'integer':
      return typeof value === 'number' && !['co', 'sw', 'ew'].includes(op) ? null : `${path} is a number.`
    case 'dateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        return `${path} is a date: compare it with a quoted ISO 8601 instant such as "2026-01-01T00:00:00Z".`
      }
      return ['co', 'sw', 'ew'].includes(op) ? `${path} is a date: use eq, ne, gt, ge, lt or le.` : null
    case 'complex':
      return `${path} is complex: filter on a sub-attribute (e.g. ${path}.value) or use ${path}[…].`
    default:
      return typeof value === 'string' ? null : `${path} is a string: quote the value ("…").`
  }
}

function compareOne(leaf: AttributeDef, op: CompareOp, actual: unknown, expected: CompareValue): boolean {
  if (leaf.type === 'dateTime') {
    const a = Date.parse(String(actual))
    const b = Date.parse(String(expected))
    return compareOrdered(op, a, b)
  }
  if (typeof actual === 'boolean' || typeof actual === 'number')
    return compareOrdered(op, actual, expected as never)
  if (typeof actual !== 'string' || typeof expected !== 'string') return false
  const a = leaf.caseExact ? actual : actual.toLowerCase()
  const b = leaf.caseExact ? expected : expected.toLowerCase()
  if (op === 'co') return a.includes(b)
  if (op === 'sw') return a.startsWith(b)
  if (op === 'ew') return a.endsWith(b)
  return compareOrdered(op, a, b)
}

function compareOrdered<T extends string | number | boolean>(op: CompareOp, a: T, b: T): boolean {
  switch (op) {
    case 'eq':
      return a === b
    case 'ne':
      return a !== b
    case 'gt':
      return a > b
    case 'ge':
      return a >= b
    case 'lt':
      return a < b
    case 'le':
      return a <= b
    default:
      return false
  }
}

function compile(node: FilterNode, scope: FilterScope): Result<Predicate, string> {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const left = compile(node.left, scope)
      if (!left.ok) return left
      const right = compile(node.right, scope)
      if (!right.ok) return right
      const [l, r] = [left.value, right.value]
      return ok(node.kind === 'and' ? (t) => l(t) && r(t) : (t) => l(t) || r(t))
    }
    case 'not': {
      const inner = compile(node.filter, scope)
      return inner.ok ? ok((t) => !inner.value(t)) : inner
    }
    case 'present': {
      const bound = bind(scope, node.path)
      if (!bound.ok) return bound
      return ok((t) =>
        valuesAt(t, bound.value).some((v) => v !== '' && !(Array.isArray(v) && v.length === 0)),
      )
    }
    case 'compare': {
      const bound = bind(scope, node.path)
      if (!bound.ok) return bound
      const leaf = leafOf(bound.value)
      const problem = checkOperand(leaf, node.op, node.value, node.path)
      if (problem) return err(problem)
      const { op, value } = node
      if (value === null) {
        return ok((t) => (valuesAt(t, bound.value).length === 0) === (op === 'eq'))
      }
      if (op === 'ne')
        return ok((t) => !valuesAt(t, bound.value).some((v) => compareOne(leaf, 'eq', v, value)))
      return ok((t) => valuesAt(t, bound.value).some((v) => compareOne(leaf, op, v, value)))
    }
    case 'valuePath': {
      if (scope.kind === 'complex') return err(`"${node.path}[…]" cannot be nested inside another filter.`)
      const bound = resolveAttributePath(scope.resource, node.path)
      if (!bound.ok) return bound
      if (bound.value.attribute.type !== 'complex' || bound.value.sub) {
        return err(`"${node.path}[…]" needs a complex attribute such as emails or members.`)
      }
      const attribute = bound.value.attribute
      const inner = compile(node.filter, { kind: 'complex', attribute })
      if (!inner.ok) return inner
      return ok((t) => {
        const raw = containerOf(t, bound.value)?.[attribute.name]
        const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
        return list.some((element) => isObject(element) && inner.value(element))
      })
    }
  }
}

/** Compiles a parsed filter in a scope; a bad attribute or operand is the error. */
export function compileFilterNode(node: FilterNode, scope: FilterScope): Result<Predicate, string> {
  return compile(node, scope)
}

/** Parses and compiles a `filter` query parameter; failures are 400 invalidFilter. */
export function compileFilter(text: string, resource: ResourceDef): Result<Predicate, ScimError> {
  const parsed = parseFilter(text)
  const compiled = parsed.ok ? compile(parsed.value, { kind: 'resource', resource }) : parsed
  if (compiled.ok) return compiled
  return badRequest(
    'invalidFilter',
    `The filter ${JSON.stringify(text.slice(0, 200))} is invalid: ${compiled.error} Example: userName eq "b.simon@contoso.com".`,
  )
}
