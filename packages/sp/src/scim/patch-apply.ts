import { ok, type Result } from '@sandbox/shared'
import { type AttributeDef, findAttribute, findExtension, type ResourceDef } from './attribute-defs'
import { isObject, resolveAttributePath, schemaNamed } from './attribute-path'
import { compileFilterNode } from './filter-eval'
import type { PatchPath } from './filter-parser'
import type { PatchOperation } from './patch-request'
import { applyFiltered, applySub, applyWhole, type Target } from './patch-targets'
import { badRequest, type ScimError } from './scim-error'

type Json = Record<string, unknown>
type Op = PatchOperation['op']

function checkWritable(op: Op, def: AttributeDef, label: string): Result<void, ScimError> {
  if (def.mutability === 'readOnly') {
    return badRequest('mutability', `"${label}" is read-only and cannot be changed by PATCH.`)
  }
  if (def.mutability === 'immutable' && op !== 'add') {
    return badRequest('mutability', `"${label}" is immutable: it can be set once, never replaced or removed.`)
  }
  // RFC 7644 §3.5.2.2: removing a required attribute is a mutability error, not a reset to a default.
  if (op === 'remove' && def.required) {
    return badRequest('mutability', `"${label}" is required and cannot be removed; replace it instead.`)
  }
  return ok(undefined)
}

function resolveTarget(
  resource: ResourceDef,
  op: Op,
  path: PatchPath,
  rawPath: string,
): Result<Target, ScimError> {
  const ref = resolveAttributePath(resource, path.path)
  if (!ref.ok) return badRequest('invalidPath', `Path "${rawPath.slice(0, 200)}": ${ref.error}`)
  let sub = ref.value.sub
  const writable = checkWritable(sub || path.filter ? 'add' : op, ref.value.attribute, rawPath)
  if (!writable.ok) return writable
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
    const subWritable = checkWritable(op, sub, rawPath)
    if (!subWritable.ok) return subWritable
  }
  return ok({ ref: ref.value, ...(filter ? { filter } : {}), ...(sub ? { sub } : {}) })
}

function applyOne(
  resource: ResourceDef,
  json: Json,
  op: Op,
  path: PatchPath,
  rawPath: string,
  value: unknown,
): Result<void, ScimError> {
  const target = resolveTarget(resource, op, path, rawPath)
  if (!target.ok) return target
  const change = { op, resource: json, target: target.value, value, label: rawPath }
  if (target.value.filter) return applyFiltered(change)
  if (target.value.sub) return applySub(change)
  return applyWhole(change)
}

/**
 * An add or replace without a path (RFC 7644 §3.5.2.1, §3.5.2.3): the value's keys are attribute
 * names, dotted paths, URN-qualified attributes or extension URNs holding an object. As in a
 * POST body, keys that name no attribute and schemas the server does not know are ignored.
 */
function applyValueObject(
  resource: ResourceDef,
  json: Json,
  op: Op,
  value: Json,
  nested = false,
): Result<void, ScimError> {
  for (const [key, v] of Object.entries(value)) {
    const extension = findExtension(resource, key)
    const core = !extension && key.toLowerCase() === resource.core.id.toLowerCase()
    if (extension || core) {
      // A schema object inside a schema object names nothing: ignored like any unknown key.
      if (nested) continue
      if (!isObject(v)) {
        return badRequest(
          'invalidValue',
          `"${key}" names a schema: its value must be an object of attributes.`,
        )
      }
      const prefix = extension ? `${extension.id}:` : ''
      const inner = applyValueObject(resource, json, op, prefixKeys(v, prefix), true)
      if (!inner.ok) return inner
      continue
    }
    if (!resolveAttributePath(resource, key).ok) continue
    const applied = applyOne(resource, json, op, { path: key }, key, v)
    if (!applied.ok) return applied
  }
  return ok(undefined)
}

function prefixKeys(value: Json, prefix: string): Json {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [`${prefix}${k}`, v]))
}

/**
 * A path that is a schema URN alone (RFC 7644 §3.10): `urn:…:enterprise:2.0:User` with a value
 * object sets that extension's attributes, and removing it removes them all; the core schema's
 * URN alone is the resource itself, as if there were no path.
 */
function applySchemaPath(
  resource: ResourceDef,
  json: Json,
  op: PatchOperation,
  schemaId: string,
  rawPath: string,
): Result<void, ScimError> {
  const isCore = schemaId === resource.core.id
  if (op.op === 'remove') {
    if (isCore) {
      return badRequest('mutability', `"${rawPath}" would remove every core attribute, userName included.`)
    }
    delete json[schemaId]
    return ok(undefined)
  }
  if (!isObject(op.value)) {
    return badRequest(
      'invalidValue',
      `Path "${rawPath}" names the schema itself: its value must be an object of that schema's attributes.`,
    )
  }
  return applyValueObject(resource, json, op.op, isCore ? op.value : { [schemaId]: op.value })
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
    let applied: Result<void, ScimError>
    if (!op.path) {
      applied = applyValueObject(resource, json, op.op, op.value as Json)
    } else {
      const rawPath = op.rawPath ?? op.path.path
      const schema = op.path.filter ? undefined : schemaNamed(resource, op.path.path)
      applied = schema
        ? applySchemaPath(resource, json, op, schema.id, rawPath)
        : applyOne(resource, json, op.op, op.path, rawPath, op.value)
    }
    if (!applied.ok) return applied
  }
  return ok(json)
}
