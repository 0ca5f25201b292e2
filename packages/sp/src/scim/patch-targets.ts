import { ok, type Result } from '@sandbox/shared'
import { type AttributeDef, findAttribute } from './attribute-defs'
import { type AttributeRef, isObject } from './attribute-path'
import type { Predicate } from './filter-eval'
import type { FilterNode } from './filter-parser'
import type { PatchOperation } from './patch-request'
import { isPrimary, normalizeValue } from './resource-input'
import { badRequest, type ScimError } from './scim-error'

type Json = Record<string, unknown>
type Op = PatchOperation['op']

/** What one PATCH operation writes: an attribute, maybe a sub-attribute, maybe a value filter. */
/** One PATCH operation on one resolved target; `label` names the path in errors. */
export interface PatchChange {
  readonly op: Op
  readonly resource: Json
  readonly target: Target
  readonly value: unknown
  readonly label: string
}

export interface Target {
  readonly ref: AttributeRef
  readonly filter?: { readonly node: FilterNode; readonly predicate: Predicate }
  readonly sub?: AttributeDef
}

function containerFor(resource: Json, ref: AttributeRef, create: boolean): Json | undefined {
  if (!ref.extension) return resource
  const existing = resource[ref.schema]
  if (isObject(existing)) return existing
  if (!create) return undefined
  const made: Json = {}
  resource[ref.schema] = made
  return made
}

/** The sub-attribute values an `eq` filter fixes: what a new element needs to match it. */
function eqAssertions(node: FilterNode): Json | null {
  if (node.kind === 'compare' && node.op === 'eq' && node.value !== null) return { [node.path]: node.value }
  if (node.kind === 'and') {
    const left = eqAssertions(node.left)
    const right = eqAssertions(node.right)
    return left && right ? { ...left, ...right } : null
  }
  return null
}

function canonicalKeys(def: AttributeDef, values: Json): Json {
  const out: Json = {}
  for (const [k, v] of Object.entries(values)) out[findAttribute(def.subAttributes ?? [], k)?.name ?? k] = v
  return out
}

/** The `value` sub-attribute of an element, compared as the schema says (case-insensitively unless caseExact). */
function identity(def: AttributeDef, element: unknown): unknown {
  const value = isObject(element) ? element.value : element
  if (typeof value !== 'string') return JSON.stringify(element)
  const exact = findAttribute(def.subAttributes ?? [], 'value')?.caseExact ?? false
  return exact ? value : value.toLowerCase()
}

/**
 * RFC 7644 §3.5.2.1 add on a multi-valued attribute: new values are appended; a value equal to
 * one already there (same `value`) is merged into it rather than duplicated. Returns the list
 * and the indices the operation wrote.
 */
function addElements(def: AttributeDef, existing: readonly unknown[], added: readonly unknown[]) {
  const list = [...existing]
  const touched: number[] = []
  for (const item of added) {
    const at = list.findIndex((e) => identity(def, e) === identity(def, item))
    if (at < 0) {
      list.push(item)
      touched.push(list.length - 1)
    } else {
      list[at] = isObject(list[at]) && isObject(item) ? { ...list[at], ...item } : item
      touched.push(at)
    }
  }
  return { list, touched }
}

/**
 * RFC 7644 §3.5.2: an operation that makes a value primary makes every other value of the
 * attribute non-primary. Making two values primary at once is refused (RFC 7643 §2.4).
 */
function settlePrimary(
  def: AttributeDef,
  list: unknown[],
  touched: readonly number[],
  label: string,
): Result<unknown[], ScimError> {
  if (!findAttribute(def.subAttributes ?? [], 'primary')) return ok(list)
  const promoted = touched.filter((i) => isPrimary(list[i]))
  if (promoted.length > 1) {
    return badRequest(
      'invalidValue',
      `"${label}" makes ${promoted.length} values of ${def.name} primary; at most one value may be primary.`,
    )
  }
  if (promoted.length === 0) return ok(list)
  return ok(list.map((e, i) => (i !== promoted[0] && isPrimary(e) ? { ...(e as Json), primary: false } : e)))
}

