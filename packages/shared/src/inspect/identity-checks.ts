import { NAMEID_FORMAT, NS } from '../saml/urns'
import { attributeOf, childNamed, childrenNamed, textOf } from '../xml/dom'
import { failed, SCREEN, uidMissing } from './diagnoses'
import { NO_ASSERTION, pass, type ResponseCheck, skip } from './response-check'

/** NameID formats Webex accepts. */
const ACCEPTED_NAMEID_FORMATS: readonly string[] = [
  NAMEID_FORMAT.transient,
  NAMEID_FORMAT.unspecified,
  NAMEID_FORMAT.emailAddress,
]

/**
 * The ACS's checks of who the assertion is about: the NameID and its format, that the
 * assertion is used once, and the uid attribute that Webex finds the user by.
 */
export function identityChecks(): ResponseCheck[] {
  return [
    {
      name: 'NameID',
      codes: ['SSO_NAMEID_MISSING', 'SSO_NAMEID_FORMAT'],
      run: (r) => {
        if (!r.assertion) return NO_ASSERTION
        const subject = childNamed(r.assertion, NS.assertion, 'Subject')
        const nameId = subject ? childNamed(subject, NS.assertion, 'NameID') : null
        const value = nameId ? textOf(nameId).trim() : ''
        const format = (nameId && attributeOf(nameId, 'Format')) || NAMEID_FORMAT.unspecified
        if (!value)
          return failed(
            'SSO_NAMEID_MISSING',
            'The assertion has no NameID value',
            `${SCREEN.claims} > Unique User Identifier (Name ID): choose a source attribute (user.userprincipalname).`,
          )
        if (!ACCEPTED_NAMEID_FORMATS.includes(format))
          return failed(
            'SSO_NAMEID_FORMAT',
            `Name Identifier format is incorrect: the NameID's Format is ${format}, and Webex accepts transient, unspecified and emailAddress`,
            `${SCREEN.claims} > Unique User Identifier (Name ID) > Name identifier format: Email address.`,
          )
        return pass(`${value} (${format.split(':').pop()})`)
      },
    },
    {
      name: 'Replay',
      codes: ['SSO_REPLAYED_ASSERTION'],
      run: (r, { conversation }) => {
        if (!r.assertion) return NO_ASSERTION
        const id = attributeOf(r.assertion, 'ID') ?? ''
        if (!conversation)
          return skip('not judged: whether Webex saw this assertion before cannot be told from one message')
        const where = conversation.assertionsSeen.get(id)
        return where
          ? failed(
              'SSO_REPLAYED_ASSERTION',
              `The assertion ${id} was already posted (${where}): Webex accepts an assertion once`,
              'Sign in again from the start; a SAML Response is good for one sign-in only.',
            )
          : pass('first use of this assertion in the conversation')
      },
    },
    {
      name: 'uid attribute',
      codes: ['SSO_UID_MISSING'],
      run: (r, { context }) => {
        if (!r.assertion) return NO_ASSERTION
        if (context.policy.matchUserBy === 'nameid')
          return pass(`not needed: ${context.policy.label} find users by the NameID`)
        const attributes = childrenNamed(r.assertion, NS.assertion, 'AttributeStatement').flatMap((s) =>
          childrenNamed(s, NS.assertion, 'Attribute'),
        )
        const uid = attributes.find((a) => attributeOf(a, 'Name') === 'uid')
        const value = uid
          ? childrenNamed(uid, NS.assertion, 'AttributeValue').map((v) => textOf(v).trim())[0]
          : undefined
        return value
          ? pass(`uid = ${value} (the value Webex finds the user by)`)
          : uidMissing(attributes.map((a) => attributeOf(a, 'Name') ?? ''))
      },
    },
  ]
}
