import { err, type Result } from '@sandbox/shared'
import { ERROR_URN } from './scim-urns'

/** RFC 7644 §3.12 Table 9: the `scimType` detail error keywords. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive'

/** A SCIM failure: an HTTP status, an optional scimType and a detail saying what to fix. */
export interface ScimError {
  readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 429 | 500 | 501
  readonly scimType?: ScimType
  readonly detail: string
}

/** Builds a failed result carrying a SCIM error. */
export function scimError(
  status: ScimError['status'],
  detail: string,
  scimType?: ScimType,
): Result<never, ScimError> {
  return err({ status, detail, ...(scimType ? { scimType } : {}) })
}

/** 400 with a scimType: the common case. */
export function badRequest(scimType: ScimType, detail: string): Result<never, ScimError> {
  return scimError(400, detail, scimType)
}

/** RFC 7644 §3.12: the error body, `status` as a string. */
export function scimErrorBody(error: ScimError): Record<string, unknown> {
  return {
    schemas: [ERROR_URN],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.detail,
  }
}
