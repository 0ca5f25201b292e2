import { err, ok, type Result } from '@sandbox/shared'
import type { z } from 'zod'
import type { AdminError } from '../../errors/admin-error'
import { type GraphBodySchema, readGraphBody, readReference } from '../../graph/graph-bodies'
import type { IdpContext } from '../env'
import { readJson } from '../json-body'
import { adminErrorResponse, graphError } from './graph-errors'

/**
 * Reads the JSON body as a Graph `resource` (property names matched case-insensitively); an
 * unreadable or invalid one is answered with Graph's error, naming the property at fault.
 */
export async function readGraphRequest<S extends GraphBodySchema>(
  c: IdpContext,
  schema: S,
  resource: string,
): Promise<Result<z.infer<S>, Response>> {
  const json = await readJson(c)
  if (!json.ok) return json
  const body = readGraphBody(json.value, schema, resource)
  return body.ok ? ok(body.value) : err(graphError(c, 'Request_BadRequest', body.error))
}

/** Reads a `$ref` body (`{"@odata.id": "…/{id}"}`) and returns the id it names. */
export async function readGraphReference(c: IdpContext): Promise<Result<string, Response>> {
  const json = await readJson(c)
  if (!json.ok) return json
  const id = readReference(json.value)
  return id.ok ? id : err(graphError(c, 'Request_BadRequest', id.error))
}

/** `204 No Content` when the change was made, else the admin error. */
export function noContent(c: IdpContext, result: Result<unknown, AdminError>): Response {
  return result.ok ? c.body(null, 204) : adminErrorResponse(c, result.error)
}

/**
 * The app id in Graph's alternate key, `(appId='{appId}')` after the collection name, or null
 * for a plain object id. Route parameters arrive decoded: decoding again would misread (or throw
 * on) a literal '%'.
 */
export function appIdOf(keySuffix: string): string | null {
  return /^\(appId='([^']+)'\)$/.exec(keySuffix)?.[1] ?? null
}

/** A listing's items, or none when its owner is gone (an `$expand` of an object that exists). */
export function listedOrEmpty<T>(listed: Result<readonly T[], AdminError>): readonly T[] {
  return listed.ok ? listed.value : []
}
