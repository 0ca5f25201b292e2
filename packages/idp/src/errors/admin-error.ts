import { err, type Result } from '@sandbox/shared'
import { type AdminErrorCode, conflictMessage, notFoundMessage } from './api-codes'

/**
 * An expected failure of an admin service (directory, apps, certificates, claims): a code of
 * the catalogue, the specific message (in Entra's or Graph's words where they have them) and the
 * property at fault. The Graph and sandbox APIs turn it into status and body at the edge.
 */
export interface AdminError {
  readonly code: AdminErrorCode
  /** What was wrong and how to fix it. */
  readonly message: string
  /** The property the problem is about (Graph's `details[].target`). */
  readonly target?: string
}

/** An object that does not exist. */
export function notFound(id: string): Result<never, AdminError> {
  return err({ code: 'NOT_FOUND', message: notFoundMessage(id) })
}

/** A value that breaks a rule; `target` names the property. */
export function invalid(message: string, target?: string): Result<never, AdminError> {
  return err({ code: 'INVALID', message, ...(target ? { target } : {}) })
}

/** A value another object already holds (Graph: `ObjectConflict`). */
export function conflict(property: string): Result<never, AdminError> {
  return err({ code: 'CONFLICT', message: conflictMessage(property), target: property })
}
