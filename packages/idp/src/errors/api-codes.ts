/** The Graph error codes the IdP's JSON APIs (`/v1.0`, `/sandbox/api`) answer with. */
export type GraphErrorCode =
  | 'Request_ResourceNotFound'
  | 'Request_BadRequest'
  | 'BadRequest'
  | 'Request_UnsupportedQuery'
  | 'Request_EntityTooLarge'
  | 'InvalidAuthenticationToken'
  | 'Authorization_RequestDenied'

/** One Graph error code: what it means and its status. */
export interface GraphCodeEntry {
  readonly meaning: string
  readonly status: 400 | 401 | 403 | 404 | 413
}

/** Graph's codes, as Microsoft Graph answers them (`{"error":{"code","message","innerError"}}`). */
export const GRAPH_CODES: { readonly [C in GraphErrorCode]: GraphCodeEntry } = {
  Request_ResourceNotFound: { meaning: 'No object has this id.', status: 404 },
  Request_BadRequest: { meaning: 'A property value breaks a rule of the directory.', status: 400 },
  BadRequest: { meaning: 'The request cannot be read (body, query option, path).', status: 400 },
  Request_UnsupportedQuery: { meaning: 'Graph does not support this query on the collection.', status: 400 },
  Request_EntityTooLarge: { meaning: 'The body is larger than the API reads.', status: 413 },
  InvalidAuthenticationToken: { meaning: 'No bearer token, or an invalid or expired one.', status: 401 },
  Authorization_RequestDenied: { meaning: 'The token’s user may not administer the tenant.', status: 403 },
}

/** What an admin service (directory, apps, certificates, claims) can refuse. */
export type AdminErrorCode = 'NOT_FOUND' | 'INVALID' | 'CONFLICT'

/** One admin error code: what it means, its Graph code and the `details[].code` Graph adds. */
export interface AdminCodeEntry {
  readonly meaning: string
  readonly graph: GraphErrorCode
  readonly detail: 'ObjectConflict' | 'InvalidValue' | null
}

/** The admin services' codes, each answered as one Graph code by both JSON APIs. */
export const ADMIN_CODES: { readonly [C in AdminErrorCode]: AdminCodeEntry } = {
  NOT_FOUND: { meaning: 'The object does not exist.', graph: 'Request_ResourceNotFound', detail: null },
  INVALID: {
    meaning: 'A value breaks a rule; the message says which.',
    graph: 'Request_BadRequest',
    detail: 'InvalidValue',
  },
  CONFLICT: {
    meaning: 'Another object already holds the value.',
    graph: 'Request_BadRequest',
    detail: 'ObjectConflict',
  },
}

/** Graph's words for an object that does not exist. */
export function notFoundMessage(id: string): string {
  return `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`
}

/** Graph's words for a value another object already holds. */
export function conflictMessage(property: string): string {
  return `Another object with the same value for property ${property} already exists.`
}
