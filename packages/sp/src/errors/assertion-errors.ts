import { entry } from './error-entry'
import { CHECK_CLOCKS, ENTRA_SAML, setReplyUrl } from './fixes'

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

const skew = (seconds: number): string => `allowed skew ${seconds} s`

/**
 * The ACS's refusals of a signed assertion's contents (subject confirmation, validity, audience,
 * NameID, replay) and of the Webex user it names. Every one answers a sign-in with 403.
 */
export const ASSERTION_ERRORS = {
  SSO_SUBJECT_CONFIRMATION: entry({
    meaning: 'The assertion does not confirm its subject with the bearer method.',
    message: 'The assertion has no bearer SubjectConfirmation with SubjectConfirmationData.',
    fix: 'The IdP must confirm the subject with the bearer method (Entra always does).',
    status: 403,
  }),
  SSO_RECIPIENT_MISMATCH: entry({
    meaning: "The assertion's Recipient is another URL than this ACS.",
    message: (f: { recipient: string | null; acsUrl: string }) =>
      `The assertion is for ${f.recipient ?? '(no Recipient)'}, not for this ACS (${f.acsUrl}).`,
    fix: (f) => setReplyUrl(f.acsUrl),
    status: 403,
  }),
  SSO_ASSERTION_EXPIRED: entry({
    meaning:
      'The assertion (or its subject confirmation) is past its validity, beyond the allowed clock skew.',
    message: (
      f:
        | { window: 'confirmation'; notOnOrAfter: string | null; skewSeconds: number }
        | { window: 'conditions'; notOnOrAfter: string; now: string; skewSeconds: number },
    ) =>
      f.window === 'confirmation'
        ? `SAML Assertion Expired: its SubjectConfirmationData NotOnOrAfter (${f.notOnOrAfter ?? 'absent'}) has passed (${skew(f.skewSeconds)}).`
        : `SAML Assertion Expired: it was valid until ${f.notOnOrAfter}; the SP's clock says ${f.now} (${skew(f.skewSeconds)}).`,
    fix: CHECK_CLOCKS,
    status: 403,
  }),
  SSO_CONDITIONS_MISSING: entry({
    meaning: 'The assertion has no Conditions, so it has no validity window and no audience.',
    message: 'The assertion has no Conditions (validity window and audience).',
    fix: 'Fix the IdP: a SAML assertion for Webex must carry Conditions with NotBefore, NotOnOrAfter and an AudienceRestriction.',
    status: 403,
  }),
  SSO_ASSERTION_NOT_YET_VALID: entry({
    meaning: 'The assertion is not valid yet, beyond the allowed clock skew.',
    message: (f: { notBefore: string; now: string; skewSeconds: number }) =>
      `The assertion is not valid before ${f.notBefore}; the SP's clock says ${f.now} (${skew(f.skewSeconds)}).`,
    fix: "The IdP's clock runs ahead: fix the clocks (NTP), then sign in again.",
    status: 403,
  }),
  SSO_AUDIENCE_MISMATCH: entry({
    meaning: 'The assertion is for another service provider than this Webex organization.',
    message: (f: { audiences: readonly string[]; spEntityId: string }) =>
      `The assertion is for ${f.audiences.join(', ') || '(no audience)'}, not for this Webex org (${f.spEntityId}).`,
    fix: (f) =>
      `Set the Identifier (Entity ID) to ${f.spEntityId} in ${ENTRA_SAML} > Basic SAML Configuration.`,
    status: 403,
  }),
  SSO_NAMEID_MISSING: entry({
    meaning: 'The assertion has no NameID value.',
    message: 'The assertion has no NameID value.',
    fix: `Set the Unique User Identifier in ${ENTRA_SAML} > Attributes & Claims.`,
    status: 403,
  }),
  SSO_NAMEID_FORMAT: entry({
    meaning: 'The NameID format is not one Webex accepts (transient, unspecified, emailAddress).',
    message: (f: { format: string }) =>
      `Name Identifier format is incorrect: ${f.format}. Webex accepts transient, unspecified and emailAddress.`,
    fix: `Choose the emailAddress name identifier format in ${ENTRA_SAML} > Attributes & Claims > Unique User Identifier.`,
    status: 403,
  }),
  SSO_REPLAYED_ASSERTION: entry({
    meaning: 'The assertion was already used to sign in.',
    message: (f: { assertionId: string }) => `The assertion ${f.assertionId} was already used to sign in.`,
    fix: 'Sign in again from the start; a SAML Response is good for one sign-in only.',
    status: 403,
  }),
  SSO_REPLAY_CACHE_FULL: entry({
    meaning:
      'The replay cache holds as many unexpired assertion IDs as it may, so unsolicited Responses wait until one expires.',
    message: (f: { roomAt: number | null }) =>
      `Webex keeps the ID of every assertion that is still valid, to refuse its replay, and can keep no more until the earliest one expires (${f.roomAt === null ? 'in a moment' : `at ${new Date(f.roomAt).toISOString()}`}); until then it accepts no unsolicited (IdP-initiated) Response.`,
    fix: 'Start the sign-in from Webex (the Sign-on URL): answers to its own requests are still accepted. Or sign in again after that time.',
    status: 403,
  }),
  SSO_UID_MISSING: entry({
    meaning: 'The assertion has no attribute named "uid", which Webex uses to find the user.',
    // Says which names did arrive and how any IdP (not only Entra) is made to send `uid`: SAML
    // IdPs name attributes differently (pysaml2 and Shibboleth send uid as its OID by default).
    message: (f: { attributeNames: readonly string[] }) => {
      const asOid = f.attributeNames.includes(UID_OID_NAME)
        ? ` ${UID_OID_NAME} is uid under its OID name (the URI name format, pysaml2's and Shibboleth's default); Webex matches only the attribute named exactly "uid".`
        : ''
      return `The assertion has no attribute named "uid", which Webex uses to find the user; it carried ${listedNames(f.attributeNames)}.${asOid}`
    },
    fix: 'Make the IdP send an attribute named uid (Name="uid", basic or unspecified name format) whose value is the user\'s Webex username (their email address). Entra: Cisco Webex > Single sign-on > Attributes & Claims > Add new claim, Name uid, Source attribute user.userprincipalname. Other IdPs: map the user\'s email or login to an attribute released as "uid" (pysaml2: an attribute map that names it uid; Okta, ADFS, Shibboleth: an attribute statement or claim rule named uid). Or match users by the NameID instead (PATCH /api/v1/sso/settings {"matchUserBy": "nameid"}).',
    status: 403,
  }),
  SSO_USER_NOT_FOUND: entry({
    meaning: 'No Webex user matches the value the assertion names.',
    message: (f: { matchedBy: 'uid' | 'nameid'; value: string }) =>
      `No Webex user matches ${f.matchedBy === 'uid' ? 'the uid attribute' : 'the NameID'} "${f.value}".`,
    fix: (f) =>
      `Add ${f.value} in Control Hub > Users (or provision it over SCIM), or map uid on Entra (Attributes & Claims) to the attribute holding the Webex email.`,
    status: 403,
  }),
  SSO_USER_INACTIVE: entry({
    meaning: 'The Webex user the assertion names is deactivated.',
    message: (f: { userName: string }) => `The Webex user ${f.userName} is deactivated.`,
    fix: 'Control Hub > Users: activate the user.',
    status: 403,
  }),
}
