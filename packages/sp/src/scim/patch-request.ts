import { ok, type Result } from '@sandbox/shared'
import { isObject } from './attribute-path'
import { type PatchPath, parsePatchPath } from './filter-parser'
import { badRequest, type ScimError } from './scim-error'
import { field, readScimMessage } from './scim-message'
import { PATCH_OP_URN } from './scim-urns'

/** One operation of a PatchOp request, checked and with its path parsed. */
export interface PatchOperation {
  readonly op: 'add' | 'remove' | 'replace'
  /** The path as sent (error messages quote it). */
  readonly rawPath?: string
  readonly path?: PatchPath
  readonly value?: unknown
}

/** Most operations one PATCH may carry. */
const MAX_OPERATIONS = 1000

/**
 * Reads a PatchOp body (RFC 7644 §3.5.2). Entra's forms are accepted: capitalised op names
 * ("Replace"), and add/replace without a path whose value is an object of attributes.
 */
export function parsePatchRequest(body: unknown): Result<PatchOperation[], ScimError> {
  const message = readScimMessage(body, { name: 'PatchOp', urn: PATCH_OP_URN })
  if (!message.ok) return message
  const operations = field(message.value, 'operations')
  if (!Array.isArray(operations) || operations.length === 0) {
    return badRequest('invalidSyntax', '"Operations" must be a non-empty array of {op, path, value}.')
  }
  if (operations.length > MAX_OPERATIONS) {
    return badRequest('invalidSyntax', `A PATCH may carry at most ${MAX_OPERATIONS} operations; split it.`)
  }
  const parsed: PatchOperation[] = []
  for (const [i, raw] of operations.entries()) {
    if (!isObject(raw))
      return badRequest('invalidSyntax', `Operations[${i}] must be an object {op, path, value}.`)
    const opText = field(raw, 'op')
    const op = typeof opText === 'string' ? opText.toLowerCase() : ''
    if (op !== 'add' && op !== 'remove' && op !== 'replace') {
      return badRequest(
        'invalidSyntax',
        `Operations[${i}].op must be "add", "remove" or "replace" (got ${JSON.stringify(opText ?? null)}).`,
      )
    }
    const rawPath = field(raw, 'path')
    const value = field(raw, 'value')
    if (rawPath !== undefined && typeof rawPath !== 'string') {
      return badRequest('invalidPath', `Operations[${i}].path must be a string such as "name.givenName".`)
    }
    if (rawPath === undefined || rawPath.trim() === '') {
      if (op === 'remove')
        return badRequest('noTarget', `Operations[${i}]: "remove" needs a path naming what to remove.`)
      if (!isObject(value)) {
        return badRequest(
          'invalidValue',
          `Operations[${i}]: without a path, "value" must be an object of attributes to ${op}.`,
        )
      }
      parsed.push({ op, value })
      continue
    }
    const path = parsePatchPath(rawPath.trim())
    if (!path.ok)
      return badRequest(
        'invalidPath',
        `Operations[${i}].path "${rawPath.slice(0, 200)}" is invalid: ${path.error}.`,
      )
    if (op !== 'remove' && value === undefined) {
      return badRequest('invalidValue', `Operations[${i}]: "${op}" needs a "value".`)
    }
    parsed.push({ op, rawPath, path: path.value, ...(value === undefined ? {} : { value }) })
  }
  return ok(parsed)
}