/** add, replace or remove of a whole attribute (`emails`, `active`, `urn:…:User:manager`). */
export function applyWhole(change: PatchChange): Result<void, ScimError> {
  const { op, resource, target, value, label } = change
  const { attribute } = target.ref
  const container = containerFor(resource, target.ref, op !== 'remove')
  if (op === 'remove') {
    if (!container) return ok(undefined)
    if (attribute.multiValued && value !== undefined) {
      // Entra removes members as {"op":"Remove","path":"members","value":[{"value":"<id>"}]}.
      const gone = (Array.isArray(value) ? value : [value]).map((v) => identity(attribute, v))
      const list = Array.isArray(container[attribute.name]) ? (container[attribute.name] as unknown[]) : []
      container[attribute.name] = list.filter((e) => !gone.includes(identity(attribute, e)))
    } else {
      delete container[attribute.name]
    }
    return ok(undefined)
  }
  const input = attribute.multiValued && !Array.isArray(value) ? [value] : value
  const checked = normalizeValue(attribute, input, label)
  if (!checked.ok) return checked
  const into = container as Json
  const current = into[attribute.name]
  if (attribute.multiValued) {
    const added = checked.value as unknown[]
    if (op === 'replace') {
      into[attribute.name] = added
      return ok(undefined)
    }
    const merged = addElements(attribute, Array.isArray(current) ? current : [], added)
    const settled = settlePrimary(attribute, merged.list, merged.touched, label)
    if (!settled.ok) return settled
    into[attribute.name] = settled.value
  } else if (attribute.type === 'complex') {
    into[attribute.name] = { ...(isObject(current) ? current : {}), ...(checked.value as Json) }
  } else {
    into[attribute.name] = checked.value
  }
  return ok(undefined)
}

/** A sub-attribute of a single-valued complex attribute (`name.givenName`). */
export function applySub(change: PatchChange): Result<void, ScimError> {
  const { op, resource, target, value, label } = change
  const { attribute } = target.ref
  const sub = target.sub as AttributeDef
  if (attribute.multiValued) {
    return badRequest(
      'invalidPath',
      `"${label}" targets every value of ${attribute.name}; select values with a filter, e.g. ${attribute.name}[type eq "work"].${sub.name}.`,
    )
  }
  const container = containerFor(resource, target.ref, op !== 'remove')
  if (!container) return ok(undefined)
  const current = isObject(container[attribute.name]) ? (container[attribute.name] as Json) : {}
  if (op === 'remove') {
    delete current[sub.name]
  } else {
    const checked = normalizeValue(sub, value, label)
    if (!checked.ok) return checked
    current[sub.name] = checked.value
  }
  container[attribute.name] = current
  return ok(undefined)
}

/** Values selected by a filter (`emails[type eq "work"].value`, `members[value eq "…"]`). */
export function applyFiltered(change: PatchChange): Result<void, ScimError> {
  const { op, resource, target, value, label } = change
  const { attribute } = target.ref
  const filter = target.filter as NonNullable<Target['filter']>
  const container = containerFor(resource, target.ref, op === 'add')
  const list =
    container && Array.isArray(container[attribute.name]) ? [...(container[attribute.name] as unknown[])] : []
  const matches = list.flatMap((e, i) => (isObject(e) && filter.predicate(e) ? [i] : []))
  const sub = target.sub
  let checked: unknown
  if (op !== 'remove') {
    const result = normalizeValue(sub ?? { ...attribute, multiValued: false }, value, label)
    if (!result.ok) return result
    checked = result.value
  }
  if (matches.length === 0) {
    const seed = op === 'add' && sub ? eqAssertions(filter.node) : null
    if (!seed || !container) {
      return badRequest('noTarget', `"${label}" matches no value of ${attribute.name}; nothing was changed.`)
    }
    // Entra adds a missing work email as add emails[type eq "work"].value: create the element.
    list.push({ ...canonicalKeys(attribute, seed), [sub?.name as string]: checked })
    return store(container, attribute, list, [list.length - 1], label)
  }
  if (op === 'remove' && !sub) {
    ;(container as Json)[attribute.name] = list.filter((_, i) => !matches.includes(i))
    return ok(undefined)
  }
  for (const i of matches) {
    const element = { ...(list[i] as Json) }
    if (sub) {
      if (op === 'add' && sub.mutability === 'immutable' && element[sub.name] !== undefined) {
        return badRequest('mutability', `"${label}": ${attribute.name}.${sub.name} is immutable once set.`)
      }
      if (op === 'remove') delete element[sub.name]
      else element[sub.name] = checked
      list[i] = element
    } else {
      list[i] = op === 'add' ? { ...element, ...(checked as Json) } : checked
    }
  }
  return store(container as Json, attribute, list, op === 'remove' ? [] : matches, label)
}

function store(
  container: Json,
  attribute: AttributeDef,
  list: unknown[],
  touched: readonly number[],
  label: string,
): Result<void, ScimError> {
  const settled = settlePrimary(attribute, list, touched, label)
  if (!settled.ok) return settled
  container[attribute.name] = settled.value
  return ok(undefined)
}
