import type { DocumentStore, Runtime } from '@sandbox/shared'
import type { SpState } from '../state/sp-state'

/** How the caller authenticated, as the SCIM edge found it. */
export type ScimCredential = 'scim-token' | 'wrong-token' | 'no-token' | 'not-bearer' | 'token-in-query'

/** Who called: the credential, where from (the socket, never a forwarded header), and its User-Agent. */
export interface ScimCaller {
  readonly credential: ScimCredential
  readonly source: string
  readonly userAgent: string | null
  /** The connector token's name when a named token was used; null for the organization's token or none. */
  readonly tokenName?: string | null
}

/** One SCIM request as the edge saw it, once answered. */
export interface ScimCall {
  readonly method: string
  /** The path after the SCIM base URL, e.g. `/Users/{id}`. */
  readonly path: string
  readonly caller: ScimCaller
  /** The JSON body the route read (undefined when none was read: refused before, or no body). */
  readonly requestBody: unknown
  readonly status: number
  /** The JSON answer of a failure (a SCIM error). */
  readonly responseBody: unknown
  /** The id a creation answered with (its Location), or null. */
  readonly createdId: string | null
  /** The resource's name before the request ran (a deleted user has none afterwards). */
  readonly targetNameBefore: string | null
  /** The sandbox fault preset that answered the call, if one did. */
  readonly fault?: string | null
}

/** One line of the SCIM activity log: who called, what changed, the result. */
export interface ScimActivityEntry {
  readonly id: string
  readonly time: string
  readonly caller: ScimCaller
  readonly method: string
  readonly path: string
  readonly operation: 'create' | 'replace' | 'update' | 'delete' | 'bulk' | 'read'
  readonly resourceType: 'User' | 'Group' | null
  readonly target: { readonly id: string | null; readonly name: string | null }
  /** What the request set or changed, one line each (`Replace name.familyName = "Simons"`). */
  readonly changes: readonly string[]
  readonly result: 'success' | 'failure'
  readonly status: number
  /** The SCIM error's detail, on failure. */
  readonly error: string | null
  /** The sandbox fault preset that answered the call (`rate-limited`, `server-error`, `slow`), or null. */
  readonly fault: string | null
}

/** How many entries the log keeps (oldest dropped first). */
export const MAX_SCIM_ACTIVITY = 500
const MAX_CHANGES = 20
const MAX_VALUE = 80

/** A value for a change line, cut short; passwords never appear. */
function shown(key: string, value: unknown): string {
  if (/password/i.test(key)) return '(hidden)'
  if (Array.isArray(value)) return `${value.length} value${value.length === 1 ? '' : 's'}`
  // Objects are summarised, never serialised: a hostile body may nest past the stack's depth.
  if (value !== null && typeof value === 'object') {
    const count = Object.keys(value).length
    return `{${count} attribute${count === 1 ? '' : 's'}}`
  }
  const text = JSON.stringify(value) ?? 'null'
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text
}

const objectOf = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

/** The attributes a create or replace sets, one level of sub-attributes flattened (`name.givenName`). */
function attributesSet(body: unknown): string[] {
  return Object.entries(objectOf(body))
    .filter(([key]) => key !== 'schemas' && key !== 'meta')
    .flatMap(([key, value]) => {
      const nested = objectOf(value)
      return Object.keys(nested).length > 0 && !Array.isArray(value)
        ? Object.entries(nested).map(([sub, v]) => `${key}.${sub} = ${shown(sub, v)}`)
        : [`${key} = ${shown(key, value)}`]
    })
}

/** What a PatchOp asks: `Replace name.familyName = "Simons"`, `Add members = 2 values`. */
function patchOperations(body: unknown): string[] {
  const operations = objectOf(body).Operations
  if (!Array.isArray(operations)) return []
  return operations.map((operation) => {
    const { op, path, value } = objectOf(operation)
    const where = typeof path === 'string' ? path.slice(0, MAX_VALUE) : '(no path)'
    return `${String(op).slice(0, 10)} ${where}${value === undefined ? '' : ` = ${shown(where, value)}`}`
  })
}

