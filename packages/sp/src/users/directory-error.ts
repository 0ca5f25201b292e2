import { err, type Result } from '@sandbox/shared'

/**
 * An expected failure of a directory action (Control Hub users, just-in-time creation): a
 * stable code, the field at fault, what went wrong and how to fix it. Shaped like the SSO
 * side's `SsoError`, so the JSON API maps both the same way.
 */
export interface DirectoryError {
  readonly code: 'USER_NOT_FOUND' | 'USER_INVALID' | 'USER_EXISTS'
  readonly message: string
  readonly fix: string
  /** The input field the problem is about (`email`, `firstName`, …), when there is one. */
  readonly field?: string
  /** The HTTP status the JSON API answers with. */
  readonly status: 400 | 404 | 409
}

/** No user has this id. */
export function userNotFound(id: string): Result<never, DirectoryError> {
  return err({
    code: 'USER_NOT_FOUND',
    message: `No user has the id "${id}".`,
    fix: 'List the users (GET /api/v1/users) and use the id of one of them.',
    status: 404,
  })
}

/** A value that breaks a rule; `field` names the input field. */
export function invalidUser(field: string, message: string, fix: string): Result<never, DirectoryError> {
  return err({ code: 'USER_INVALID', field, message, fix, status: 400 })
}

/** The email (userName) is already some other user's userName or email. */
export function userExists(email: string): Result<never, DirectoryError> {
  return err({
    code: 'USER_EXISTS',
    field: 'email',
    message: `A user with the email ${email} already exists in this organization (emails are unique, whatever their case).`,
    fix: 'Modify that user instead, or use another email.',
    status: 409,
  })
}
