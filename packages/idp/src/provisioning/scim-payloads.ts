import type { TargetValue } from './attribute-flow'

/** SCIM URNs the provisioning service writes. */
export const SCIM = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
} as const

type Json = Record<string, unknown>

/** A target attribute path taken apart: `userName`, `name.givenName`, `emails[type eq "work"].value`, `urn:…:department`. */
type ParsedPath =
  | { readonly form: 'plain'; readonly parts: readonly string[] }
  | { readonly form: 'typed'; readonly attribute: string; readonly type: string; readonly sub: string }
  | { readonly form: 'extension'; readonly urn: string; readonly attribute: string }

function parsePath(path: string): ParsedPath {
  if (path.startsWith('urn:')) {
    const cut = path.lastIndexOf(':')
    return { form: 'extension', urn: path.slice(0, cut), attribute: path.slice(cut + 1) }
  }
  const typed = /^(\w+)\[type eq "([^"]+)"\]\.(\w+)$/.exec(path)
  if (typed) return { form: 'typed', attribute: typed[1] ?? '', type: typed[2] ?? '', sub: typed[3] ?? '' }
  return { form: 'plain', parts: path.split('.') }
}

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** Puts `value` at `path` in a SCIM resource body being built. */
function setPath(body: Json, path: string, value: TargetValue): void {
  const parsed = parsePath(path)
  if (parsed.form === 'extension') {
    const ext = isObject(body[parsed.urn]) ? (body[parsed.urn] as Json) : {}
    ext[parsed.attribute] = value
    body[parsed.urn] = ext
    return
  }
  if (parsed.form === 'typed') {
    const list = Array.isArray(body[parsed.attribute]) ? (body[parsed.attribute] as Json[]) : []
    const entry = list.find((e) => e.type === parsed.type) ?? { type: parsed.type }
    if (!list.includes(entry)) list.push(entry)
    entry[parsed.sub] = value
    // Entra marks the work email (and phone) primary.
    if (parsed.type === 'work') entry.primary = true
    body[parsed.attribute] = list
    return
  }
  let at = body
  parsed.parts.slice(0, -1).forEach((part) => {
    at[part] = isObject(at[part]) ? at[part] : {}
    at = at[part] as Json
  })
  at[parsed.parts.at(-1) ?? path] = value
}

/** Reads the value at `path` from a SCIM resource the target returned (undefined when absent). */
export function readPath(resource: unknown, path: string): TargetValue | undefined {
  if (!isObject(resource)) return undefined
  const parsed = parsePath(path)
  let value: unknown
  if (parsed.form === 'extension') {
    const ext = resource[parsed.urn]
    value = isObject(ext) ? ext[parsed.attribute] : undefined
  } else if (parsed.form === 'typed') {
    const list = resource[parsed.attribute]
    const entry = Array.isArray(list) ? list.find((e) => isObject(e) && e.type === parsed.type) : undefined
    value = isObject(entry) ? entry[parsed.sub] : undefined
  } else {
    value = parsed.parts.reduce<unknown>((at, part) => (isObject(at) ? at[part] : undefined), resource)
  }
  return typeof value === 'string' || typeof value === 'boolean' ? value : undefined
}

/** Whether a path names an entry of a multi-valued attribute (`emails[type eq "work"].value`). */
export function isTypedPath(path: string): boolean {
  return parsePath(path).form === 'typed'
}

/** The POST /Users body Entra sends: core and enterprise schemas, the mapped values, `roles: []`. */
export function createUserBody(values: ReadonlyMap<string, TargetValue>): Json {
  const body: Json = { schemas: [SCIM.user, SCIM.enterpriseUser] }
  for (const [path, value] of values) setPath(body, path, value)
  body.meta = { resourceType: 'User' }
  body.roles = []
  return body
}

/** The POST /Groups body: no members (they are added by PATCH afterwards, as Entra does). */
export function createGroupBody(values: ReadonlyMap<string, TargetValue>): Json {
  const body: Json = { schemas: [SCIM.group] }
  for (const [path, value] of values) setPath(body, path, value)
  body.meta = { resourceType: 'Group' }
  return body
}

/** One PatchOp operation, with Entra's capitalised op names. */
export interface PatchOperation {
  readonly op: 'Add' | 'Replace' | 'Remove'
  readonly path: string
  readonly value?: unknown
}

/** A PatchOp request body. */
export function patchBody(operations: readonly PatchOperation[]): Json {
  return { schemas: [SCIM.patchOp], Operations: operations }
}

/** `members` Add or Remove of target ids, as Entra sends them. */
export function membersOperation(op: 'Add' | 'Remove', targetIds: readonly string[]): PatchOperation {
  return { op, path: 'members', value: targetIds.map((value) => ({ value })) }
}

const quoted = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

/** The filter that finds an object by a matching attribute: `userName eq "…"`, or a value path for typed entries. */
export function matchFilter(path: string, value: string): string {
  const parsed = parsePath(path)
  if (parsed.form === 'typed')
    return `${parsed.attribute}[type eq ${quoted(parsed.type)} and ${parsed.sub} eq ${quoted(value)}]`
  return `${path} eq ${quoted(value)}`
}

/** The Resources of a ListResponse, or null when the answer is not one (a non-SCIM server). */
export function listResources(body: unknown): readonly Json[] | null {
  if (!isObject(body)) return null
  if (typeof body.totalResults !== 'number') return null
  const resources = body.Resources ?? []
  return Array.isArray(resources) ? resources.filter(isObject) : null
}

/** The `id` of a SCIM resource, if it has one. */
export function resourceId(body: unknown): string | null {
  return isObject(body) && typeof body.id === 'string' && body.id !== '' ? body.id : null
}
