import { entry } from './error-entry'
import { ENTRA_SAML, REIMPORT, SET_UP_SSO, setReplyUrl } from './fixes'

/** Which element of the Response a signature check was about. */
export type SignedPart = 'Response' | 'Assertion'

const SIGNING_OPTION = `${ENTRA_SAML} > SAML Certificates > Signing Option`

/**
 * The ACS's refusals of the Response around the assertion and of signatures: the message is
 * unreadable, the IdP reported an error, it is not addressed to this ACS or this browser, or a
 * signature does not hold. Every one answers a sign-in with 403.
 */
export const ACS_ERRORS = {
  SSO_NOT_ENABLED: entry({
    meaning: 'Single sign-on is not enabled for the organization, so there is nothing to sign in with.',
    message: (f: { at: 'sign-on' | 'acs' | 'email' }) =>
      ({
        acs: 'Single sign-on is not enabled for this Webex organization, so the ACS accepts no Response.',
        'sign-on': 'Single sign-on is not set up for this organization.',
        email:
          'Your organization does not use single sign-on yet, and the sandbox keeps no Webex passwords for its users.',
      })[f.at],
    fix: SET_UP_SSO,
    status: 400,
  }),
  SIGN_IN_EMAIL_INVALID: entry({
    meaning: 'The Webex sign-in page was given something that is not an email address.',
    message: 'Enter a valid email address, such as b.simon@contoso.com.',
    fix: 'Type the whole address you sign in to Webex with: name, @ and domain.',
    status: 400,
  }),
  SIGN_IN_UNKNOWN_EMAIL: entry({
    meaning: 'No Webex user of this organization has the email address given on the sign-in page.',
    message: (f: { email: string }) =>
      `Webex has no user with the email address ${f.email} in this organization.`,
    fix: 'Check the address for typos, or add the user in Control Hub > Users > Manage Users (or provision them from Entra with SCIM).',
    status: 404,
  }),
  SSO_MALFORMED_RESPONSE: entry({
    meaning: 'The posted SAMLResponse is not a readable SAML 2.0 Response.',
    message: (
      f: { problem: 'encoding' | 'xml'; detail: string } | { problem: 'not-a-response'; element: string },
    ) =>
      f.problem === 'not-a-response' ? `Expected a SAML 2.0 <samlp:Response>, got <${f.element}>.` : f.detail,
    fix: (f) =>
      f.problem === 'encoding'
        ? 'Post a base64-encoded SAML Response in the SAMLResponse field.'
        : f.problem === 'xml'
          ? 'The IdP must post a well-formed SAML Response.'
          : 'Post a SAML 2.0 Response to the ACS.',
    status: 403,
  }),
  SSO_IDP_ERROR: entry({
    meaning: 'The IdP answered with an error status instead of an assertion.',
    message: (f: { status: string | null; subStatus: string | null; statusMessage: string | null }) =>
      `The IdP answered ${f.status ?? '(no status)'}${f.subStatus === null ? '' : ` / ${f.subStatus}`}: ${f.statusMessage ?? 'no message'}`,
    fix: `Read the IdP's message above (an AADSTS code names the cause); fix it in ${ENTRA_SAML}.`,
    status: 403,
  }),
  SSO_ASSERTION_COUNT: entry({
    meaning: 'The Response does not carry exactly one assertion directly under it.',
    message: (f: { everywhere: number; direct: number }) =>
      `The Response must carry exactly one assertion directly under it; it carries ${f.everywhere} (${f.direct} direct).`,
    fix: 'A Response with extra or nested assertions is a signature-wrapping attempt or a broken IdP.',
    status: 403,
  }),
  SSO_ASSERTION_UNSIGNED: entry({
    meaning: 'The assertion is not signed, and Webex needs the assertion itself signed.',
    message: (f: { part: SignedPart; responseSigned: boolean }) =>
      f.responseSigned
        ? 'SAML assertion is unsigned: only the Response is signed, and Webex needs the assertion itself signed.'
        : `SAML assertion is unsigned: the ${f.part} carries no signature, and Webex needs a signed assertion.`,
    fix: (f) =>
      `${SIGNING_OPTION}: "Sign SAML assertion" or "Sign SAML response and assertion"${f.responseSigned ? ' (or turn requireAssertionSignature off in the SSO settings)' : ''}.`,
    status: 403,
  }),
  SSO_UNTRUSTED_SIGNING_CERTIFICATE: entry({
    meaning: 'The signature was made with a certificate that is not in the imported IdP metadata.',
    message: (f: { part: SignedPart; detail: string }) =>
      `The ${f.part} is signed with a certificate that is not in the imported IdP metadata (was the certificate rolled over on Entra?). ${f.detail}`,
    fix: REIMPORT,
    status: 403,
  }),
  SSO_INVALID_SIGNATURE: entry({
    meaning: 'The signature does not verify: the message was changed or signed with another key.',
    message: (f: { part: SignedPart; changedAfterSigning: boolean }) =>
      f.changedAfterSigning
        ? `Invalid digital signature: the ${f.part} was changed after the IdP signed it.`
        : `Invalid digital signature on the ${f.part}: it does not verify with any signing certificate of the imported metadata.`,
    fix: (f) =>
      f.changedAfterSigning
        ? 'Sign in again; if it keeps failing, something between the IdP and Webex alters the message.'
        : REIMPORT,
    status: 403,
  }),
  SSO_DEPRECATED_ALGORITHM: entry({
    meaning: 'The signature uses SHA-1, which the organization refuses.',
    message: (f: { part: SignedPart; detail: string }) =>
      `The ${f.part} is signed with SHA-1, which this org refuses. ${f.detail}`,
    fix: `${ENTRA_SAML} > SAML Certificates > Signing Algorithm: SHA-256.`,
    status: 403,
  }),
  SSO_UNSUPPORTED_ALGORITHM: entry({
    meaning: 'The signature uses an algorithm Webex does not verify.',
    message: (f: { part: SignedPart; detail: string }) => f.detail,
    fix: 'Sign with RSA-SHA256.',
    status: 403,
  }),
  SSO_SIGNATURE_PROFILE: entry({
    meaning: 'The signature does not follow the SAML signature profile (what signature wrapping exploits).',
    message: (f: { part: SignedPart; detail: string }) =>
      `The ${f.part} signature does not follow the SAML signature profile: ${f.detail}`,
    fix: 'This looks like a signature-wrapping attempt or a non-conforming IdP; the message was refused.',
    status: 403,
  }),
  SSO_UNTRUSTED_ISSUER: entry({
    meaning: 'The Response or the assertion was issued by another entity than the imported IdP.',
    message: (f: { of: 'Response' | 'assertion'; issuer: string; expected: string }) =>
      f.of === 'Response'
        ? `The Response Issuer "${f.issuer}" is not the imported IdP "${f.expected}".`
        : `The assertion was issued by "${f.issuer}", but the imported IdP is "${f.expected}".`,
    fix: REIMPORT,
    status: 403,
  }),
  SSO_DESTINATION_MISMATCH: entry({
    meaning: 'The Response is addressed to another URL than this ACS.',
    message: (f: { destination: string; acsUrl: string }) =>
      `The Response was addressed to ${f.destination}, not to this ACS (${f.acsUrl}).`,
    fix: (f) => setReplyUrl(f.acsUrl),
    status: 403,
  }),
  SSO_UNSOLICITED_RESPONSE: entry({
    meaning: 'The Response answers no request, and the organization accepts only SP-initiated sign-in.',
    message: 'This Response answers no request, and this org accepts only SP-initiated sign-in.',
    fix: 'Start the sign-in from Webex (the Sign-on URL).',
    status: 403,
  }),
  SSO_INRESPONSETO_MISMATCH: entry({
    meaning: 'The Response does not answer a request this browser is waiting for.',
    message: (
      f:
        | { reason: 'unknown-request' | 'other-browser'; inResponseTo: string }
        | { reason: 'trust-changed' | 'confirmation-differs' },
    ) => {
      switch (f.reason) {
        case 'unknown-request':
          return `InResponseTo does not match the request ID: ${f.inResponseTo} is not a request this SP is waiting for (unknown, expired or already answered).`
        case 'other-browser':
          return `The request ${f.inResponseTo} was started in another browser.`
        case 'trust-changed':
          return 'The IdP configuration changed while this sign-in was in flight.'
        case 'confirmation-differs':
          return 'The Response and its SubjectConfirmationData answer different requests.'
      }
    },
    fix: (f) =>
      ({
        'unknown-request':
          'Start the sign-in again from Webex; a Response answers one request, once, within 10 minutes.',
        'other-browser': 'Finish the sign-in in the browser that started it.',
        'trust-changed': 'Start the sign-in again.',
        'confirmation-differs': 'A Response must answer one AuthnRequest.',
      })[f.reason],
    status: 403,
  }),
  SSO_DECRYPTION_FAILED: entry({
    meaning:
      'The encrypted assertion did not decrypt into an assertion the IdP signed; deliberately no more is said.',
    message:
      'The encrypted assertion could not be decrypted with the Webex encryption key into an assertion the IdP signed. Webex says no more about an encrypted assertion: any detail would help an attacker decrypt it.',
    fix: `Upload the current Webex metadata file to Entra (its encryption certificate; Webex decrypts AES-GCM and AES-CBC with RSA-OAEP key transport) and import Entra's current Federation Metadata XML, or turn token encryption off in ${ENTRA_SAML}.`,
    status: 403,
  }),
}