function bulkOperations(body: unknown): string[] {
  const operations = objectOf(body).Operations
  if (!Array.isArray(operations)) return []
  return operations.map((operation) => {
    const { method, path } = objectOf(operation)
    return `${String(method).slice(0, 10)} ${String(path).slice(0, MAX_VALUE)}`
  })
}

/** The resource a SCIM path names: `/Users/{id}` → User and its id. */
export function scimResourceOf(path: string): { type: 'User' | 'Group' | null; id: string | null } {
  const match = /^\/(Users|Groups)(?:\/([^/]+))?/.exec(path)
  if (!match) return { type: null, id: null }
  return { type: match[1] === 'Users' ? 'User' : 'Group', id: match[2] ?? null }
}

function operationOf(method: string, path: string): ScimActivityEntry['operation'] {
  if (path.startsWith('/Bulk')) return 'bulk'
  if (path.endsWith('/.search')) return 'read'
  switch (method) {
    case 'POST':
      return 'create'
    case 'PUT':
      return 'replace'
    case 'PATCH':
      return 'update'
    case 'DELETE':
      return 'delete'
    default:
      return 'read'
  }
}

function changesOf(operation: ScimActivityEntry['operation'], body: unknown): string[] {
  const lines =
    operation === 'create' || operation === 'replace'
      ? attributesSet(body)
      : operation === 'update'
        ? patchOperations(body)
        : operation === 'bulk'
          ? bulkOperations(body)
          : []
  return lines.length > MAX_CHANGES
    ? [...lines.slice(0, MAX_CHANGES), `… and ${lines.length - MAX_CHANGES} more`]
    : lines
}

/**
 * The SCIM activity log Control Hub shows: every call that changes something, and every call
 * that failed (a wrong token, a bad filter), newest first. A successful read changes nothing and
 * is not kept: Entra's cycles query each user, which would drown the changes. Kept in memory,
 * bounded; a restart or a sandbox reset starts it afresh.
 */
export function createScimActivity(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  const entries: ScimActivityEntry[] = []
  let sequence = 0
  return {
    /** The name of the user (userName) or group (displayName) a SCIM path names, or null. */
    activityTargetName(path: string): string | null {
      const { type, id } = scimResourceOf(path)
      if (!type || !id) return null
      const { directory } = deps.store.read()
      return type === 'User'
        ? (directory.users.find((u) => u.id === id)?.userName ?? null)
        : (directory.groups.find((g) => g.id === id)?.displayName ?? null)
    },

    /** Records one answered SCIM call (successful reads are left out). */
    recordActivity(call: ScimCall): void {
      const operation = operationOf(call.method, call.path)
      const failed = call.status >= 400
      // A faulted call is always kept, even a successful read: the log must show every fault.
      if (operation === 'read' && !failed && !call.fault) return
      const { type, id } = scimResourceOf(call.path)
      const request = objectOf(call.requestBody)
      const response = objectOf(call.responseBody)
      const named = request.userName ?? request.displayName
      sequence += 1
      entries.push({
        id: String(sequence),
        time: new Date(deps.runtime.clock.now()).toISOString(),
        caller: call.caller,
        method: call.method,
        path: call.path.slice(0, 300),
        operation,
        resourceType: type,
        target: {
          id: id ?? call.createdId,
          name: call.targetNameBefore ?? (typeof named === 'string' ? named.slice(0, 256) : null),
        },
        changes: changesOf(operation, call.requestBody),
        result: failed ? 'failure' : 'success',
        status: call.status,
        error: failed ? String(response.detail ?? `HTTP ${call.status}`).slice(0, 500) : null,
        fault: call.fault ?? null,
      })
      if (entries.length > MAX_SCIM_ACTIVITY) entries.splice(0, entries.length - MAX_SCIM_ACTIVITY)
    },

    /** The log, newest first: optionally only successes or failures, at most `limit` entries. */
    activity(filter: { result?: 'success' | 'failure'; limit?: number } = {}): ScimActivityEntry[] {
      const limit = filter.limit ?? MAX_SCIM_ACTIVITY
      const kept = filter.result ? entries.filter((e) => e.result === filter.result) : entries
      return kept.slice(-limit).reverse()
    },

    /** Empties the log (a sandbox reset). */
    clearActivity(): void {
      entries.length = 0
    },
  }
}
