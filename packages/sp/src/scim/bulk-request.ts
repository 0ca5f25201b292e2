import { err, ok, type Result } from '@sandbox/shared'
import { isObject } from './attribute-path'
import type { Kind } from './directory-reads'
import { badRequest, type ScimError } from './scim-error'
import { field, readScimMessage } from './scim-message'
import { BULK_REQUEST_URN } from './scim-urns'

/** Most operations one bulk request may carry (Webex's limit; ServiceProviderConfig bulk.maxOperations). */
export const BULK_MAX_OPERATIONS = 100
/** Largest bulk request body, in bytes (ServiceProviderConfig bulk.maxPayloadSize). */
export const BULK_MAX_PAYLOAD_BYTES = 1024 * 1024

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Where an operation points: a resource type endpoint, or one resource by id or by `bulkId:`. */
export interface BulkPath {
  readonly kind: Kind
  /** The resource id, or `bulkId:<id>` for a resource created earlier in the same request. */
  readonly id?: string
}

/** One operation of a BulkRequest (RFC 7644 §3.7), checked in shape. */
export interface BulkOperation {
  readonly method: BulkMethod
  readonly path: BulkPath
  readonly bulkId?: string
  readonly version?: string
  readonly data?: unknown
}

/** An operation as read: runnable, or refused on its own (the other operations still run). */
export type ParsedOperation =
  | { readonly ok: true; readonly operation: BulkOperation }
  | { readonly ok: false; readonly method?: string; readonly bulkId?: string; readonly error: ScimError }

export interface BulkRequest {
  /** Stop after this many failed operations (RFC 7644 §3.7.3); null: run them all. */
  readonly failOnErrors: number | null
  readonly operations: readonly ParsedOperation[]
}

const METHODS: readonly BulkMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE']
/** Deeper than any SCIM resource or PatchOp nests (about six levels); bulkId substitution recurses this far. */
const MAX_DATA_DEPTH = 32

/** True when `value` nests objects or arrays more than `limit` levels deep (checked without recursion). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (typeof current !== 'object' || current === null) continue
    if (depth > limit) return true
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return false
}
const PATH = /^\/(Users|Groups)(?:\/([^/?#]{1,200}))?$/i

function refuse(detail: string, method?: string, bulkId?: string): ParsedOperation {
  return {
    ok: false,
    ...(method ? { method } : {}),
    ...(bulkId ? { bulkId } : {}),
    error: { status: 400, scimType: 'invalidValue', detail },
  }
}

function parseOperation(raw: unknown, index: number, seen: Set<string>): ParsedOperation {
  const where = `Operations[${index}]`
  if (!isObject(raw)) return refuse(`${where} must be an object {method, path, bulkId, version, data}.`)
  const methodText = field(raw, 'method')
  const method = typeof methodText === 'string' ? methodText.toUpperCase() : ''
  const bulkIdRaw = field(raw, 'bulkId')
  const bulkId =
    typeof bulkIdRaw === 'string' && bulkIdRaw.trim() !== '' ? bulkIdRaw.slice(0, 200) : undefined
  if (!(METHODS as readonly string[]).includes(method)) {
    return refuse(`${where}.method must be POST, PUT, PATCH or DELETE.`, undefined, bulkId)
  }
  if (bulkIdRaw !== undefined && bulkId === undefined) {
    return refuse(`${where}.bulkId must be a non-empty string.`, method)
  }
  const pathText = field(raw, 'path')
  const match = typeof pathText === 'string' ? PATH.exec(pathText) : null
  if (!match) {
    return refuse(`${where}.path must be /Users, /Groups, /Users/{id} or /Groups/{id}.`, method, bulkId)
  }
  const kind: Kind = (match[1] as string).toLowerCase() === 'users' ? 'users' : 'groups'
  const id = match[2]
  if (method === 'POST' ? id !== undefined : id === undefined) {
    return refuse(
      method === 'POST'
        ? `${where}: POST goes to /Users or /Groups, without an id.`
        : `${where}: ${method} needs the resource, e.g. /Users/{id} or /Users/bulkId:{bulkId}.`,
      method,
      bulkId,
    )
  }
  if (method === 'POST' && bulkId === undefined) {
    return refuse(`${where}: a POST needs a bulkId (RFC 7644 §3.7), so its result can be told apart.`, method)
  }
  if (bulkId !== undefined && method === 'POST') {
    if (seen.has(bulkId)) return refuse(`${where}: bulkId "${bulkId}" is used twice in this request.`, method)
    seen.add(bulkId)
  }
  const data = field(raw, 'data')
  if (method !== 'DELETE' && !isObject(data)) {
    return refuse(`${where}: ${method} needs "data", the body it would send on its own.`, method, bulkId)
  }
  if (nestsDeeperThan(data, MAX_DATA_DEPTH)) {
    return refuse(
      `${where}.data nests deeper than ${MAX_DATA_DEPTH} levels; no SCIM resource does.`,
      method,
      bulkId,
    )
  }
  const version = field(raw, 'version')
  return {
    ok: true,
    operation: {
      method: method as BulkMethod,
      path: { kind, ...(id === undefined ? {} : { id }) },
      ...(bulkId === undefined ? {} : { bulkId }),
      ...(typeof version === 'string' ? { version } : {}),
      ...(method === 'DELETE' ? {} : { data }),
    },
  }
}

/**
 * Reads a BulkRequest (RFC 7644 §3.7). The request as a whole is refused only when it is not a
 * BulkRequest or carries more than {@link BULK_MAX_OPERATIONS} operations (413, §3.7.4); a
 * malformed operation is refused on its own and the others still run.
 */
export function parseBulkRequest(body: unknown): Result<BulkRequest, ScimError> {
  const message = readScimMessage(body, { name: 'BulkRequest', urn: BULK_REQUEST_URN })
  if (!message.ok) return message
  const operations = field(message.value, 'operations')
  if (!Array.isArray(operations) || operations.length === 0) {
    return badRequest(
      'invalidSyntax',
      '"Operations" must be a non-empty array of {method, path, bulkId, data}.',
    )
  }
  if (operations.length > BULK_MAX_OPERATIONS) {
    return err({
      status: 413,
      detail: `The bulk request has ${operations.length} operations; at most ${BULK_MAX_OPERATIONS} are allowed (ServiceProviderConfig bulk.maxOperations). Split it.`,
    })
  }
  const failOnErrors = field(message.value, 'failOnErrors')
  if (failOnErrors !== undefined && (!Number.isInteger(failOnErrors) || (failOnErrors as number) < 1)) {
    return badRequest(
      'invalidValue',
      '"failOnErrors" must be a positive integer (errors tolerated before stopping).',
    )
  }
  const seen = new Set<string>()
  return ok({
    failOnErrors: failOnErrors === undefined ? null : (failOnErrors as number),
    operations: operations.map((raw, i) => parseOperation(raw, i, seen)),
  })
}
