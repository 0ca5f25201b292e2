import { ok, type Result } from '@sandbox/shared'
import { isObject } from './attribute-path'
import type { ListParams } from './list-query'
import { checkNoPrototypeKeys } from './resource-input'
import { badRequest, type ScimError } from './scim-error'
import { SEARCH_REQUEST_URN } from './scim-urns'

const TEXT_FIELDS = ['filter', 'sortBy', 'sortOrder'] as const
const LIST_FIELDS = ['attributes', 'excludedAttributes'] as const
const NUMBER_FIELDS = ['startIndex', 'count'] as const

function field(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : body[key]
}

/**
 * Reads a SearchRequest (RFC 7644 §3.4.3), the body of `POST .search`, into the same list
 * parameters a GET query carries, so both are checked by one parser. `attributes` and
 * `excludedAttributes` are arrays of names (a comma-separated string is accepted too);
 * `startIndex` and `count` are integers.
 */
export function parseSearchRequest(body: unknown): Result<ListParams, ScimError> {
  if (!isObject(body)) return badRequest('invalidSyntax', 'The body must be a SearchRequest JSON object.')
  const safe = checkNoPrototypeKeys(body)
  if (!safe.ok) return safe
  const schemas = field(body, 'schemas')
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === SEARCH_REQUEST_URN.toLowerCase())
  ) {
    return badRequest('invalidSyntax', `"schemas" must be ["${SEARCH_REQUEST_URN}"].`)
  }
  const params: Record<string, string> = {}
  for (const name of TEXT_FIELDS) {
    const value = field(body, name)
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') return badRequest('invalidValue', `"${name}" must be a string.`)
    params[name] = value
  }
  for (const name of LIST_FIELDS) {
    const value = field(body, name)
    if (value === undefined || value === null) continue
    const list = typeof value === 'string' ? [value] : value
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) {
      return badRequest('invalidValue', `"${name}" must be an array of attribute names, e.g. ["userName"].`)
    }
    params[name] = list.join(',')
  }
  for (const name of NUMBER_FIELDS) {
    const value = field(body, name)
    if (value === undefined || value === null) continue
    if (typeof value !== 'number' && typeof value !== 'string') {
      return badRequest('invalidValue', `"${name}" must be an integer.`)
    }
    params[name] = String(value)
  }
  return ok(params)
}
