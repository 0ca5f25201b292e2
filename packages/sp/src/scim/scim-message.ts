import { ok, type Result } from '@sandbox/shared'
import { isObject } from './attribute-path'
import { checkNoPrototypeKeys } from './resource-input'
import { badRequest, type ScimError } from './scim-error'

/** A member of a SCIM message; attribute names are case-insensitive (RFC 7643 §2.1). */
export function field(object: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : object[key]
}

/**
 * The body of a SCIM protocol message (a PatchOp, BulkRequest or SearchRequest): a JSON object,
 * with no prototype-polluting keys, whose `schemas` names the message's URN.
 */
export function readScimMessage(
  body: unknown,
  message: { readonly name: string; readonly urn: string },
): Result<Record<string, unknown>, ScimError> {
  if (!isObject(body)) return badRequest('invalidSyntax', `The body must be a ${message.name} JSON object.`)
  const safe = checkNoPrototypeKeys(body)
  if (!safe.ok) return safe
  const schemas = field(body, 'schemas')
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === message.urn.toLowerCase())
  )
    return badRequest('invalidSyntax', `"schemas" must be ["${message.urn}"].`)
  return ok(body)
}
