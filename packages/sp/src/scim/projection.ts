import { ok, type Result } from '@sandbox/shared'
import type { ResourceDef } from './attribute-defs'
import { type AttributeRef, isObject, resolveAttributePath } from './attribute-path'
import { badRequest, type ScimError } from './scim-error'

type Json = Record<string, unknown>

/** RFC 7644 §3.9: which attributes a response carries. */
export type Projection =
  | { readonly kind: 'all' }
  | { readonly kind: 'only' | 'except'; readonly refs: readonly AttributeRef[] }

/** Reads `attributes` and `excludedAttributes` (at most one of them); unknown names are a 400. */
export function parseProjection(
  resource: ResourceDef,
  attributes: string | undefined,
  excluded: string | undefined,
): Result<Projection, ScimError> {
  if (attributes && excluded) {
    return badRequest('invalidValue', 'Use either attributes or excludedAttributes, not both.')
  }
  const list = attributes || excluded
  if (!list) return ok({ kind: 'all' })
  const refs: AttributeRef[] = []
  for (const name of list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)) {
    const ref = resolveAttributePath(resource, name)
    if (!ref.ok)
      return badRequest('invalidValue', `${attributes ? 'attributes' : 'excludedAttributes'}: ${ref.error}`)
    refs.push(ref.value)
  }
  return ok({ kind: attributes ? 'only' : 'except', refs })
}

function holder(json: Json, ref: AttributeRef): Json | undefined {
  if (!ref.extension) return json
  const value = json[ref.schema]
  return isObject(value) ? value : undefined
}

function pick(source: Json, out: Json, ref: AttributeRef): void {
  const from = holder(source, ref)
  const value = from?.[ref.attribute.name]
  if (value === undefined) return
  let into = out
  if (ref.extension) {
    into = isObject(out[ref.schema]) ? (out[ref.schema] as Json) : {}
    out[ref.schema] = into
  }
  if (!ref.sub) {
    into[ref.attribute.name] = value
    return
  }
  const subName = ref.sub.name
  const already = into[ref.attribute.name]
  if (Array.isArray(value)) {
    const base = Array.isArray(already) ? (already as Json[]) : value.map(() => ({}))
    into[ref.attribute.name] = value.map((e, i) =>
      isObject(e) && e[subName] !== undefined ? { ...base[i], [subName]: e[subName] } : base[i],
    )
  } else if (isObject(value) && value[subName] !== undefined) {
    into[ref.attribute.name] = { ...(isObject(already) ? already : {}), [subName]: value[subName] }
  }
}

function drop(json: Json, ref: AttributeRef): void {
  if (ref.attribute.returned === 'always') return
  const from = holder(json, ref)
  if (!from) return
  if (!ref.sub) {
    delete from[ref.attribute.name]
    return
  }
  const value = from[ref.attribute.name]
  const subName = ref.sub.name
  for (const element of Array.isArray(value) ? value : [value]) if (isObject(element)) delete element[subName]
}

/** Applies a projection to a full representation; `id` and `schemas` are always kept. */
export function project(json: Json, projection: Projection): Json {
  if (projection.kind === 'all') return json
  if (projection.kind === 'only') {
    const out: Json = { schemas: json.schemas, id: json.id }
    for (const ref of projection.refs) pick(json, out, ref)
    return out
  }
  const copy = structuredClone(json)
  for (const ref of projection.refs) drop(copy, ref)
  return copy
}
