import { type DeepReadonly, ok, type Result } from '@sandbox/shared'
import { userById, usersHolding } from '../users/user-index'
import type { DirectoryState } from '../users/user-schema'
import { GROUP_RESOURCE, type ResourceDef, USER_RESOURCE } from './attribute-defs'
import { type AttributeRef, resolveAttributePath } from './attribute-path'
import { compileFilter, type Predicate } from './filter-eval'
import { groupToScim } from './group-mapping'
import { type ListParams, pageOf, parseListQuery, sortKeyOf } from './list-query'
import { type Projection, parseProjection, project } from './projection'
import { badRequest, type ScimError } from './scim-error'
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
    const user = userById(directory.users, id)
    return user ? userToScim(user, directory.groups, context) : null
  }
  const group = directory.groups.find((g) => g.id === id)
  return group ? groupToScim(group, directory, context) : null
}

function everything(kind: Kind, directory: Directory, context: ScimContext, filter?: string): Json[] {
  const narrowed = candidatesOf(kind, directory, filter)
  // Each record is represented directly: looking it up again by id would make a list quadratic.
  return kind === 'users'
    ? (narrowed ?? directory.users).map((u) =>
        userToScim(u as Directory['users'][number], directory.groups, context),
      )
    : (narrowed ?? directory.groups).map((g) =>
        groupToScim(g as Directory['groups'][number], directory, context),
      )
}

/** `attribute eq "value"` on a stored field: what a provisioning client's matching query is. */
const SIMPLE_EQUALITY = /^\s*(userName|id|externalId|displayName)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i

/**
 * The records a filter can match at most, when the filter is a plain equality on a stored
 * field (userName of users, displayName of groups, id, externalId); null for any other filter.
 * The full filter still runs on these, so narrowing never changes an answer, only its cost:
 * matching one user among thousands represents that one, not all of them.
 */
function candidatesOf(kind: Kind, directory: Directory, filter: string | undefined) {
  const match = filter ? SIMPLE_EQUALITY.exec(filter) : null
  if (!match) return null
  const attribute = (match[1] ?? '').toLowerCase()
  const value = match[2] ?? ''
  // Escapes are the filter parser's to read; such a value is rare enough to scan for.
  if (value.includes('\\')) return null
  if (kind === 'users' && attribute === 'displayname') return null
  if (kind === 'groups' && attribute === 'username') return null
  const records: readonly {
    id: string
    externalId: string | null
    userName?: string
    displayName?: string
  }[] = kind === 'users' ? directory.users : directory.groups
  if (attribute === 'id') return records.filter((r) => r.id === value)
  if (attribute === 'externalid') return records.filter((r) => r.externalId === value)
  const folded = value.toLowerCase()
  if (attribute === 'username') {
    // A provisioning client's matching query, once per user it syncs: an index lookup (the
    // holders of the address), not a scan of every user.
    const holders = usersHolding(directory.users, value) ?? directory.users
    return holders.filter((u) => u.userName.toLowerCase() === folded)
  }
  return records.filter((r) => r.displayName?.toLowerCase() === folded)
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
  const all = everything(kind, directory, context, params.filter)
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

const KINDS: readonly Kind[] = ['users', 'groups']

/** Names from a comma-separated list that some resource type knows; a name none knows is the error. */
function namesPerKind(list: string, label: string): Result<Record<Kind, string[]>, ScimError> {
  const out: Record<Kind, string[]> = { users: [], groups: [] }
  for (const name of list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)) {
    const known = KINDS.filter((k) => resolveAttributePath(RESOURCE_OF[k], name).ok)
    if (known.length === 0) {
      return badRequest(
        'invalidValue',
        `${label}: "${name.slice(0, 100)}" is an attribute of neither Users nor Groups.`,
      )
    }
    for (const k of known) out[k].push(name)
  }
  return ok(out)
}

function projectionsPerKind(params: ListParams): Result<Record<Kind, Projection>, ScimError> {
  const all: Projection = { kind: 'all' }
  if (params.attributes && params.excludedAttributes) {
    return badRequest('invalidValue', 'Use either attributes or excludedAttributes, not both.')
  }
  const list = params.attributes || params.excludedAttributes
  if (!list) return ok({ users: all, groups: all })
  const label = params.attributes ? 'attributes' : 'excludedAttributes'
  const names = namesPerKind(list, label)
  if (!names.ok) return names
  const out: Record<Kind, Projection> = { users: all, groups: all }
  for (const kind of KINDS) {
    const mine = names.value[kind]
    if (mine.length === 0) {
      out[kind] = params.attributes ? { kind: 'only', refs: [] } : all
      continue
    }
    const parsed = parseProjection(
      RESOURCE_OF[kind],
      params.attributes ? mine.join(',') : undefined,
      params.excludedAttributes ? mine.join(',') : undefined,
    )
    if (!parsed.ok) return parsed
    out[kind] = parsed.value
  }
  return ok(out)
}

/**
 * A query at the server root (RFC 7644 §3.4.2, §3.4.3): Users and Groups together. A filter or
 * sortBy attribute that one resource type lacks simply matches none of its resources; one that
 * neither has is a 400, as for a single type.
 */
export function searchAcross(
  directory: Directory,
  context: ScimContext,
  params: ListParams,
): Result<Json, ScimError> {
  const { sortBy, ...rest } = params
  const query = parseListQuery(USER_RESOURCE, rest)
  if (!query.ok) return query
  const projections = projectionsPerKind(params)
  if (!projections.ok) return projections
  const filters: Partial<Record<Kind, Predicate>> = {}
  const problems: string[] = []
  for (const kind of KINDS) {
    if (!params.filter?.trim()) continue
    const compiled = compileFilter(params.filter, RESOURCE_OF[kind])
    if (compiled.ok) filters[kind] = compiled.value
    else problems.push(`${RESOURCE_OF[kind].name}: ${compiled.error.detail}`)
  }
  if (problems.length === KINDS.length) return badRequest('invalidFilter', problems.join(' '))
  const sortRefs: Partial<Record<Kind, AttributeRef>> = {}
  if (sortBy) {
    for (const kind of KINDS) {
      const ref = resolveAttributePath(RESOURCE_OF[kind], sortBy)
      if (ref.ok) sortRefs[kind] = ref.value
    }
    if (!sortRefs.users && !sortRefs.groups) {
      return badRequest(
        'invalidValue',
        `sortBy: "${sortBy.slice(0, 100)}" is an attribute of neither Users nor Groups.`,
      )
    }
  }
  const matching: { kind: Kind; json: Json; key: string }[] = []
  for (const kind of KINDS) {
    const filter = filters[kind]
    if (params.filter?.trim() && !filter) continue
    const ref = sortRefs[kind]
    for (const json of everything(kind, directory, context)) {
      if (filter && !filter(json)) continue
      matching.push({ kind, json, key: ref ? sortKeyOf(json, ref) : '' })
    }
  }
  if (sortBy) {
    matching.sort((a, b) => a.key.localeCompare(b.key))
    if (query.value.descending) matching.reverse()
  }
  const page = pageOf(matching, { ...query.value, descending: false })
  return ok(
    listResponse(
      matching.length,
      query.value.startIndex,
      page.map((m) => project(m.json, projections.value[m.kind])),
    ),
  )
}
