import { type DeepReadonly, type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import type { SpState } from '../state/sp-state'
import { newUserRecord, touch } from '../users/user-records'
import { emailOwner } from '../users/user-rules'
import type { DirectoryState, WebexGroup, WebexUser } from '../users/user-schema'
import { GROUP_RESOURCE, type ResourceDef, USER_RESOURCE } from './attribute-defs'
import { compileFilter } from './filter-eval'
import { groupFromScim, groupToScim } from './group-mapping'
import { pageOf, parseListQuery } from './list-query'
import { applyPatch } from './patch-apply'
import { parsePatchRequest } from './patch-request'
import { type Projection, parseProjection, project } from './projection'
import { normalizeResource } from './resource-input'
import { type ScimError, scimError } from './scim-error'
import { LIST_RESPONSE_URN } from './scim-urns'
import { etagOf, type ScimContext, userFromScim, userToScim } from './user-mapping'

/** The two URL flavours: Webex's SCIM 2 API and the legacy path of Entra's gallery connector. */
export type ScimFlavour = 'v2' | 'legacy'

export interface ScimRequestContext extends ScimContext {
  readonly flavour: ScimFlavour
}

/** Query parameters of a list request (RFC 7644 §3.4.2). */
export interface ListParams {
  readonly filter?: string
  readonly startIndex?: string
  readonly count?: string
  readonly sortBy?: string
  readonly sortOrder?: string
  readonly attributes?: string
  readonly excludedAttributes?: string
}

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

type Directory = DeepReadonly<DirectoryState>
type Kind = 'users' | 'groups'

function notFound(resource: ResourceDef, id: string): Result<never, ScimError> {
  return scimError(
    404,
    `${resource.name} ${id.slice(0, 64)} not found (it may have been deleted); list ${resource.endpoint} to find it.`,
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

function userConflict(
  users: readonly WebexUser[],
  fields: { userName: string; emails: WebexUser['emails'] },
  selfId?: string,
) {
  for (const email of [fields.userName, ...fields.emails.map((e) => e.value)]) {
    const owner = emailOwner(users, email, selfId)
    if (owner) {
      return scimError(
        409,
        `userName or email ${email} is already used by user ${owner.id}; userName is the primary email and unique in Webex. Update that user instead (Entra matches on userName).`,
        'uniqueness',
      )
    }
  }
  return ok(undefined)
}

function groupConflict(groups: readonly WebexGroup[], displayName: string, selfId?: string) {
  const clash = groups.find(
    (g) => g.id !== selfId && g.displayName.toLowerCase() === displayName.toLowerCase(),
  )
  return clash
    ? scimError(
        409,
        `A group named "${displayName}" already exists (id ${clash.id}); group names are unique.`,
        'uniqueness',
      )
    : ok(undefined)
}

/**
 * The SCIM 2.0 server's operations on the org's users and groups (RFC 7644 §3). Every write
 * is validated whole against the draft and committed in one store update, so a failed
 * request (a bad PATCH operation among many included) leaves nothing changed.
 */
export function createScimService(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  const { store, runtime } = deps
  const now = (): string => new Date(runtime.clock.now()).toISOString()

  const defs: Record<Kind, ResourceDef> = { users: USER_RESOURCE, groups: GROUP_RESOURCE }

  function represent(
    kind: Kind,
    id: string,
    directory: Directory,
    context: ScimContext,
  ): Record<string, unknown> | null {
    if (kind === 'users') {
      const user = directory.users.find((u) => u.id === id)
      return user ? userToScim(user, directory.groups, context) : null
    }
    const group = directory.groups.find((g) => g.id === id)
    return group ? groupToScim(group, directory, context) : null
  }

  function answer(
    kind: Kind,
    id: string,
    directory: Directory,
    context: ScimContext,
    projection: Projection,
  ): ScimResource {
    const body = represent(kind, id, directory, context) as Record<string, unknown>
    const meta = body.meta as { version: string; location: string }
    return { body: project(body, projection), etag: meta.version, location: meta.location }
  }

  function list(
    kind: Kind,
    context: ScimRequestContext,
    params: ListParams,
  ): Result<Record<string, unknown>, ScimError> {
    const def = defs[kind]
    const query = parseListQuery(def, params)
    if (!query.ok) return query
    const projection = parseProjection(def, params.attributes, params.excludedAttributes)
    if (!projection.ok) return projection
    const filter = params.filter?.trim() ? compileFilter(params.filter, def) : undefined
    if (filter && !filter.ok) return filter
    const directory = store.read().directory
    const ids = (kind === 'users' ? directory.users : directory.groups).map((r) => r.id)
    const all = ids.map((id) => represent(kind, id, directory, context) as Record<string, unknown>)
    const matching = filter ? all.filter((r) => filter.value(r)) : all
    const page = pageOf(matching, query.value)
    return ok({
      schemas: [LIST_RESPONSE_URN],
      totalResults: matching.length,
      itemsPerPage: page.length,
      startIndex: query.value.startIndex,
      Resources: page.map((r) => project(r, projection.value)),
    })
  }

  function get(
    kind: Kind,
    context: ScimRequestContext,
    id: string,
    params: ProjectionParams,
  ): Result<ScimResource, ScimError> {
    const projection = parseProjection(defs[kind], params.attributes, params.excludedAttributes)
    if (!projection.ok) return projection
    const directory = store.read().directory
    if (!represent(kind, id, directory, context)) return notFound(defs[kind], id)
    return ok(answer(kind, id, directory, context, projection.value))
  }

  /** Validates a full representation into the draft: create (no id) or replace (id). */
  function write(
    kind: Kind,
    draft: SpState,
    context: ScimRequestContext,
    resource: Record<string, unknown>,
    existingId: string | null,
  ): Result<string, ScimError> {
    const dir = draft.directory
    const at = now()
    if (kind === 'users') {
      const existing = existingId === null ? undefined : dir.users.find((u) => u.id === existingId)
      const fields = userFromScim(resource, {
        requireUserType: existing === undefined && context.flavour === 'v2',
        ...(existing ? { previousUserType: existing.userType, previousUserName: existing.userName } : {}),
      })
      if (!fields.ok) return fields
      const conflict = userConflict(dir.users, fields.value, existing?.id)
      if (!conflict.ok) return conflict
      if (!existing) {
        const user = newUserRecord(runtime.ids.guid(), fields.value, 'scim', at)
        dir.users.push(user)
        return ok(user.id)
      }
      Object.assign(existing, structuredClone(fields.value))
      touch(existing, at)
      for (const group of dir.groups) {
        for (const m of group.members) if (m.value === existing.id) m.display = existing.displayName
      }
      return ok(existing.id)
    }
    const existing = existingId === null ? undefined : dir.groups.find((g) => g.id === existingId)
    const fields = groupFromScim(resource, dir, existingId)
    if (!fields.ok) return fields
    const conflict = groupConflict(dir.groups, fields.value.displayName, existing?.id)
    if (!conflict.ok) return conflict
    if (!existing) {
      const group: WebexGroup = {
        id: runtime.ids.guid(),
        ...fields.value,
        created: at,
        lastModified: at,
        version: 1,
      }
      dir.groups.push(group)
      return ok(group.id)
    }
    Object.assign(existing, structuredClone(fields.value))
    touch(existing, at)
    return ok(existing.id)
  }

  async function create(kind: Kind, context: ScimRequestContext, body: unknown, params: ProjectionParams) {
    const def = defs[kind]
    const projection = parseProjection(def, params.attributes, params.excludedAttributes)
    if (!projection.ok) return projection
    const resource = normalizeResource(def, body)
    if (!resource.ok) return resource
    const written = await store.update((draft) => write(kind, draft, context, resource.value, null))
    if (!written.ok) return written
    return ok(answer(kind, written.value, store.read().directory, context, projection.value))
  }

  /** The stored record a write targets: 404 when it is gone, 412 when If-Match names an older version. */
  function recordToChange(kind: Kind, draft: SpState, id: string, ifMatch: string | undefined) {
    const record = (kind === 'users' ? draft.directory.users : draft.directory.groups).find(
      (r) => r.id === id,
    )
    if (!record) return notFound(defs[kind], id)
    const fresh = checkIfMatch(ifMatch, record)
    return fresh.ok ? ok(record) : fresh
  }

  async function replace(
    kind: Kind,
    context: ScimRequestContext,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    params: ProjectionParams,
  ) {
    const def = defs[kind]
    const projection = parseProjection(def, params.attributes, params.excludedAttributes)
    if (!projection.ok) return projection
    const resource = normalizeResource(def, body)
    if (!resource.ok) return resource
    const written = await store.update((draft) => {
      const found = recordToChange(kind, draft, id, ifMatch)
      if (!found.ok) return found
      return write(kind, draft, context, resource.value, id)
    })
    if (!written.ok) return written
    return ok(answer(kind, id, store.read().directory, context, projection.value))
  }

  async function patch(
    kind: Kind,
    context: ScimRequestContext,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    params: ProjectionParams,
  ) {
    const def = defs[kind]
    const projection = parseProjection(def, params.attributes, params.excludedAttributes)
    if (!projection.ok) return projection
    const operations = parsePatchRequest(body)
    if (!operations.ok) return operations
    const written = await store.update((draft) => {
      const found = recordToChange(kind, draft, id, ifMatch)
      if (!found.ok) return found
      // Patch a private copy of the representation, then validate it whole like a PUT.
      const current = represent(kind, id, draft.directory as Directory, context) as Record<string, unknown>
      delete current.meta
      delete current.groups
      const patched = applyPatch(def, structuredClone(current), operations.value)
      if (!patched.ok) return patched
      const resource = normalizeResource(def, patched.value)
      if (!resource.ok) return resource
      return write(kind, draft, context, resource.value, id)
    })
    if (!written.ok) return written
    return ok(answer(kind, id, store.read().directory, context, projection.value))
  }

  function remove(kind: Kind, id: string, ifMatch: string | undefined): Promise<Result<void, ScimError>> {
    return store.update((draft) => {
      const found = recordToChange(kind, draft, id, ifMatch)
      if (!found.ok) return found
      const list = kind === 'users' ? draft.directory.users : draft.directory.groups
      list.splice(list.indexOf(found.value as never), 1)
      const at = now()
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
      list: (context: ScimRequestContext, params: ListParams) => list(kind, context, params),
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

  return { users: operations('users'), groups: operations('groups') }
}

/** The SCIM service. */
export type ScimService = ReturnType<typeof createScimService>
