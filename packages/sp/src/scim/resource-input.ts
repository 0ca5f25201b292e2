import { ok, type Result } from '@sandbox/shared'
import {
  type AttributeDef,
  coreAttributes,
  findAttribute,
  findExtension,
  type ResourceDef,
} from './attribute-defs'
import { isObject } from './attribute-path'
import { badRequest, type ScimError } from './scim-error'

/** Longest string value accepted in any attribute. */
const MAX_STRING_LENGTH = 4096
/** Most values a multi-valued attribute may hold (members excepted). */
const MAX_VALUES = 100
/** Most members of one group. */
const MAX_MEMBERS = 10_000

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Refuses `__proto__`, `constructor` and `prototype` keys anywhere (prototype pollution). */
export function checkNoPrototypeKeys(value: unknown, where = 'body'): Result<void, ScimError> {
  const stack: [unknown, string][] = [[value, where]]
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string]
    if (Array.isArray(current)) {
      current.forEach((v, i) => {
        stack.push([v, `${path}[${i}]`])
      })
    } else if (isObject(current)) {
      for (const key of Object.keys(current)) {
        if (FORBIDDEN_KEYS.has(key)) {
          return badRequest('invalidSyntax', `The key "${key}" at ${path} is not allowed; remove it.`)
        }
        stack.push([current[key], `${path}.${key}`])
      }
    }
  }
  return ok(undefined)
}

/** Entra's provisioning service sends booleans as strings ("True", "False"); both forms are accepted. */
function coerceBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase()
    if (lower === 'true') return true
    if (lower === 'false') return false
  }
  return undefined
}

function invalid(path: string, what: string): Result<never, ScimError> {
  return badRequest('invalidValue', `Attribute "${path}" ${what}.`)
}

/** Checks one value against its definition and returns it in canonical form. */
export function normalizeValue(def: AttributeDef, value: unknown, path: string): Result<unknown, ScimError> {
  if (def.multiValued) {
    if (!Array.isArray(value)) return invalid(path, 'is multi-valued: send a JSON array')
    const limit = def.name === 'members' ? MAX_MEMBERS : MAX_VALUES
    if (value.length > limit) return invalid(path, `has more than ${limit} values`)
    const items: unknown[] = []
    for (const [i, item] of value.entries()) {
      if (item === null) continue
      const single = normalizeSingle(def, item, `${path}[${i}]`)
      if (!single.ok) return single
      items.push(single.value)
    }
    const primaries = items.filter(isPrimary).length
    if (primaries > 1) {
      return invalid(
        path,
        `has ${primaries} values with "primary": true; at most one value may be primary (RFC 7643 §2.4)`,
      )
    }
    return ok(items)
  }
  return normalizeSingle(def, value, path)
}

/** A value of a multi-valued complex attribute marked `"primary": true`. */
export function isPrimary(value: unknown): boolean {
  return isObject(value) && value.primary === true
}

function normalizeSingle(def: AttributeDef, value: unknown, path: string): Result<unknown, ScimError> {
  switch (def.type) {
    case 'boolean': {
      const b = coerceBoolean(value)
      return b === undefined ? invalid(path, 'must be true or false') : ok(b)
    }
    case 'integer':
      return Number.isInteger(value) ? ok(value) : invalid(path, 'must be an integer')
    case 'complex':
      return isObject(value)
        ? normalizeComplex(def.subAttributes ?? [], value, path)
        : invalid(path, 'must be a JSON object')
    case 'dateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        return invalid(path, 'must be an ISO 8601 date-time string')
      }
      return ok(value)
    default:
      if (typeof value !== 'string') return invalid(path, 'must be a string')
      if (value.length > MAX_STRING_LENGTH)
        return invalid(path, `is longer than ${MAX_STRING_LENGTH} characters`)
      return ok(value)
  }
}

function normalizeComplex(
  subAttributes: readonly AttributeDef[],
  value: Record<string, unknown>,
  path: string,
): Result<Record<string, unknown>, ScimError> {
  const out: Record<string, unknown> = {}
  for (const [key, raw] of Object.entries(value)) {
    const sub = findAttribute(subAttributes, key)
    // Webex ignores what it does not know, and read-only values (RFC 7643 §2.2), instead of refusing.
    if (!sub || raw === null || raw === undefined || sub.mutability === 'readOnly') continue
    const checked = normalizeValue(sub, raw, `${path}.${sub.name}`)
    if (!checked.ok) return checked
    out[sub.name] = checked.value
  }
  return ok(out)
}

function checkSchemas(resource: ResourceDef, schemas: unknown): Result<string[], ScimError> {
  if (!Array.isArray(schemas) || schemas.some((s) => typeof s !== 'string')) {
    return badRequest(
      'invalidSyntax',
      `"schemas" must be an array of schema URNs including "${resource.core.id}".`,
    )
  }
  const known = [resource.core.id, ...resource.extensions.map((e) => e.id)]
  const canonical: string[] = []
  for (const urn of schemas as string[]) {
    // Webex ignores schemas it does not know (an IdP's own extensions) rather than refusing the user.
    const match = known.find((k) => k.toLowerCase() === urn.toLowerCase())
    if (match && !canonical.includes(match)) canonical.push(match)
  }
  if (!canonical.includes(resource.core.id)) {
    return badRequest('invalidSyntax', `"schemas" must include "${resource.core.id}".`)
  }
  return ok(canonical)
}

/**
 * Validates a POST or PUT body (RFC 7643) against a resource's schemas and returns it in
 * canonical form: attribute names in their defined case, extension objects under their URN,
 * read-only attributes (id, meta, groups) dropped as RFC 7643 §2.2 says, nulls unassigned.
 * As Webex does, schemas and attributes it does not define are ignored (dropped), while
 * values of known attributes are checked and refused, naming the culprit. Prototype keys
 * (`__proto__`, `constructor`, `prototype`) are refused anywhere, known or not.
 */
export function normalizeResource(
  resource: ResourceDef,
  body: unknown,
): Result<Record<string, unknown>, ScimError> {
  if (!isObject(body))
    return badRequest('invalidSyntax', `The body must be a JSON object (a SCIM ${resource.name}).`)
  const safe = checkNoPrototypeKeys(body)
  if (!safe.ok) return safe
  const schemasKey = Object.keys(body).find((k) => k.toLowerCase() === 'schemas')
  const schemas = checkSchemas(resource, schemasKey === undefined ? undefined : body[schemasKey])
  if (!schemas.ok) return schemas
  const out: Record<string, unknown> = { schemas: schemas.value }
  const core = coreAttributes(resource)
  for (const [key, raw] of Object.entries(body)) {
    if (key === schemasKey) continue
    const extension = findExtension(resource, key)
    if (extension) {
      if (raw === null) continue
      if (!isObject(raw)) return invalid(extension.id, 'must be a JSON object of extension attributes')
      if (!schemas.value.includes(extension.id)) schemas.value.push(extension.id)
      const checked = normalizeComplex(extension.attributes, raw, extension.id)
      if (!checked.ok) return checked
      out[extension.id] = checked.value
      continue
    }
    const def = findAttribute(core, key)
    if (!def || raw === null || raw === undefined || def.mutability === 'readOnly') continue
    const checked = normalizeValue(def, raw, def.name)
    if (!checked.ok) return checked
    out[def.name] = checked.value
  }
  return ok(out)
}
