// scim/: the SCIM 2.0 server (RFC 7643/7644): Users, Groups, filters, PATCH, Bulk, discovery, RFC errors.
import {
  type DeepReadonly,
  type DocumentStore,
  ok,
  type Result,
  type Runtime,
  type SharedDraft,
} from '@sandbox/shared'
import type { SpState } from '../state/sp-state'
import { touch } from '../users/user-records'
import { parseBulkRequest } from './bulk-request'
import { type BulkTargetOps, runBulk } from './bulk-run'
import { type Directory, type Kind, listKind, RESOURCE_OF, represent, searchAcross } from './directory-reads'
import { writeResource } from './directory-writes'
import { groupMembers, type MembersQuery } from './group-members'
import type { ListParams } from './list-query'
import { applyPatch } from './patch-apply'
import { parsePatchRequest } from './patch-request'
import { type Projection, parseProjection, project } from './projection'
import { normalizeResource } from './resource-input'
import { type ScimError, scimError } from './scim-error'
import { parseSearchRequest } from './search-request'
import { etagOf, type ScimContext } from './user-mapping'

/** The two URL flavours: Webex's SCIM 2 API and the legacy path of Entra's gallery connector. */
export type ScimFlavour = 'v2' | 'legacy'

export interface ScimRequestContext extends ScimContext {
  readonly flavour: ScimFlavour
}

export type { ListParams } from './list-query'

/** `attributes` / `excludedAttributes` of a single-resource request. */
export interface ProjectionParams {
  readonly attributes?: string
  readonly excludedAttributes?: string
}

/** A single resource answer: its body and ETag. */
export interface ScimResource {
  readonly body: Record<string, unknown>
  readonly etag: string
  readonly location: string
}

type Json = Record<string, unknown>

function notFound(kind: Kind, id: string): Result<never, ScimError> {
  const def = RESOURCE_OF[kind]
  return scimError(
    404,
    `${def.name} ${id.slice(0, 64)} not found (it may have been deleted); list ${def.endpoint} to find it.`,
  )
}

/** If-Match (RFC 7644 §3.14): a stale version is a 412, nothing changed. */
function checkIfMatch(ifMatch: string | undefined, record: { version: number }): Result<void, ScimError> {
  if (ifMatch === undefined || ifMatch.trim() === '*') return ok(undefined)
  const tags = ifMatch.split(',').map((t) => t.trim())
  if (tags.includes(etagOf(record)) || tags.includes(`"${record.version}"`)) return ok(undefined)
  return scimError(
    412,
    `The resource has changed (its version is ${etagOf(record)}); GET it again and retry.`,
  )
}

/**
 * The SCIM 2.0 server's operations on the org's users and groups (RFC 7644 §3). Every write
 * is validated whole against the draft and committed in one store update, so a failed
 * request (a bad PATCH operation among many included) leaves nothing changed.
 */
