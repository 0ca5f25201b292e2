import {
  attributeOf,
  CONFIRMATION_METHOD_BEARER,
  childNamed,
  childrenNamed,
  NAMEID_FORMAT,
  NS,
  textOf,
} from '@sandbox/shared'
import { spError } from '../../errors/catalogue'
import { CHECK_CLOCKS, ENTRA_SAML } from '../../errors/fixes'
import { passed, refused } from '../check-pipeline'
import { onSignedAssertion } from './acs-facts'

// The checks of the signed, trusted assertion's contents: everything they read comes from the
// assertion whose signature verified (SignedAssertion), or from facts checks made before.

/** NameID formats Webex accepts: the three its SP metadata lists. */
const ACCEPTED_NAMEID_FORMATS = new Set<string>([
  NAMEID_FORMAT.transient,
  NAMEID_FORMAT.unspecified,
  NAMEID_FORMAT.emailAddress,
])

const iso = (ms: number): string => new Date(ms).toISOString()

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

export const assertionIssuer = onSignedAssertion({
  name: 'Issuer',
  checks: "The assertion's Issuer is the imported IdP. Only then is what it says about its subject shown.",
  codes: ['SSO_UNTRUSTED_ISSUER'],
  fix: 'Import the metadata of the IdP that issues the assertions.',
  reads: ['assertion'],
  run: ({ assertion }, expect) => {
    const element = assertion.element
    const issuerElement = childNamed(element, NS.assertion, 'Issuer')
    const issuer = issuerElement ? textOf(issuerElement) : ''
    const read = {
      issuer,
      assertionId: attributeOf(element, 'ID') ?? '',
      issueInstant: attributeOf(element, 'IssueInstant'),
    }
    if (issuer !== expect.idpEntityId)
      return refused(
        spError('SSO_UNTRUSTED_ISSUER', { of: 'assertion', issuer, expected: expect.idpEntityId }),
        {
          facts: read,
        },
      )
    const subject = childNamed(element, NS.assertion, 'Subject')
    const nameId = subject ? childNamed(subject, NS.assertion, 'NameID') : null
    const authn = childNamed(element, NS.assertion, 'AuthnStatement')
    return passed(expect.idpEntityId, {
      ...read,
      nameId: nameId ? textOf(nameId).trim() : '',
      nameIdFormat: (nameId && attributeOf(nameId, 'Format')) || NAMEID_FORMAT.unspecified,
      sessionIndex: authn ? attributeOf(authn, 'SessionIndex') : null,
      attributes: readAttributes(element),
    })
  },
})

export const subjectConfirmation = onSignedAssertion({
  name: 'Subject confirmation',
  checks:
    'A bearer SubjectConfirmation whose Recipient is this ACS, whose NotOnOrAfter has not passed (with the skew), and whose InResponseTo, when present, is the request the Response answers.',
  codes: [
    'SSO_SUBJECT_CONFIRMATION',
    'SSO_RECIPIENT_MISMATCH',
    'SSO_ASSERTION_EXPIRED',
    'SSO_INRESPONSETO_MISMATCH',
  ],
  fix: `${ENTRA_SAML} > Basic SAML Configuration: the Reply URL is the ACS URL; and the clocks agree.`,
  reads: ['assertion', 'answeredRequest'],
  run: ({ assertion, answeredRequest }, expect) => {
    const subject = childNamed(assertion.element, NS.assertion, 'Subject')
    const confirmation = subject
      ? childrenNamed(subject, NS.assertion, 'SubjectConfirmation').find(
          (c) => attributeOf(c, 'Method') === CONFIRMATION_METHOD_BEARER,
        )
      : undefined
    const data = confirmation ? childNamed(confirmation, NS.assertion, 'SubjectConfirmationData') : null
    if (!data) return refused(spError('SSO_SUBJECT_CONFIRMATION'))
    const recipient = attributeOf(data, 'Recipient')
    if (recipient !== expect.acsUrl)
      return refused(spError('SSO_RECIPIENT_MISMATCH', { recipient, acsUrl: expect.acsUrl }), {
        entry: 'Recipient',
      })
    const notOnOrAfter = attributeOf(data, 'NotOnOrAfter')
    const end = Date.parse(notOnOrAfter ?? '')
    if (!Number.isFinite(end) || expect.now >= end + expect.skewMs)
      return refused(
        spError('SSO_ASSERTION_EXPIRED', {
          window: 'confirmation',
          notOnOrAfter,
          skewSeconds: expect.skewMs / 1000,
        }),
      )
    const answers = attributeOf(data, 'InResponseTo')
    if (answers !== null && answers !== answeredRequest)
      return refused(spError('SSO_INRESPONSETO_MISMATCH', { reason: 'confirmation-differs' }), {
        entry: 'InResponseTo',
      })
    return passed(`bearer, Recipient = ACS, valid until ${notOnOrAfter}`, { confirmationEnd: end })
  },
})

