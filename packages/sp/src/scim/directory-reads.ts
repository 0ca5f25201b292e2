import { type DeepReadonly, ok, type Result } from '@sandbox/shared'
import type { DirectoryState } from '../users/user-schema'
import { GROUP_RESOURCE, type ResourceDef, USER_RESOURCE } from './attribute-defs'
import { compileFilter } from './filter-eval'
import { groupToScim } from './group-mapping'
import { type ListParams, pageOf, parseListQuery } from './list-query'
import { parseProjection, project } from './projection'
import type { ScimError } from './scim-error'
import { LIST_RESPONSE_URN } from './scim-urns'
import { type ScimContext, userToScim } from './user-mapping'

/** The directory as reads see it (frozen). */
export type Directory = DeepReadonly<DirectoryState>
type Json = Record<string, unknown>

/** Users or groups: the two resource types. */
export type Kind = 'users' | 'groups'

export const RESOURCE_OF: Record<Kind, ResourceDef> = { users: USER_RESOURCE, groups: GROUP_RESOURCE }

/** The full SCIM representation of one record, or null when there is none with this id. */
export function represent(kind: Kind, id: string, directory: Directory, context: ScimContext): Json | null {
  if (kind === 'users') {
    const user = directory.users.find((u) => u.id === id)
    return user ? userToScim(user, directory.groups, context) : null
  }
  const group = directory.groups.find((g) => g.id === id)
  return group ? groupToScim(group, directory, context) : null
}

function everything(kind: Kind, directory: Directory, context: ScimContext): Json[] {
  const records = kind === 'users' ? directory.users : directory.groups
  return records.map((r) => represent(kind, r.id, directory, context) as Json)
}

function listResponse(total: number, startIndex: number, page: Json[]): Json {
  return {
    schemas: [LIST_RESPONSE_URN],
    totalResults: total,
    itemsPerPage: page.length,
    startIndex,
    Resources: page,
  }
}

/** A query of one resource type (RFC 7644 §3.4.2): `GET /Users` or `POST /Users/.search`. */
export function listKind(
  kind: Kind,
  directory: Directory,
  context: ScimContext,
  params: ListParams,
): Result<Json, ScimError> {
  const def = RESOURCE_OF[kind]
  const query = parseListQuery(def, params)
  if (!query.ok) return query
  const projection = parseProjection(def, params.attributes, params.excludedAttributes)
  if (!projection.ok) return projection
  const filter = params.filter?.trim() ? compileFilter(params.filter, def) : undefined
  if (filter && !filter.ok) return filter
  const all = everything(kind, directory, context)
  const matching = filter ? all.filter((r) => filter.value(r)) : all
  const page = pageOf(matching, query.value)
  return ok(
    listResponse(
      matching.length,
      query.value.startIndex,
      page.map((r) => project(r, projection.value)),
    ),
  )
}
