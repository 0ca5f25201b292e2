import type { Expected, TrustedSigner } from './context'
import { humanDuration } from './durations'
import { acsPhrase, idpEntityIdPhrase, signerPhrase, spEntityIdPhrase } from './origins'
import type { CheckOutcome } from './report'

/**
 * Every failure in plain words: what the message says, what the configuration says, why that
 * happens, and the fix on the screen where it is made. Codes are the Webex ACS's refusal codes.
 */

export const SCREEN = {
  basicSaml:
    'Entra admin center > Enterprise applications > Cisco Webex > Single sign-on > Basic SAML Configuration',
  certificates:
    'Entra admin center > Enterprise applications > Cisco Webex > Single sign-on > SAML Certificates',
  claims: 'Entra admin center > Enterprise applications > Cisco Webex > Single sign-on > Attributes & Claims',
  controlHubImport:
    'Control Hub > Organization Settings > Authentication > Modify: import the Federation Metadata XML, then Test SSO Connection',
} as const

const REIMPORT = `Download the Federation Metadata XML again (${SCREEN.certificates}) and import it in ${SCREEN.controlHubImport}.`

export function failed(code: string, message: string, fix: string): CheckOutcome {
  return { status: 'failed', code, message, fix }
}

const quoted = (values: readonly string[]): string =>
  values.length === 0 ? '(none)' : values.map((v) => `\`${v}\``).join(', ')

// When the expectation is the Entra app's own configuration, Entra would have sent it: a
// message that differs was issued by another app, or before the configuration changed.
const NOT_FROM_THIS_APP =
  'this message was not issued by the app as it is configured now (another app issued it, or the setting changed since): sign in again through this app'

export function audienceMismatch(found: readonly string[], expected: Expected<string>): CheckOutcome {
  const want = `\`${expected.value}\``
  const subject = found.length === 0 ? 'The assertion has no Audience' : `Audience is ${quoted(found)}`
  const cause =
    expected.origin.kind === 'entra-app'
      ? NOT_FROM_THIS_APP
      : `set Identifier (Entity ID) on Entra's Basic SAML Configuration to ${want}`
  return failed(
    'SSO_AUDIENCE_MISMATCH',
    `${subject} but ${spEntityIdPhrase(expected.origin)} is ${want}: ${cause}`,
    `${SCREEN.basicSaml} > Edit: Identifier (Entity ID) = ${expected.value} (mark it Default), Save, then sign in again.`,
  )
}

export function addressMismatch(
  what: 'Recipient' | 'Destination',
  found: string | null,
  expected: Expected<readonly string[]>,
): CheckOutcome {
  const want = quoted(expected.value)
  const subject = found === null ? `The ${what} is missing` : `${what} is \`${found}\``
  const cause =
    expected.origin.kind === 'entra-app'
      ? NOT_FROM_THIS_APP
      : `set Reply URL (Assertion Consumer Service URL) on Entra's Basic SAML Configuration to ${want}`
  return failed(
    what === 'Recipient' ? 'SSO_RECIPIENT_MISMATCH' : 'SSO_DESTINATION_MISMATCH',
    `${subject} but ${acsPhrase(expected.origin)} is ${want}: ${cause}`,
    `${SCREEN.basicSaml} > Edit: Reply URL (Assertion Consumer Service URL) = ${expected.value[0] ?? ''} (Default), Save, then sign in again.`,
  )
}

const skewNote = (skewMs: number): string => `, allowed clock skew ${humanDuration(skewMs)}`

/** `what` expired: "assertion", "assertion's subject confirmation", "LogoutRequest". */
export function expired(
  what: string,
  attribute: string,
  notOnOrAfter: string,
  at: number,
  skewMs: number,
): CheckOutcome {
  const ago = humanDuration(at - Date.parse(notOnOrAfter))
  return failed(
    'SSO_ASSERTION_EXPIRED',
    `The ${what} expired ${ago} ago (${attribute} ${notOnOrAfter}, judged at ${new Date(at).toISOString()}${skewNote(skewMs)}): the IdP clock is behind or the message is old`,
    "Sign in again for a fresh Response (a captured one cannot be reused). If a fresh one expires too, set the IdP's and Webex's clocks right (NTP); Entra's assertions are valid for about an hour.",
  )
}

export function notYetValid(notBefore: string, at: number, skewMs: number): CheckOutcome {
  const wait = humanDuration(Date.parse(notBefore) - at)
  return failed(
    'SSO_ASSERTION_NOT_YET_VALID',
    `The assertion is not valid for another ${wait} (NotBefore ${notBefore}, judged at ${new Date(at).toISOString()}${skewNote(skewMs)}): the IdP clock is ahead of Webex's`,
    "Set the IdP's and Webex's clocks right (NTP), then sign in again.",
  )
}

