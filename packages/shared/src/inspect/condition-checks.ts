import { NS } from '../saml/urns'
import { attributeOf, childNamed, childrenNamed, textOf } from '../xml/dom'
import { audienceMismatch, expired, failed, notYetValid } from './diagnoses'
import { humanDuration, relativeTime } from './durations'
import { confirmationDataOf, NO_ASSERTION, pass, type ResponseCheck, skip } from './response-check'

/**
 * The ACS's checks of when and for whom the assertion holds: the subject confirmation's
 * NotOnOrAfter, its InResponseTo, the Conditions' window (with the org's allowed clock skew
 * either side) and the Audience. Times are judged at the context's instant.
 */
export function conditionChecks(): ResponseCheck[] {
  return [
    {
      name: 'Confirmation window',
      codes: ['SSO_ASSERTION_EXPIRED'],
      run: (r, { context }) => {
        if (!r.assertion) return NO_ASSERTION
        const data = confirmationDataOf(r.assertion)
        if (!data) return skip('not judged: no SubjectConfirmationData')
        const value = attributeOf(data, 'NotOnOrAfter')
        const end = Date.parse(value ?? '')
        if (!value || !Number.isFinite(end))
          return failed(
            'SSO_ASSERTION_EXPIRED',
            `The SubjectConfirmationData has ${value ? `an unreadable NotOnOrAfter (${value})` : 'no NotOnOrAfter'}: Webex treats the assertion as expired`,
            'Entra always sends one: this assertion was not made by Entra as is.',
          )
        const { at, policy } = context
        if (at >= end + policy.skewMs)
          return expired(
            "assertion's subject confirmation",
            'SubjectConfirmationData NotOnOrAfter',
            value,
            at,
            policy.skewMs,
          )
        return pass(`valid until ${value} (${relativeTime(end, at)})`)
      },
    },
    {
      name: 'InResponseTo (assertion)',
      codes: ['SSO_INRESPONSETO_MISMATCH'],
      run: (r) => {
        if (!r.assertion || !r.response) return NO_ASSERTION
        const data = confirmationDataOf(r.assertion)
        const inAssertion = data ? attributeOf(data, 'InResponseTo') : null
        const inResponse = attributeOf(r.response, 'InResponseTo')
        if (inAssertion === null)
          return pass("absent from the SubjectConfirmationData (the Response's is checked)")
        if (inAssertion === inResponse) return pass(`${inAssertion}, the same as the Response's`)
        return failed(
          'SSO_INRESPONSETO_MISMATCH',
          `The Response answers ${inResponse ?? 'no request'} but its assertion's SubjectConfirmationData answers ${inAssertion}: a Response answers one AuthnRequest`,
          'This assertion was taken from another Response: sign in again from the start.',
        )
      },
    },
    {
      name: 'Conditions',
      codes: ['SSO_CONDITIONS_MISSING'],
      run: (r) => {
        if (!r.assertion) return NO_ASSERTION
        return childNamed(r.assertion, NS.assertion, 'Conditions')
          ? pass('present')
          : failed(
              'SSO_CONDITIONS_MISSING',
              'The assertion has no Conditions, so no validity window and no Audience: Webex refuses it',
              'Entra always sends Conditions: this assertion was not made by Entra as is.',
            )
      },
    },
    {
      name: 'Validity window',
      codes: ['SSO_ASSERTION_NOT_YET_VALID', 'SSO_ASSERTION_EXPIRED'],
      run: (r, { context }) => {
        const conditions = r.assertion ? childNamed(r.assertion, NS.assertion, 'Conditions') : null
        if (!conditions) return r.assertion ? skip('not judged: no Conditions') : NO_ASSERTION
        const { at, policy } = context
        const notBefore = attributeOf(conditions, 'NotBefore')
        const notOnOrAfter = attributeOf(conditions, 'NotOnOrAfter')
        const start = notBefore === null ? Number.NEGATIVE_INFINITY : Date.parse(notBefore)
        const end = notOnOrAfter === null ? Number.POSITIVE_INFINITY : Date.parse(notOnOrAfter)
        if (Number.isNaN(start) || Number.isNaN(end))
          return failed(
            'SSO_ASSERTION_EXPIRED',
            `The Conditions carry an unreadable time (NotBefore ${notBefore ?? '-'}, NotOnOrAfter ${notOnOrAfter ?? '-'}): Webex treats the assertion as invalid`,
            'Times must be ISO 8601 UTC instants, as Entra sends them.',
          )
        if (notBefore !== null && at + policy.skewMs < start) return notYetValid(notBefore, at, policy.skewMs)
        if (notOnOrAfter !== null && at >= end + policy.skewMs)
          return expired('assertion', 'NotOnOrAfter', notOnOrAfter, at, policy.skewMs)
        const left = Number.isFinite(end) ? `, ${humanDuration(end - at)} left` : ''
        return pass(
          `${notBefore ?? '-'} to ${notOnOrAfter ?? '-'} (judged at ${new Date(at).toISOString()}, allowed skew ${humanDuration(policy.skewMs)}${left})`,
        )
      },
    },
    {
      name: 'Audience',
      codes: ['SSO_AUDIENCE_MISMATCH'],
      run: (r, { context }) => {
        const conditions = r.assertion ? childNamed(r.assertion, NS.assertion, 'Conditions') : null
        if (!conditions) return r.assertion ? skip('not judged: no Conditions') : NO_ASSERTION
        const restrictions = childrenNamed(conditions, NS.assertion, 'AudienceRestriction').map(
          (restriction) => childrenNamed(restriction, NS.assertion, 'Audience').map((a) => textOf(a).trim()),
        )
        const found = restrictions.flat()
        if (!context.spEntityId)
          return found.length === 0
            ? failed(
                'SSO_AUDIENCE_MISMATCH',
                'The assertion has no Audience: Webex accepts only an assertion addressed to its entityID',
                "Set Identifier (Entity ID) on Entra's Basic SAML Configuration.",
              )
            : skip(
                `not judged: ${found.join(', ')}; the Webex entityID is not known (give --sp-metadata or --org)`,
              )
        // Every AudienceRestriction must name the SP (SAML Core §2.5.1.4).
        const want = context.spEntityId.value
        if (restrictions.length > 0 && restrictions.every((list) => list.includes(want))) return pass(want)
        return audienceMismatch(found, context.spEntityId)
      },
    },
  ]
}
