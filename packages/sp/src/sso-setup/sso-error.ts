import { err, type Result } from '@sandbox/shared'

/**
 * An expected failure of a Control Hub action or a sign-in, in the words a person needs:
 * a stable code (tests and scripts match on it), what went wrong, and where to fix it.
 */
export interface SsoError {
  readonly code: string
  readonly message: string
  readonly fix: string
  /** The HTTP status the API answers with. */
  readonly status: 400 | 401 | 403 | 404 | 409 | 413
}

export function ssoError(
  code: string,
  message: string,
  fix: string,
  status: SsoError['status'] = 400,
): Result<never, SsoError> {
  return err({ code, message, fix, status })
}
