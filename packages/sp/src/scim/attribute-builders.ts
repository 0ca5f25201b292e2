import type { AttributeDef } from './attribute-defs'

/** How an attribute differs from the RFC 7643 §7 defaults (optional, readWrite, returned by default, not unique). */
export type Options = Partial<Omit<AttributeDef, 'name' | 'type' | 'description'>>

/** An attribute definition with every characteristic RFC 7643 §7 requires, defaults filled in. */
export function attr(
  name: string,
  type: AttributeDef['type'],
  description: string,
  options: Options = {},
): AttributeDef {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  }
}

/** A string attribute. */
export const text = (name: string, description: string, options: Options = {}): AttributeDef =>
  attr(name, 'string', description, options)

/** RFC 7643 §2.3.7: what a reference may point at: resource type names, `external` or `uri`. */
export const reference = (
  name: string,
  description: string,
  referenceTypes: readonly string[],
  options: Options = {},
): AttributeDef => attr(name, 'reference', description, { referenceTypes, caseExact: true, ...options })

interface MultiOptions extends Options {
  /** The `value` sub-attribute, when it is not a plain optional string. */
  readonly value?: AttributeDef
}

/** A multi-valued complex attribute of the RFC's value/display/type/primary shape (emails, phoneNumbers, …). */
export function multiComplex(
  name: string,
  description: string,
  types: readonly string[],
  options: MultiOptions = {},
) {
  const { value, ...rest } = options
  return attr(name, 'complex', description, {
    multiValued: true,
    subAttributes: [
      value ?? text('value', `The ${name} value.`),
      text('display', 'A human-readable name, for display only.'),
      text('type', 'A label for this value.', types.length ? { canonicalValues: types } : {}),
      attr('primary', 'boolean', 'True for the primary value; at most one value is primary.'),
    ],
    ...rest,
  })
}