export function createScimService(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  const { store, runtime } = deps
  const directory = (): Directory => store.read().directory

  function answer(kind: Kind, id: string, context: ScimContext, projection: Projection): ScimResource {
    const body = represent(kind, id, directory(), context) as Json
    const meta = body.meta as { version: string; location: string }
    return { body: project(body, projection), etag: meta.version, location: meta.location }
  }

  function get(kind: Kind, context: ScimRequestContext, id: string, params: ProjectionParams) {
    const projection = parseProjection(RESOURCE_OF[kind], params.attributes, params.excludedAttributes)
    if (!projection.ok) return projection
    if (!represent(kind, id, directory(), context)) return notFound(kind, id)
    return ok(answer(kind, id, context, projection.value))
  }

  /** The stored record a write targets: 404 when it is gone, 412 when If-Match names an older version. */
  function recordToChange(kind: Kind, draft: DeepReadonly<SpState>, id: string, ifMatch: string | undefined) {
    const record = (kind === 'users' ? draft.directory.users : draft.directory.groups).find(
      (r) => r.id === id,
    )
    if (!record) return notFound(kind, id)
    const fresh = checkIfMatch(ifMatch, record)
    return fresh.ok ? ok(record) : fresh
  }

  /** Validates, commits in one update and answers: the shared path of POST, PUT and PATCH. */
  async function commit(
    kind: Kind,
    context: ScimRequestContext,
    params: ProjectionParams,
    change: (draft: SharedDraft<SpState>) => Result<string, ScimError>,
  ): Promise<Result<ScimResource, ScimError>> {
    const projection = parseProjection(RESOURCE_OF[kind], params.attributes, params.excludedAttributes)
    if (!projection.ok) return projection
    const written = await store.updateShared(change)
    if (!written.ok) return written
    return ok(answer(kind, written.value, context, projection.value))
  }

  function create(kind: Kind, context: ScimRequestContext, body: unknown, params: ProjectionParams) {
    const resource = normalizeResource(RESOURCE_OF[kind], body)
    if (!resource.ok) return Promise.resolve(resource)
    return commit(kind, context, params, (draft) =>
      writeResource(kind, draft, runtime, resource.value, null, 'create'),
    )
  }

  function replace(
    kind: Kind,
    context: ScimRequestContext,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    params: ProjectionParams,
  ) {
    const resource = normalizeResource(RESOURCE_OF[kind], body)
    if (!resource.ok) return Promise.resolve(resource)
    return commit(kind, context, params, (draft) => {
      const found = recordToChange(kind, draft, id, ifMatch)
      if (!found.ok) return found
      return writeResource(kind, draft, runtime, resource.value, id, 'replace')
    })
  }

  function patch(
    kind: Kind,
    context: ScimRequestContext,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    params: ProjectionParams,
  ) {
    const operations = parsePatchRequest(body)
    if (!operations.ok) return Promise.resolve(operations)
    const def = RESOURCE_OF[kind]
    return commit(kind, context, params, (draft) => {
      const found = recordToChange(kind, draft, id, ifMatch)
      if (!found.ok) return found
      // Patch a private copy of the representation, then validate it whole like a PUT; what the
      // operations removed is missing from it, so the write leaves it unassigned.
      const current = represent(kind, id, draft.directory as Directory, context) as Json
      delete current.meta
      delete current.groups
      const patched = applyPatch(def, structuredClone(current), operations.value)
      if (!patched.ok) return patched
      const resource = normalizeResource(def, patched.value)
      if (!resource.ok) return resource
      return writeResource(kind, draft, runtime, resource.value, id, 'patch')
    })
  }

  function remove(kind: Kind, id: string, ifMatch: string | undefined): Promise<Result<void, ScimError>> {
    return store.update((draft) => {
      const found = recordToChange(kind, draft, id, ifMatch)
      if (!found.ok) return found
      const list = kind === 'users' ? draft.directory.users : draft.directory.groups
      list.splice(list.indexOf(found.value as never), 1)
      const at = new Date(runtime.clock.now()).toISOString()
      for (const group of draft.directory.groups) {
        const before = group.members.length
        group.members = group.members.filter((m) => m.value !== id)
        if (group.members.length !== before) touch(group, at)
      }
      return ok(undefined)
    })
  }

  function operations(kind: Kind) {
    return {
      list: (context: ScimRequestContext, params: ListParams) => listKind(kind, directory(), context, params),
      /** `POST /Users/.search` (RFC 7644 §3.4.3): the query in a SearchRequest body. */
      search(context: ScimRequestContext, body: unknown): Result<Json, ScimError> {
        const params = parseSearchRequest(body)
        return params.ok ? listKind(kind, directory(), context, params.value) : params
      },
      get: (context: ScimRequestContext, id: string, params: ProjectionParams = {}) =>
        get(kind, context, id, params),
      create: (context: ScimRequestContext, body: unknown, params: ProjectionParams = {}) =>
        create(kind, context, body, params),
      replace: (
        context: ScimRequestContext,
        id: string,
        body: unknown,
        ifMatch?: string,
        params: ProjectionParams = {},
      ) => replace(kind, context, id, body, ifMatch, params),
      patch: (
        context: ScimRequestContext,
        id: string,
        body: unknown,
        ifMatch?: string,
        params: ProjectionParams = {},
      ) => patch(kind, context, id, body, ifMatch, params),
      remove: (id: string, ifMatch?: string) => remove(kind, id, ifMatch),
    }
  }

  function bulkTarget(kind: Kind, context: ScimRequestContext): BulkTargetOps {
    return {
      create: (body) => create(kind, context, body, {}),
      replace: (id, body, ifMatch) => replace(kind, context, id, body, ifMatch, {}),
      patch: (id, body, ifMatch) => patch(kind, context, id, body, ifMatch, {}),
      remove: (id, ifMatch) => remove(kind, id, ifMatch),
    }
  }

  return {
    users: operations('users'),
    groups: operations('groups'),
    /** A query at the server root across Users and Groups: `GET /` or `POST /.search`. */
    searchAll(context: ScimRequestContext, params: ListParams): Result<Json, ScimError> {
      return searchAcross(directory(), context, params)
    },
    searchAllRequest(context: ScimRequestContext, body: unknown): Result<Json, ScimError> {
      const params = parseSearchRequest(body)
      return params.ok ? searchAcross(directory(), context, params.value) : params
    },
    /** Webex's `GET /Groups/{id}/Members`. */
    groupMembers: (id: string, query: MembersQuery) => groupMembers(directory(), id, query),
    /** `POST /Bulk` (RFC 7644 §3.7). */
    async bulk(context: ScimRequestContext, body: unknown): Promise<Result<Json, ScimError>> {
      const request = parseBulkRequest(body)
      if (!request.ok) return request
      const targets = { users: bulkTarget('users', context), groups: bulkTarget('groups', context) }
      return ok(await runBulk(targets, request.value, context.baseUrl))
    },
  }
}
