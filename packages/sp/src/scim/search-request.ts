import { ok, type Result } from '@sandbox/shared'
import type { ListParams } from './list-query'
import { badRequest, type ScimError } from './scim-error'
import { field, readScimMessage } from './scim-message'
import { SEARCH_REQUEST_URN } from './scim-urns'

const TEXT_FIELDS = ['filter', 'sortBy', 'sortOrder'] as const
const LIST_FIELDS = ['attributes', 'excludedAttributes'] as const
const NUMBER_FIELDS = ['startIndex', 'count'] as const

/**
 * Reads a SearchRequest (RFC 7644 §3.4.3), the body of `POST .search`, into the same list
 * parameters a GET query carries, so both are checked by one parser. `attributes` and
 * `excludedAttributes` are arrays of names (a comma-separated string is accepted too);
 * `startIndex` and `count` are integers.
 */
export function parseSearchRequest(body: unknown): Result<ListParams, ScimError> {
  const message = readScimMessage(body, { name: 'SearchRequest', urn: SEARCH_REQUEST_URN })
  if (!message.ok) return message
  const params: Record<string, string> = {}
  for (const name of TEXT_FIELDS) {
    const value = field(message.value, name)
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') return badRequest('invalidValue', `"${name}" must be a string.`)
    params[name] = value
  }
  for (const name of LIST_FIELDS) {
    const value = field(message.value, name)
    if (value === undefined || value === null) continue
    const list = typeof value === 'string' ? [value] : value
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) {
      return badRequest('invalidValue', `"${name}" must be an array of attribute names, e.g. ["userName"].`)
    }
    params[name] = list.join(',')
  }
  for (const name of NUMBER_FIELDS) {
    const value = field(message.value, name)
    if (value === undefined || value === null) continue
    if (typeof value !== 'number' && typeof value !== 'string') {
      return badRequest('invalidValue', `"${name}" must be an integer.`)
    }
    params[name] = String(value)
  }
  return ok(params)
}