export function untrustedSigner(
  element: string,
  certificate: { thumbprint: string; subject: string } | null,
  signers: Expected<readonly TrustedSigner[]>,
): CheckOutcome {
  const expected = signers.value.map((s) => s.thumbprint).join(', ') || 'none'
  const by = certificate
    ? `a certificate whose thumbprint ${certificate.thumbprint} (${certificate.subject})`
    : 'a certificate that'
  const fix =
    signers.origin.kind === 'certificate'
      ? `Check that the given certificate is the app's current signing certificate (${SCREEN.certificates}, Thumbprint); if Entra rolled it over, ${REIMPORT.charAt(0).toLowerCase()}${REIMPORT.slice(1)}`
      : REIMPORT
  return failed(
    'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
    `The ${element} is signed with ${by} is not ${signerPhrase(signers.origin)} (${expected}): re-import the Federation Metadata XML`,
    fix,
  )
}

export function unsigned(element: 'assertion' | 'Response', responseSigned: boolean): CheckOutcome {
  const what =
    element === 'assertion' && responseSigned
      ? 'Only the Response is signed, not the assertion in it'
      : `The ${element} is not signed`
  return failed(
    'SSO_ASSERTION_UNSIGNED',
    `${what}: Webex needs the assertion itself signed`,
    `${SCREEN.certificates} > Edit: Signing Option "Sign SAML assertion" (or "Sign SAML response and assertion"), Save.`,
  )
}

export function digestMismatch(element: string): CheckOutcome {
  return failed(
    'SSO_INVALID_SIGNATURE',
    `The ${element} was changed after it was signed: the digest of its content is not the signed DigestValue. Something between Entra and Webex altered it, or it was edited by hand`,
    'Capture the message again, unmodified (a HAR from the browser keeps it byte for byte), and check that no proxy rewrites the POST.',
  )
}

export function invalidSignature(element: string, detail: string): CheckOutcome {
  return failed(
    'SSO_INVALID_SIGNATURE',
    `The ${element}'s signature does not verify (${detail}): it was made with another key than the certificate it names, or the signed bytes were altered`,
    REIMPORT,
  )
}

export function sha1Signature(element: string): CheckOutcome {
  return failed(
    'SSO_DEPRECATED_ALGORITHM',
    `The ${element} is signed with SHA-1 (RSA-SHA1), which Webex refuses`,
    `${SCREEN.certificates} > Edit: Signing Algorithm SHA-256, Save (or allow SHA-1 in the org's SSO settings, less secure).`,
  )
}

export function signatureProfile(element: string, detail: string): CheckOutcome {
  return failed(
    'SSO_SIGNATURE_PROFILE',
    `The ${element}'s signature does not follow the SAML signature profile: ${detail}`,
    "This is a signature-wrapping attempt or a non-conforming IdP: Webex refuses it. Sign with one enveloped signature referencing the element's own ID.",
  )
}

export function issuerMismatch(
  which: 'Response' | 'assertion',
  found: string,
  expected: Expected<string>,
): CheckOutcome {
  return failed(
    'SSO_UNTRUSTED_ISSUER',
    `The ${which}'s Issuer is \`${found}\` but ${idpEntityIdPhrase(expected.origin)} is \`${expected.value}\`: the message comes from another IdP or tenant than the one Webex trusts`,
    `Import the Federation Metadata XML of the Entra app that signs in to Webex (${SCREEN.certificates}) in ${SCREEN.controlHubImport}.`,
  )
}

export function uidMissing(names: readonly string[]): CheckOutcome {
  const carried = names.length === 0 ? 'no attribute at all' : `only ${names.join(', ')}`
  return failed(
    'SSO_UID_MISSING',
    `The assertion has no attribute named "uid", which Webex uses to find the user; it carries ${carried}`,
    `${SCREEN.claims} > Add new claim: Name uid (no namespace), Source attribute user.userprincipalname, Save.`,
  )
}

export function unsolicited(): CheckOutcome {
  return failed(
    'SSO_UNSOLICITED_RESPONSE',
    'The Response answers no AuthnRequest (it has no InResponseTo): it was started from Entra (My Apps or Test this application), and this Webex org accepts only sign-ins that Webex starts',
    `Start the sign-in from Webex (the Sign-on URL); to make My Apps start there, set Sign on URL in ${SCREEN.basicSaml}.`,
  )
}

export function unknownRequest(inResponseTo: string, requests: readonly string[]): CheckOutcome {
  return failed(
    'SSO_INRESPONSETO_MISMATCH',
    `InResponseTo is \`${inResponseTo}\` but the AuthnRequests sent before it were ${quoted(requests)}: the Response answers a request Webex did not send in this conversation`,
    'Start the sign-in again from Webex and finish it in the same browser; a Response answers one request, once.',
  )
}
