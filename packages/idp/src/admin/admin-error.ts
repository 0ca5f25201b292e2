import { err, type Result } from '@sandbox/shared'

/**
 * Expected failures of the admin services (directory, apps, certificates, claims). The Graph
 * API and the sandbox API each map them once: NOT_FOUND to 404, the rest to 400 or 403.
 */
export interface AdminError {
  readonly code: 'NOT_FOUND' | 'INVALID' | 'CONFLICT' | 'FORBIDDEN'
  /** What was wrong and how to fix it, in Entra's words where Entra has them. */
  readonly message: string
  /** The property the problem is about (Graph's `details[].target`). */
  readonly target?: string
}

/** Graph's wording for an object that does not exist. */
export function notFound(id: string): Result<never, AdminError> {
  return err({
    code: 'NOT_FOUND',
    message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  })
}

/** A value that breaks a rule; `target` names the property. */
export function invalid(message: string, target?: string): Result<never, AdminError> {
  return err({ code: 'INVALID', message, ...(target ? { target } : {}) })
}

/** A value another object already holds (Graph: `ObjectConflict`). */
export function conflict(property: string): Result<never, AdminError> {
  return err({
    code: 'CONFLICT',
    message: `Another object with the same value for property ${property} already exists.`,
    target: property,
  })
}
