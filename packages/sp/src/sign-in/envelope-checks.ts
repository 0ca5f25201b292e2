import { attributeOf, childNamed, NS, ok, type Result, textOf } from '@sandbox/shared'
import {
  type CheckLog,
  FIX_ENTRA_SAML,
  FIX_REIMPORT,
  type ResponseExpectations,
  type ResponseRefusal,
} from './check-log'

/**
 * The checks of the Response around the assertion: its Issuer (when present), its Destination,
 * and its InResponseTo (a request this browser is waiting for, or an allowed unsolicited one).
 * They need nothing decrypted, so they run before any decryption: a Response that is not for
 * this ACS, from this IdP and for this browser never reaches the decryptor. Returns the
 * InResponseTo the Response answers.
 */
export function checkResponseEnvelope(
  response: Element,
  expect: ResponseExpectations,
  log: CheckLog,
): Result<string | null, ResponseRefusal> {
  const { pass, refuse, seen } = log
  const issuer = childNamed(response, NS.assertion, 'Issuer')
  if (issuer && textOf(issuer) !== expect.idpEntityId)
    return refuse(
      'Response issuer',
      'SSO_UNTRUSTED_ISSUER',
      `The Response Issuer "${textOf(issuer)}" is not the imported IdP "${expect.idpEntityId}".`,
      FIX_REIMPORT,
    )
  pass('Response issuer', issuer ? expect.idpEntityId : "(absent: the assertion's Issuer is checked)")

  const destination = attributeOf(response, 'Destination')
  if (destination !== null && destination !== expect.acsUrl)
    return refuse(
      'Destination',
      'SSO_DESTINATION_MISMATCH',
      `The Response was addressed to ${destination}, not to this ACS (${expect.acsUrl}).`,
      `Set the Reply URL to ${expect.acsUrl} in ${FIX_ENTRA_SAML} > Basic SAML Configuration.`,
    )
  pass('Destination', destination ?? '(absent: allowed for a signed assertion)')

  const inResponseTo = attributeOf(response, 'InResponseTo')
  seen.inResponseTo = inResponseTo
  const request = expect.checkInResponseTo(inResponseTo)
  if (!request.ok) return refuse('InResponseTo', request.code, request.message, request.fix)
  pass(
    'InResponseTo',
    inResponseTo ? `answers this browser's request ${inResponseTo}` : 'unsolicited (IdP-initiated), allowed',
  )
  return ok(inResponseTo)
}
