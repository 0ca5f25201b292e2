import type { SignatureError } from '@sandbox/shared'
import type { SignedPart } from '../../errors/acs-errors'
import { type SpError, spError } from '../../errors/catalogue'

/** A signature failure in Webex's terms. */
export function signatureFailure(error: SignatureError, part: SignedPart): SpError {
  switch (error.code) {
    case 'SIGNATURE_MISSING':
      return spError('SSO_ASSERTION_UNSIGNED', { part, responseSigned: false })
    case 'CERTIFICATE_NOT_TRUSTED':
      return spError('SSO_UNTRUSTED_SIGNING_CERTIFICATE', { part, detail: error.message })
    case 'SIGNATURE_INVALID':
      return spError('SSO_INVALID_SIGNATURE', { part, changedAfterSigning: false })
    case 'DIGEST_MISMATCH':
      return spError('SSO_INVALID_SIGNATURE', { part, changedAfterSigning: true })
    case 'DEPRECATED_ALGORITHM':
      return spError('SSO_DEPRECATED_ALGORITHM', { part, detail: error.message })
    case 'UNSUPPORTED_ALGORITHM':
      return spError('SSO_UNSUPPORTED_ALGORITHM', { part, detail: error.message })
    case 'SIGNATURE_PROFILE':
      return spError('SSO_SIGNATURE_PROFILE', { part, detail: error.message })
  }
}
