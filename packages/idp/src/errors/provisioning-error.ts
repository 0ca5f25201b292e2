import { err, type Result } from '@sandbox/shared'
import { PROVISIONING_CODES, type ProvisioningErrorCode } from './provisioning-codes'

export type { ProvisioningErrorCode } from './provisioning-codes'

/** An expected failure of the provisioning service: a code and the facts of this case. */
export interface ProvisioningError {
  readonly code: ProvisioningErrorCode
  /** What exactly was wrong this time (the value, the answer the target gave), or null. */
  readonly detail: string | null
  /** The property at fault, when there is one. */
  readonly target?: string
}

/** Fails with `code`; `detail` says what was wrong this time. */
export function provisioningFailure(
  code: ProvisioningErrorCode,
  detail: string | null = null,
  target?: string,
): Result<never, ProvisioningError> {
  return err({ code, detail, ...(target ? { target } : {}) })
}

/** The whole sentence for a person: the facts (or the meaning), then the fix. */
export function describeProvisioningError(error: ProvisioningError): string {
  const info = PROVISIONING_CODES[error.code]
  const facts = error.detail ? `${info.meaning} ${error.detail}` : info.meaning
  return `${facts} ${info.fix}`
}
