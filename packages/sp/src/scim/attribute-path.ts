import { err, ok, type Result } from '@sandbox/shared'
import { type AttributeDef, coreAttributes, findAttribute, type ResourceDef } from './attribute-defs'

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
  let schema = resource.core.id
  let extension = false
  let attributes = coreAttributes(resource)
  let rest = raw
  if (raw.toLowerCase().startsWith('urn:')) {
    const lower = raw.toLowerCase()
    const owner = [resource.core, ...resource.extensions].find((s) =>
      lower.startsWith(`${s.id.toLowerCase()}:`),
    )
    if (!owner)
      return err(`"${raw}" names a schema this server does not know for ${resource.name} resources.`)
    schema = owner.id
    extension = owner !== resource.core
    attributes = extension ? owner.attributes : attributes
    rest = raw.slice(owner.id.length + 1)
  }
  const parts = rest.split('.')
  if (parts.length > 2 || parts.some((p) => !NAME.test(p))) {
    return err(`"${raw}" is not an attribute path (expected attribute or attribute.subAttribute).`)
  }
  const attribute = findAttribute(attributes, parts[0] as string)
  if (!attribute) return err(`"${raw}" is not an attribute of ${resource.name} resources.`)
  if (parts.length === 1) return ok({ schema, extension, attribute })
  const sub = findAttribute(attribute.subAttributes ?? [], parts[1] as string)
  if (!sub) return err(`"${raw}": ${attribute.name} has no sub-attribute "${parts[1]}".`)
  return ok({ schema, extension, attribute, sub })
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
