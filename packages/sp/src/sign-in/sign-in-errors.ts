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

/** The OID name of uid (RFC 4519), which IdPs using the URI name format send instead of `uid`. */
const UID_OID_NAME = 'urn:oid:0.9.2342.19200300.100.1.1'
const MAX_LISTED_NAMES = 12
const MAX_NAME_LENGTH = 120

function listedNames(names: readonly string[]): string {
  if (names.length === 0) return 'no attributes at all'
  const shown = names
    .slice(0, MAX_LISTED_NAMES)
    .map((n) => (n.length > MAX_NAME_LENGTH ? `${n.slice(0, MAX_NAME_LENGTH)}…` : n))
  const more = names.length > MAX_LISTED_NAMES ? ` and ${names.length - MAX_LISTED_NAMES} more` : ''
  return `these attributes: ${shown.join(', ')}${more}`
}

/**
 * The assertion carries no attribute named `uid`: says which names did arrive and how any IdP
 * (not only Entra) is made to send `uid`, since SAML IdPs name attributes differently (pysaml2
 * and Shibboleth send uid as its OID under the URI name format by default).
 */
export function uidMissing(attributes: Readonly<Record<string, readonly string[]>>): {
  code: string
  message: string
  fix: string
} {
  const names = Object.keys(attributes)
  const asOid = names.includes(UID_OID_NAME)
    ? ` ${UID_OID_NAME} is uid under its OID name (the URI name format, pysaml2's and Shibboleth's default); Webex matches only the attribute named exactly "uid".`
    : ''
  return {
    code: 'SSO_UID_MISSING',
    message: `The assertion has no attribute named "uid", which Webex uses to find the user; it carried ${listedNames(names)}.${asOid}`,
    fix: 'Make the IdP send an attribute named uid (Name="uid", basic or unspecified name format) whose value is the user\'s Webex username (their email address). Entra: Cisco Webex > Single sign-on > Attributes & Claims > Add new claim, Name uid, Source attribute user.userprincipalname. Other IdPs: map the user\'s email or login to an attribute released as "uid" (pysaml2: an attribute map that names it uid; Okta, ADFS, Shibboleth: an attribute statement or claim rule named uid). Or match users by the NameID instead (PATCH /api/v1/sso/settings {"matchUserBy": "nameid"}).',
  }
}

/**
 * The replay cache holds every still-valid assertion ID and is never evicted (a forgotten ID
 * could be replayed), so when it is full an unsolicited Response, which only it can stop, is
 * refused until the earliest ID expires. Answers to Webex's own requests are not affected.
 */
export function replayCacheFull(roomAt: number | null): { code: string; message: string; fix: string } {
  const when = roomAt === null ? 'in a moment' : `at ${new Date(roomAt).toISOString()}`
  return {
    code: 'SSO_REPLAY_CACHE_FULL',
    message: `Webex keeps the ID of every assertion that is still valid, to refuse its replay, and can keep no more until the earliest one expires (${when}); until then it accepts no unsolicited (IdP-initiated) Response.`,
    fix: 'Start the sign-in from Webex (the Sign-on URL): answers to its own requests are still accepted. Or sign in again after that time.',
  }
}
