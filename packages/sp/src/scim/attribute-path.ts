import { err, ok, type Result } from '@sandbox/shared'
import {
  type AttributeDef,
  coreAttributes,
  findAttribute,
  type ResourceDef,
  type SchemaDef,
} from './attribute-defs'

/** An attribute path bound to the schema: `name.givenName`, `urn:…:enterprise:2.0:User:department`. */
export interface AttributeRef {
  /** The schema URN whose attribute this is; the core schema's for core and common attributes. */
  readonly schema: string
  /** True for an extension attribute (stored under the extension's URN key). */
  readonly extension: boolean
  readonly attribute: AttributeDef
  readonly sub?: AttributeDef
}

const NAME = /^[A-Za-z$][\w$-]*$/

/** Resolves `[URN ":"] ATTRNAME ["." subAttr]` (RFC 7644 §3.10) against a resource's schemas. */
export function resolveAttributePath(resource: ResourceDef, raw: string): Result<AttributeRef, string> {
  const quoted = `"${raw.slice(0, 200)}"`
  let schema = resource.core.id
  let extension = false
  let attributes = coreAttributes(resource)
  let scope = `${resource.name} resources`
  let rest = raw
  if (raw.toLowerCase().startsWith('urn:')) {
    const whole = schemaNamed(resource, raw)
    if (whole) {
      const example = whole.attributes[0]?.name ?? 'attribute'
      return err(
        `${quoted} is the ${whole.name} schema itself, not one of its attributes (e.g. "${whole.id}:${example}").`,
      )
    }
    const schemas = [resource.core, ...resource.extensions]
    const owner = schemas.find((s) => raw.toLowerCase().startsWith(`${s.id.toLowerCase()}:`))
    if (!owner) {
      return err(
        `${quoted} is not in any schema of ${resource.name} resources (${schemas.map((s) => s.id).join(', ')}).`,
      )
    }
    schema = owner.id
    extension = owner !== resource.core
    attributes = extension ? owner.attributes : attributes
    scope = `the ${owner.name} schema (${owner.id})`
    rest = raw.slice(owner.id.length + 1)
  }
  const parts = rest.split('.')
  if (parts.length > 2 || parts.some((p) => !NAME.test(p))) {
    return err(`${quoted} is not an attribute path (expected attribute or attribute.subAttribute).`)
  }
  const attribute = findAttribute(attributes, parts[0] as string)
  if (!attribute) return err(`${quoted} is not an attribute of ${scope}.`)
  if (parts.length === 1) return ok({ schema, extension, attribute })
  const sub = findAttribute(attribute.subAttributes ?? [], parts[1] as string)
  if (!sub) return err(`${quoted}: ${attribute.name} has no sub-attribute "${parts[1]}".`)
  return ok({ schema, extension, attribute, sub })
}

/** The schema (core or extension) whose URN is exactly `raw`, case-insensitively. */
export function schemaNamed(resource: ResourceDef, raw: string): SchemaDef | undefined {
  const wanted = raw.toLowerCase()
  return [resource.core, ...resource.extensions].find((s) => s.id.toLowerCase() === wanted)
}

/** The container of an attribute in a canonical resource: the resource or its extension object. */
export function containerOf(
  resource: Record<string, unknown>,
  ref: Pick<AttributeRef, 'schema' | 'extension'>,
): Record<string, unknown> | undefined {
  if (!ref.extension) return resource
  const value = resource[ref.schema]
  return isObject(value) ? value : undefined
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