export const conditions = onSignedAssertion({
  name: 'Conditions',
  checks: 'The assertion carries Conditions (its validity window and audience).',
  codes: ['SSO_CONDITIONS_MISSING'],
  fix: 'The IdP must send Conditions with NotBefore, NotOnOrAfter and an AudienceRestriction.',
  reads: ['assertion'],
  run: ({ assertion }) => {
    const element = childNamed(assertion.element, NS.assertion, 'Conditions')
    if (!element) return refused(spError('SSO_CONDITIONS_MISSING'))
    return passed(null, {
      notBefore: attributeOf(element, 'NotBefore'),
      notOnOrAfter: attributeOf(element, 'NotOnOrAfter'),
    })
  },
})

export const validityWindow = onSignedAssertion({
  name: 'Validity window',
  checks: "The SP's clock is within NotBefore and NotOnOrAfter, give or take the allowed skew.",
  codes: ['SSO_ASSERTION_NOT_YET_VALID', 'SSO_ASSERTION_EXPIRED'],
  fix: CHECK_CLOCKS,
  reads: ['notBefore', 'notOnOrAfter'],
  run: ({ notBefore, notOnOrAfter }, expect) => {
    const from = notBefore ? Date.parse(notBefore) : Number.NEGATIVE_INFINITY
    const until = notOnOrAfter ? Date.parse(notOnOrAfter) : Number.POSITIVE_INFINITY
    const skewSeconds = expect.skewMs / 1000
    if (Number.isNaN(from) || expect.now + expect.skewMs < from)
      return refused(
        spError('SSO_ASSERTION_NOT_YET_VALID', {
          notBefore: notBefore ?? '',
          now: iso(expect.now),
          skewSeconds,
        }),
      )
    if (Number.isNaN(until) || expect.now >= until + expect.skewMs)
      return refused(
        spError('SSO_ASSERTION_EXPIRED', {
          window: 'conditions',
          notOnOrAfter: notOnOrAfter ?? '',
          now: iso(expect.now),
          skewSeconds,
        }),
      )
    return passed(`${notBefore ?? '-'} to ${notOnOrAfter ?? '-'} (skew ${skewSeconds} s)`, {
      validUntil: until,
    })
  },
})

export const audience = onSignedAssertion({
  name: 'Audience',
  checks: "Every AudienceRestriction names this org's entity ID.",
  codes: ['SSO_AUDIENCE_MISMATCH'],
  fix: `${ENTRA_SAML} > Basic SAML Configuration: the Identifier (Entity ID) is the SP entity ID.`,
  reads: ['assertion'],
  run: ({ assertion }, expect) => {
    const element = childNamed(assertion.element, NS.assertion, 'Conditions')
    const audiences = (element ? childrenNamed(element, NS.assertion, 'AudienceRestriction') : []).map((r) =>
      childrenNamed(r, NS.assertion, 'Audience').map((a) => textOf(a).trim()),
    )
    if (audiences.length === 0 || !audiences.every((list) => list.includes(expect.spEntityId)))
      return refused(
        spError('SSO_AUDIENCE_MISMATCH', { audiences: audiences.flat(), spEntityId: expect.spEntityId }),
      )
    return passed(expect.spEntityId)
  },
})

export const nameIdCheck = onSignedAssertion({
  name: 'NameID',
  checks: 'The assertion has a NameID, in a format Webex accepts (transient, unspecified, emailAddress).',
  codes: ['SSO_NAMEID_MISSING', 'SSO_NAMEID_FORMAT'],
  fix: `${ENTRA_SAML} > Attributes & Claims > Unique User Identifier.`,
  reads: ['nameId', 'nameIdFormat'],
  run: ({ nameId, nameIdFormat }) => {
    if (!nameId) return refused(spError('SSO_NAMEID_MISSING'))
    if (!ACCEPTED_NAMEID_FORMATS.has(nameIdFormat))
      return refused(spError('SSO_NAMEID_FORMAT', { format: nameIdFormat }))
    return passed(`${nameId} (${nameIdFormat.split(':').pop()})`)
  },
})

export const replay = onSignedAssertion({
  name: 'Replay',
  checks: 'The assertion ID was not used to sign in before (IDs are kept until the assertion expires).',
  codes: ['SSO_REPLAYED_ASSERTION'],
  fix: 'Sign in again from the start; a SAML Response is good for one sign-in only.',
  reads: ['assertionId', 'confirmationEnd', 'validUntil'],
  run: ({ assertionId, confirmationEnd, validUntil }, expect) => {
    if (!assertionId || expect.seenBefore(assertionId))
      return refused(spError('SSO_REPLAYED_ASSERTION', { assertionId }))
    const until = Number.isFinite(validUntil) ? validUntil : confirmationEnd
    return passed('first use of this assertion', {
      replayUntil: Math.max(confirmationEnd, until) + expect.skewMs,
    })
  },
})
