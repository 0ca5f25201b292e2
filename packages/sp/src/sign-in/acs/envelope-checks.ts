import { attributeOf, childNamed, NS, textOf } from '@sandbox/shared'
import { spError } from '../../errors/catalogue'
import { ENTRA_SAML } from '../../errors/fixes'
import { passed, refused } from '../check-pipeline'
import { onPostedXml } from './acs-facts'

// The Response around the assertion: its Issuer (when present), its Destination and its
// InResponseTo. They need nothing decrypted, so they run before any decryption: a Response that
// is not for this ACS, from this IdP and for this browser never reaches the decryptor.

export const responseIssuer = onPostedXml({
  name: 'Response issuer',
  checks: "When the Response names its Issuer, it is the imported IdP's entity ID.",
  codes: ['SSO_UNTRUSTED_ISSUER'],
  fix: 'Import the metadata of the IdP that signs the Responses.',
  reads: ['response'],
  run: ({ response }, expect) => {
    const issuer = childNamed(response.unverified, NS.assertion, 'Issuer')
    if (issuer && textOf(issuer) !== expect.idpEntityId)
      return refused(
        spError('SSO_UNTRUSTED_ISSUER', {
          of: 'Response',
          issuer: textOf(issuer),
          expected: expect.idpEntityId,
        }),
      )
    return passed(issuer ? expect.idpEntityId : "(absent: the assertion's Issuer is checked)")
  },
})

export const destination = onPostedXml({
  name: 'Destination',
  checks: 'When the Response names its Destination, it is this ACS.',
  codes: ['SSO_DESTINATION_MISMATCH'],
  fix: `${ENTRA_SAML} > Basic SAML Configuration: the Reply URL is the ACS URL.`,
  reads: ['response'],
  run: ({ response }, expect) => {
    const value = attributeOf(response.unverified, 'Destination')
    if (value !== null && value !== expect.acsUrl)
      return refused(spError('SSO_DESTINATION_MISMATCH', { destination: value, acsUrl: expect.acsUrl }))
    return passed(value ?? '(absent: allowed for a signed assertion)')
  },
})

export const inResponseTo = onPostedXml({
  name: 'InResponseTo',
  checks:
    'The Response answers a request this browser started, for this IdP trust, not yet answered and under 10 minutes old; or it is unsolicited and the org allows IdP-initiated sign-in. The request is looked up, not consumed: a refused Response leaves it in place.',
  codes: ['SSO_INRESPONSETO_MISMATCH', 'SSO_UNSOLICITED_RESPONSE'],
  fix: 'Start the sign-in from Webex (the Sign-on URL) and finish it in the same browser.',
  reads: ['response'],
  run: ({ response }, expect) => {
    const answers = attributeOf(response.unverified, 'InResponseTo')
    const { pending, browserId, idpTrustId, unsolicitedAllowed } = expect.request
    if (answers === null)
      return unsolicitedAllowed
        ? passed('unsolicited (IdP-initiated), allowed', { answeredRequest: null })
        : refused(spError('SSO_UNSOLICITED_RESPONSE'))
    if (!pending || pending.requestId !== answers)
      return refused(
        spError('SSO_INRESPONSETO_MISMATCH', { reason: 'unknown-request', inResponseTo: answers }),
      )
    if (pending.browserId !== browserId)
      return refused(spError('SSO_INRESPONSETO_MISMATCH', { reason: 'other-browser', inResponseTo: answers }))
    if (pending.idpTrustId !== idpTrustId)
      return refused(spError('SSO_INRESPONSETO_MISMATCH', { reason: 'trust-changed' }))
    // The value is the pending request's own ID from here on, not the posted attribute.
    return passed(`answers this browser's request ${pending.requestId}`, {
      answeredRequest: pending.requestId,
    })
  },
})
