import { ok, type Result } from '@sandbox/shared'
import { type AttributeDef, findAttribute, findExtension, type ResourceDef } from './attribute-defs'
import { type AttributeRef, isObject, resolveAttributePath } from './attribute-path'
import { compileFilterNode, type Predicate } from './filter-eval'
import type { FilterNode } from './filter-parser'
import type { PatchOperation } from './patch-request'
import { normalizeValue } from './resource-input'
import { badRequest, type ScimError } from './scim-error'

type Json = Record<string, unknown>
type Op = PatchOperation['op']

interface Target {
  readonly ref: AttributeRef
  readonly filter?: { readonly node: FilterNode; readonly predicate: Predicate }
  readonly sub?: AttributeDef
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

function containerFor(resource: Json, ref: AttributeRef, create: boolean): Json | undefined {
  if (!ref.extension) return resource
  const existing = resource[ref.schema]
  if (isObject(existing)) return existing
  if (!create) return undefined
  const made: Json = {}
  resource[ref.schema] = made
  return made
}

function checkWritable(def: AttributeDef, label: string): Result<void, ScimError> {
  return def.mutability === 'readOnly'
    ? badRequest('mutability', `"${label}" is read-only and cannot be changed by PATCH.`)
    : ok(undefined)
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

function mergeElements(def: AttributeDef, existing: unknown[], added: unknown[]): unknown[] {
  const result = [...existing]
  for (const item of added) {
    const key = def.name === 'members' && isObject(item) ? item.value : undefined
    const duplicate = result.some((e) => (key !== undefined && isObject(e) ? e.value === key : same(e, item)))
    if (!duplicate) result.push(item)
  }
  return result
}

function applyWhole(
  op: Op,
  resource: Json,
  target: Target,
  value: unknown,
  label: string,
): Result<void, ScimError> {
  const { attribute } = target.ref
  const container = containerFor(resource, target.ref, op !== 'remove')
  if (op === 'remove') {
    if (!container) return ok(undefined)
    if (attribute.multiValued && value !== undefined) {
      // Entra removes members as {"op":"Remove","path":"members","value":[{"value":"<id>"}]}.
      const gone = (Array.isArray(value) ? value : [value]).map((v) => (isObject(v) ? v.value : v))
      const list = Array.isArray(container[attribute.name]) ? (container[attribute.name] as unknown[]) : []
      container[attribute.name] = list.filter((e) => !gone.includes(isObject(e) ? e.value : e))
    } else {
      delete container[attribute.name]
    }
    return ok(undefined)
  }
  const input = attribute.multiValued && !Array.isArray(value) ? [value] : value
  const checked = normalizeValue(attribute, input, label)
  if (!checked.ok) return checked
  const current = (container as Json)[attribute.name]
  if (attribute.multiValued) {
    const list = checked.value as unknown[]
    ;(container as Json)[attribute.name] =
      op === 'add' ? mergeElements(attribute, Array.isArray(current) ? current : [], list) : list
  } else if (attribute.type === 'complex') {
    ;(container as Json)[attribute.name] = {
      ...(isObject(current) ? current : {}),
      ...(checked.value as Json),
    }
  } else {
    ;(container as Json)[attribute.name] = checked.value
  }
  return ok(undefined)
}

function applySub(
  op: Op,
  resource: Json,
  target: Target,
  value: unknown,
  label: string,
): Result<void, ScimError> {
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

function applyFiltered(
  op: Op,
  resource: Json,
  target: Target,
  value: unknown,
  label: string,
): Result<void, ScimError> {
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
    container[attribute.name] = list
    return ok(undefined)
  }
  if (op === 'remove' && !sub) {
    ;(container as Json)[attribute.name] = list.filter((_, i) => !matches.includes(i))
    return ok(undefined)
  }
  for (const i of matches) {
    const element = { ...(list[i] as Json) }
    if (sub) {
      if (op === 'remove') delete element[sub.name]
      else element[sub.name] = checked
      list[i] = element
    } else {
      list[i] = op === 'add' ? { ...element, ...(checked as Json) } : checked
    }
  }
  ;(container as Json)[attribute.name] = list
  return ok(undefined)
}

function resolveTarget(
  resource: ResourceDef,
  op: PatchOperation,
  rawPath: string,
): Result<Target, ScimError> {
  const path = op.path ?? { path: rawPath }
  const ref = resolveAttributePath(resource, path.path)
  if (!ref.ok) return badRequest('invalidPath', `Path "${rawPath.slice(0, 200)}": ${ref.error}`)
  const writable = checkWritable(ref.value.attribute, rawPath)
  if (!writable.ok) return writable
  let sub = ref.value.sub
  let filter: Target['filter']
  if (path.filter) {
    if (ref.value.attribute.type !== 'complex' || !ref.value.attribute.multiValued || ref.value.sub) {
      return badRequest(
        'invalidPath',
        `Path "${rawPath}": a [filter] applies only to multi-valued complex attributes such as emails or members.`,
      )
    }
    const compiled = compileFilterNode(path.filter, { kind: 'complex', attribute: ref.value.attribute })
    if (!compiled.ok) return badRequest('invalidFilter', `Path "${rawPath}": ${compiled.error}`)
    filter = { node: path.filter, predicate: compiled.value }
    if (path.sub) {
      sub = findAttribute(ref.value.attribute.subAttributes ?? [], path.sub)
      if (!sub)
        return badRequest(
          'invalidPath',
          `Path "${rawPath}": ${ref.value.attribute.name} has no sub-attribute "${path.sub}".`,
        )
    }
  }
  if (sub) {
    const subWritable = checkWritable(sub, rawPath)
    if (!subWritable.ok) return subWritable
  }
  return ok({ ref: ref.value, ...(filter ? { filter } : {}), ...(sub ? { sub } : {}) })
}

function applyOne(resource: ResourceDef, json: Json, op: PatchOperation, rawPath: string, value: unknown) {
  const target = resolveTarget(resource, op, rawPath)
  if (!target.ok) return target
  if (target.value.filter) return applyFiltered(op.op, json, target.value, value, rawPath)
  if (target.value.sub) return applySub(op.op, json, target.value, value, rawPath)
  return applyWhole(op.op, json, target.value, value, rawPath)
}

/**
 * Applies PatchOp operations (RFC 7644 §3.5.2) in order to `json`, a private copy of the
 * resource's canonical representation. The caller stores the result only when every
 * operation succeeded, which makes a PATCH all-or-nothing.
 */
export function applyPatch(
  resource: ResourceDef,
  json: Json,
  operations: readonly PatchOperation[],
): Result<Json, ScimError> {
  for (const op of operations) {
    if (op.path) {
      const applied = applyOne(resource, json, op, op.rawPath ?? op.path.path, op.value)
      if (!applied.ok) return applied
      continue
    }
    for (const [key, value] of Object.entries(op.value as Json)) {
      const extension = findExtension(resource, key)
      const entries: [string, unknown][] =
        extension && isObject(value)
          ? Object.entries(value).map(([k, v]) => [`${extension.id}:${k}`, v])
          : [[key, value]]
      for (const [path, v] of entries) {
        const applied = applyOne(resource, json, { op: op.op }, path, v)
        if (!applied.ok) return applied
      }
    }
  }
  return ok(json)
}
