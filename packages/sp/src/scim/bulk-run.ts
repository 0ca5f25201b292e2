import type { Result } from '@sandbox/shared'
import { isObject } from './attribute-path'
import type { BulkOperation, BulkRequest } from './bulk-request'
import type { Kind } from './directory-reads'
import { type ScimError, scimErrorBody } from './scim-error'
import { BULK_RESPONSE_URN } from './scim-urns'

interface Written {
  readonly body: Record<string, unknown>
  readonly etag: string
  readonly location: string
}

/** What bulk needs of a resource type's operations: the ones a single request would call. */
export interface BulkTargetOps {
  create(body: unknown): Promise<Result<Written, ScimError>>
  replace(id: string, body: unknown, ifMatch?: string): Promise<Result<Written, ScimError>>
  patch(id: string, body: unknown, ifMatch?: string): Promise<Result<Written, ScimError>>
  remove(id: string, ifMatch?: string): Promise<Result<void, ScimError>>
}

type Json = Record<string, unknown>
const BULK_ID = /^bulkId:(.+)$/

/** Every `bulkId:<id>` an operation refers to, in its path or anywhere in its data. */
function referencesOf(operation: BulkOperation): Set<string> {
  const found = new Set<string>()
  const pathRef = operation.path.id ? BULK_ID.exec(operation.path.id) : null
  if (pathRef) found.add(pathRef[1] as string)
  const stack: unknown[] = [operation.data]
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value === 'string') {
      const ref = BULK_ID.exec(value)
      if (ref) found.add(ref[1] as string)
    } else if (Array.isArray(value)) stack.push(...value)
    else if (isObject(value)) stack.push(...Object.values(value))
  }
  return found
}

/** A copy of `value` with every `bulkId:<id>` string replaced by the id that POST created. */
function substitute(value: unknown, created: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    const ref = BULK_ID.exec(value)
    return ref ? (created.get(ref[1] as string) ?? value) : value
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, created))
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, created)]))
  }
  return value
}

function failure(method: string | undefined, bulkId: string | undefined, error: ScimError): Json {
  return {
    ...(method ? { method } : {}),
    ...(bulkId ? { bulkId } : {}),
    status: String(error.status),
    response: scimErrorBody(error),
  }
}

async function runOne(
  ops: Record<Kind, BulkTargetOps>,
  operation: BulkOperation,
  created: ReadonlyMap<string, string>,
  baseUrl: string,
): Promise<{ result: Json; id?: string }> {
  const target = ops[operation.path.kind]
  const id = operation.path.id === undefined ? undefined : (substitute(operation.path.id, created) as string)
  const data = substitute(operation.data, created)
  const head = { method: operation.method, ...(operation.bulkId ? { bulkId: operation.bulkId } : {}) }
  if (operation.method === 'DELETE') {
    const removed = await target.remove(id as string, operation.version)
    if (!removed.ok) return { result: failure(operation.method, operation.bulkId, removed.error) }
    const endpoint = operation.path.kind === 'users' ? 'Users' : 'Groups'
    return { result: { ...head, location: `${baseUrl}/${endpoint}/${id}`, status: '204' } }
  }
  const result =
    operation.method === 'POST'
      ? await target.create(data)
      : operation.method === 'PUT'
        ? await target.replace(id as string, data, operation.version)
        : await target.patch(id as string, data, operation.version)
  if (!result.ok) return { result: failure(operation.method, operation.bulkId, result.error) }
  return {
    id: String(result.value.body.id),
    result: {
      ...head,
      location: result.value.location,
      version: result.value.etag,
      status: operation.method === 'POST' ? '201' : '200',
    },
  }
}

/** Why an operation's references cannot be met, or null when they can (now or after a later POST). */
function brokenReference(
  refs: readonly string[],
  defined: ReadonlySet<string>,
  failed: ReadonlySet<string>,
): ScimError | null {
  const missing = refs.find((r) => !defined.has(r))
  if (missing !== undefined) {
    return {
      status: 400,
      scimType: 'invalidValue',
      detail: `bulkId:${missing} is not the bulkId of any POST in this request.`,
    }
  }
  const lost = refs.find((r) => failed.has(r))
  return lost === undefined
    ? null
    : { status: 409, detail: `bulkId:${lost} was not created: its POST failed.` }
}

const CYCLE: ScimError = {
  status: 409,
  detail:
    'Its bulkId references form a cycle (each operation waits for another); create the resources first, then link them with PATCH.',
}

/**
 * Runs a BulkRequest (RFC 7644 §3.7): each operation on its own, as the single request would
 * run (one failing leaves the others' effects in place), until `failOnErrors` operations have
 * failed. An operation whose `bulkId:` references name a POST further on waits for it; a
 * reference to no POST (400), to a failed POST (409) or in a cycle (409) fails that operation
 * alone. Results come back in request order.
 */
export async function runBulk(
  ops: Record<Kind, BulkTargetOps>,
  request: BulkRequest,
  baseUrl: string,
): Promise<Json> {
  const definedBy = (operation: BulkOperation) => (operation.method === 'POST' ? operation.bulkId : undefined)
  const results = new Map<number, Json>()
  const created = new Map<string, string>()
  const failed = new Set<string>()
  const defined = new Set(
    request.operations.flatMap((p) => {
      const bulkId = p.ok ? definedBy(p.operation) : p.method === 'POST' ? p.bulkId : undefined
      return bulkId ? [bulkId] : []
    }),
  )
  let errors = 0
  const limitReached = () => request.failOnErrors !== null && errors >= request.failOnErrors
  /** Records a result; `created` is the bulkId a POST defines (other methods echo theirs, defining nothing). */
  const record = (index: number, result: Json, created: string | undefined) => {
    results.set(index, result)
    if (String(result.status).startsWith('2')) return
    errors += 1
    if (created) failed.add(created)
  }
  let pending = request.operations.map((_, i) => i)
  while (pending.length > 0 && !limitReached()) {
    const waiting: number[] = []
    for (const index of pending) {
      if (limitReached()) break
      const parsed = request.operations[index] as BulkRequest['operations'][number]
      if (!parsed.ok) {
        record(
          index,
          failure(parsed.method, parsed.bulkId, parsed.error),
          parsed.method === 'POST' ? parsed.bulkId : undefined,
        )
        continue
      }
      const { operation } = parsed
      const refs = [...referencesOf(operation)]
      const broken = brokenReference(refs, defined, failed)
      if (broken) {
        record(index, failure(operation.method, operation.bulkId, broken), definedBy(operation))
      } else if (refs.some((r) => !created.has(r))) {
        waiting.push(index)
      } else {
        const outcome = await runOne(ops, operation, created, baseUrl)
        const defines = definedBy(operation)
        if (outcome.id !== undefined && defines) created.set(defines, outcome.id)
        record(index, outcome.result, defines)
      }
    }
    if (waiting.length === pending.length) {
      for (const index of waiting) {
        if (limitReached()) break
        const parsed = request.operations[index]
        if (parsed?.ok) {
          const { operation } = parsed
          record(index, failure(operation.method, operation.bulkId, CYCLE), definedBy(operation))
        }
      }
      break
    }
    pending = waiting
  }
  return {
    schemas: [BULK_RESPONSE_URN],
    Operations: [...results.entries()].sort(([a], [b]) => a - b).map(([, r]) => r),
  }
}
