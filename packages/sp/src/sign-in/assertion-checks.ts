import {
  attributeOf,
  CONFIRMATION_METHOD_BEARER,
  childNamed,
  childrenNamed,
  NAMEID_FORMAT,
  NS,
  ok,
  type Result,
  textOf,
} from '@sandbox/shared'

import {
  type AcceptedResponse,
  type AssertionFacts,
  type CheckLog,
  FIX_ENTRA_SAML,
  FIX_REIMPORT,
  type ResponseExpectations,
  type ResponseRefusal,
} from './check-log'

/** NameID formats Webex accepts (research/real-formats.md §4). */
const ACCEPTED_NAMEID_FORMATS = new Set<string>([
  NAMEID_FORMAT.transient,
  NAMEID_FORMAT.unspecified,
  NAMEID_FORMAT.emailAddress,
])

/**
 * The checks of a signed, trusted assertion's contents: issuer, subject confirmation (its
 * InResponseTo must be the one the Response answers, `inResponseTo`, checked already),
 * conditions and audience, NameID and replay.
 */
export function checkAssertionContents(
  assertion: Element,
  inResponseTo: string | null,
  expect: ResponseExpectations,
  log: CheckLog,
): Result<AcceptedResponse, ResponseRefusal> {
  const { pass, refuse, seen, checks } = log
  // From here on, everything read comes from the signed assertion (or the checked Response).
  const issuer = childNamed(assertion, NS.assertion, 'Issuer')
  seen.issuer = issuer ? textOf(issuer) : ''
  seen.assertionId = attributeOf(assertion, 'ID') ?? ''
  seen.issueInstant = attributeOf(assertion, 'IssueInstant')
  if (seen.issuer !== expect.idpEntityId)
    return refuse(
      'Issuer',
      'SSO_UNTRUSTED_ISSUER',
      `The assertion was issued by "${seen.issuer}", but the imported IdP is "${expect.idpEntityId}".`,
      FIX_REIMPORT,
    )
  pass('Issuer', expect.idpEntityId)

  const subject = childNamed(assertion, NS.assertion, 'Subject')
  const nameIdElement = subject ? childNamed(subject, NS.assertion, 'NameID') : null
  const nameId = nameIdElement ? textOf(nameIdElement).trim() : ''
  const nameIdFormat = (nameIdElement && attributeOf(nameIdElement, 'Format')) || NAMEID_FORMAT.unspecified
  seen.nameId = nameId
  seen.nameIdFormat = nameIdFormat
  seen.attributes = readAttributes(assertion)

  const confirmation = subject
    ? childrenNamed(subject, NS.assertion, 'SubjectConfirmation').find(
        (c) => attributeOf(c, 'Method') === CONFIRMATION_METHOD_BEARER,
      )
    : undefined
  const data = confirmation ? childNamed(confirmation, NS.assertion, 'SubjectConfirmationData') : null
  if (!data)
    return refuse(
      'Subject confirmation',
      'SSO_SUBJECT_CONFIRMATION',
      'The assertion has no bearer SubjectConfirmation with SubjectConfirmationData.',
      'The IdP must confirm the subject with the bearer method (Entra always does).',
    )
  const recipient = attributeOf(data, 'Recipient')
  if (recipient !== expect.acsUrl)
    return refuse(
      'Recipient',
      'SSO_RECIPIENT_MISMATCH',
      `The assertion is for ${recipient ?? '(no Recipient)'}, not for this ACS (${expect.acsUrl}).`,
      `Set the Reply URL to ${expect.acsUrl} in ${FIX_ENTRA_SAML} > Basic SAML Configuration.`,
    )
  const confirmationEnd = Date.parse(attributeOf(data, 'NotOnOrAfter') ?? '')
  if (!Number.isFinite(confirmationEnd) || expect.now >= confirmationEnd + expect.skewMs)
    return refuse(
      'Subject confirmation',
      'SSO_ASSERTION_EXPIRED',
      `SAML Assertion Expired: its SubjectConfirmationData NotOnOrAfter (${attributeOf(data, 'NotOnOrAfter') ?? 'absent'}) has passed (allowed skew ${expect.skewMs / 1000} s).`,
      'Check the clocks of the IdP and the SP (NTP), then sign in again.',
    )
  const dataInResponseTo = attributeOf(data, 'InResponseTo')
  if (dataInResponseTo !== null && dataInResponseTo !== inResponseTo)
    return refuse(
      'InResponseTo',
      'SSO_INRESPONSETO_MISMATCH',
      'The Response and its SubjectConfirmationData answer different requests.',
      'A Response must answer one AuthnRequest.',
    )
  pass('Subject confirmation', `bearer, Recipient = ACS, valid until ${attributeOf(data, 'NotOnOrAfter')}`)

  const conditions = childNamed(assertion, NS.assertion, 'Conditions')
  if (!conditions)
    return refuse(
      'Conditions',
      'SSO_CONDITIONS_MISSING',
      'The assertion has no Conditions (validity window and audience).',
      'Fix the IdP.',
    )
  seen.notBefore = attributeOf(conditions, 'NotBefore')
  seen.notOnOrAfter = attributeOf(conditions, 'NotOnOrAfter')
  const notBefore = seen.notBefore ? Date.parse(seen.notBefore) : Number.NEGATIVE_INFINITY
  const notOnOrAfter = seen.notOnOrAfter ? Date.parse(seen.notOnOrAfter) : Number.POSITIVE_INFINITY
  if (Number.isNaN(notBefore) || expect.now + expect.skewMs < notBefore)
    return refuse(
      'Validity window',
      'SSO_ASSERTION_NOT_YET_VALID',
      `The assertion is not valid before ${seen.notBefore}; the SP's clock says ${new Date(expect.now).toISOString()} (allowed skew ${expect.skewMs / 1000} s).`,
      "The IdP's clock runs ahead: fix the clocks (NTP), then sign in again.",
    )
  if (Number.isNaN(notOnOrAfter) || expect.now >= notOnOrAfter + expect.skewMs)
    return refuse(
      'Validity window',
      'SSO_ASSERTION_EXPIRED',
      `SAML Assertion Expired: it was valid until ${seen.notOnOrAfter}; the SP's clock says ${new Date(expect.now).toISOString()} (allowed skew ${expect.skewMs / 1000} s).`,
      'Check the clocks of the IdP and the SP (NTP), then sign in again.',
    )
  pass(
    'Validity window',
    `${seen.notBefore ?? '-'} to ${seen.notOnOrAfter ?? '-'} (skew ${expect.skewMs / 1000} s)`,
  )
  const audiences = childrenNamed(conditions, NS.assertion, 'AudienceRestriction').map((r) =>
    childrenNamed(r, NS.assertion, 'Audience').map((a) => textOf(a).trim()),
  )
  if (audiences.length === 0 || !audiences.every((list) => list.includes(expect.spEntityId)))
    return refuse(
      'Audience',
      'SSO_AUDIENCE_MISMATCH',
      `The assertion is for ${audiences.flat().join(', ') || '(no audience)'}, not for this Webex org (${expect.spEntityId}).`,
      `Set the Identifier (Entity ID) to ${expect.spEntityId} in ${FIX_ENTRA_SAML} > Basic SAML Configuration.`,
    )
  pass('Audience', expect.spEntityId)

  if (!nameId)
    return refuse(
      'NameID',
      'SSO_NAMEID_MISSING',
      'The assertion has no NameID value.',
      `Set the Unique User Identifier in ${FIX_ENTRA_SAML} > Attributes & Claims.`,
    )
  if (!ACCEPTED_NAMEID_FORMATS.has(nameIdFormat))
    return refuse(
      'NameID',
      'SSO_NAMEID_FORMAT',
      `Name Identifier format is incorrect: ${nameIdFormat}. Webex accepts transient, unspecified and emailAddress.`,
      `Choose the emailAddress name identifier format in ${FIX_ENTRA_SAML} > Attributes & Claims > Unique User Identifier.`,
    )
  pass('NameID', `${nameId} (${nameIdFormat.split(':').pop()})`)

  const assertionId = seen.assertionId
  if (!assertionId || expect.seenBefore(assertionId))
    return refuse(
      'Replay',
      'SSO_REPLAYED_ASSERTION',
      `The assertion ${assertionId} was already used to sign in.`,
      'Sign in again from the start; a SAML Response is good for one sign-in only.',
    )
  pass('Replay', 'first use of this assertion')

  const authn = childNamed(assertion, NS.assertion, 'AuthnStatement')
  const facts: AssertionFacts = {
    responseId: seen.responseId ?? '',
    assertionId,
    issuer: seen.issuer,
    inResponseTo,
    nameId,
    nameIdFormat,
    sessionIndex: authn ? attributeOf(authn, 'SessionIndex') : null,
    attributes: seen.attributes,
    issueInstant: seen.issueInstant ?? null,
    notBefore: seen.notBefore ?? null,
    notOnOrAfter: seen.notOnOrAfter ?? null,
    certificate: seen.certificate ?? null,
    replayUntil:
      Math.max(confirmationEnd, Number.isFinite(notOnOrAfter) ? notOnOrAfter : confirmationEnd) +
      expect.skewMs,
  }
  return ok({ facts, checks })
}

function readAttributes(assertion: Element): Record<string, string[]> {
  const attributes: Record<string, string[]> = {}
  for (const statement of childrenNamed(assertion, NS.assertion, 'AttributeStatement')) {
    for (const attribute of childrenNamed(statement, NS.assertion, 'Attribute')) {
      const name = attributeOf(attribute, 'Name')
      if (!name) continue
      const values = childrenNamed(attribute, NS.assertion, 'AttributeValue').map((v) => textOf(v))
      attributes[name] = [...(attributes[name] ?? []), ...values]
    }
  }
  return attributes
}
