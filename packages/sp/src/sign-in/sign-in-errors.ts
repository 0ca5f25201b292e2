import type { SignatureError } from '@sandbox/shared'

const FIX_REIMPORT =
  'Download the Federation Metadata XML from Entra again (Single sign-on > SAML Certificates) and import it in Control Hub (Authentication > Modify), then run Test SSO Connection.'

/** A signature failure in Webex's terms: which code, what it means, and where it is fixed. */
export function signatureFailure(
  error: SignatureError,
  element: 'Response' | 'Assertion',
): { code: string; message: string; fix: string } {
  switch (error.code) {
    case 'SIGNATURE_MISSING':
      return {
        code: 'SSO_ASSERTION_UNSIGNED',
        message: `SAML assertion is unsigned: the ${element} carries no signature, and Webex needs a signed assertion.`,
        fix: 'Entra > Cisco Webex > Single sign-on > SAML Certificates > Signing Option: "Sign SAML assertion" (or response and assertion).',
      }
    case 'CERTIFICATE_NOT_TRUSTED':
      return {
        code: 'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
        message: `The ${element} is signed with a certificate that is not in the imported IdP metadata (was the certificate rolled over on Entra?). ${error.message}`,
        fix: FIX_REIMPORT,
      }
    case 'SIGNATURE_INVALID':
      return {
        code: 'SSO_INVALID_SIGNATURE',
        message: `Invalid digital signature on the ${element}: it does not verify with any signing certificate of the imported metadata.`,
        fix: FIX_REIMPORT,
      }
    case 'DIGEST_MISMATCH':
      return {
        code: 'SSO_INVALID_SIGNATURE',
        message: `Invalid digital signature: the ${element} was changed after the IdP signed it.`,
        fix: 'Sign in again; if it keeps failing, something between the IdP and Webex alters the message.',
      }
    case 'DEPRECATED_ALGORITHM':
      return {
        code: 'SSO_DEPRECATED_ALGORITHM',
        message: `The ${element} is signed with SHA-1, which this org refuses. ${error.message}`,
        fix: 'Entra > Cisco Webex > Single sign-on > SAML Certificates > Signing Algorithm: SHA-256.',
      }
    case 'UNSUPPORTED_ALGORITHM':
      return {
        code: 'SSO_UNSUPPORTED_ALGORITHM',
        message: error.message,
        fix: 'Sign with RSA-SHA256.',
      }
    case 'SIGNATURE_PROFILE':
      return {
        code: 'SSO_SIGNATURE_PROFILE',
        message: `The ${element} signature does not follow the SAML signature profile: ${error.message}`,
        fix: 'This looks like a signature-wrapping attempt or a non-conforming IdP; the message was refused.',
      }
  }
}
