import {
  attributeOf,
  childNamed,
  descendantsNamed,
  elementChildren,
  NS,
  parseXml,
  type Result,
  SAML_MESSAGE_LIMITS,
  STATUS,
  textOf,
  type VerifiedSignature,
  verifyEnvelopedSignature,
  type XmlParseError,
} from '@sandbox/shared'
import { checkAssertionContents } from './assertion-checks'
import { checkAssertionSignature, decryptAssertion } from './assertion-signature'
import {
  type AcceptedResponse,
  createCheckLog,
  FIX_ENTRA_SAML,
  type ResponseExpectations,
  type ResponseRefusal,
} from './check-log'
import { checkResponseEnvelope } from './envelope-checks'
import { signatureFailure } from './sign-in-errors'

export type {
  AcceptedResponse,
  AssertionFacts,
  Check,
  ResponseExpectations,
  ResponseRefusal,
} from './check-log'

/** A posted Response, parsed once. */
export interface ReceivedResponse {
  readonly parsed: Result<Document, XmlParseError>
  /**
   * The InResponseTo the Response claims, read from the parsed root (null when absent or not a
   * Response). Unverified: it only picks the pending request (and so the IdP configuration) the
   * Response is judged against; the checks then verify it.
   */
  readonly claimedInResponseTo: string | null
}

/** Parses a decoded Response with the SAML message limits, once per request. */
export function receiveResponse(xml: string): ReceivedResponse {
  const parsed = parseXml(xml, SAML_MESSAGE_LIMITS)
  const root = parsed.ok ? parsed.value.documentElement : null
  const isResponse = root?.namespaceURI === NS.protocol && root.localName === 'Response'
  return { parsed, claimedInResponseTo: root && isResponse ? attributeOf(root, 'InResponseTo') : null }
}

/**
 * The ACS's checks, in the order a careful SP makes them (research/security.md §3 and §6):
 * parse with limits, status, one assertion, the Response's signature when present, the
 * Response's Issuer, Destination and InResponseTo, and only then decryption, the assertion's
 * signature under the strict profile with a trusted certificate that is still valid, its
 * issuer, subject confirmation, conditions and audience, NameID, replay. Nothing is trusted
 * before the signature is; every check is recorded for the person reading the result.
 */
export function checkSamlResponse(
  received: ReceivedResponse,
  expect: ResponseExpectations,
): Result<AcceptedResponse, ResponseRefusal> {
  const log = createCheckLog()
  const { pass, refuse, seen } = log

  const { parsed } = received
  if (!parsed.ok)
    return refuse(
      'XML',
      'SSO_MALFORMED_RESPONSE',
      parsed.error.message,
      'The IdP must post a well-formed SAML Response.',
    )
  const response = parsed.value.documentElement
  if (
    response.namespaceURI !== NS.protocol ||
    response.localName !== 'Response' ||
    attributeOf(response, 'Version') !== '2.0'
  )
    return refuse(
      'XML',
      'SSO_MALFORMED_RESPONSE',
      `Expected a SAML 2.0 <samlp:Response>, got <${response.nodeName}>.`,
      'Post a SAML 2.0 Response to the ACS.',
    )
  pass(
    'XML',
    'a well-formed SAML 2.0 Response, no DTD, no processing instruction, within size and depth limits',
  )
  seen.responseId = attributeOf(response, 'ID') ?? ''

  const statusCode = childNamed(
    childNamed(response, NS.protocol, 'Status') ?? response,
    NS.protocol,
    'StatusCode',
  )
  const status = statusCode ? attributeOf(statusCode, 'Value') : null
  if (status !== STATUS.success) {
    const statusMessage = childNamed(
      childNamed(response, NS.protocol, 'Status') ?? response,
      NS.protocol,
      'StatusMessage',
    )
    const inner = statusCode ? childNamed(statusCode, NS.protocol, 'StatusCode') : null
    return refuse(
      'Status',
      'SSO_IDP_ERROR',
      `The IdP answered ${status ?? '(no status)'}${inner ? ` / ${attributeOf(inner, 'Value')}` : ''}: ${statusMessage ? textOf(statusMessage) : 'no message'}`,
      `Read the IdP's message above (an AADSTS code names the cause); fix it in ${FIX_ENTRA_SAML}.`,
    )
  }
  pass('Status', 'Success')

  // Exactly one assertion, directly under the Response, and no other anywhere (XSW3-8).
  const direct = elementChildren(response).filter(
    (e) =>
      e.namespaceURI === NS.assertion &&
      (e.localName === 'Assertion' || e.localName === 'EncryptedAssertion'),
  )
  const everywhere =
    descendantsNamed(response, NS.assertion, 'Assertion').length +
    descendantsNamed(response, NS.assertion, 'EncryptedAssertion').length
  if (direct.length !== 1 || everywhere !== 1)
    return refuse(
      'One assertion',
      'SSO_ASSERTION_COUNT',
      `The Response must carry exactly one assertion directly under it; it carries ${everywhere} (${direct.length} direct).`,
      'A Response with extra or nested assertions is a signature-wrapping attempt or a broken IdP.',
    )

  const responseSigned = elementChildren(response).some(
    (e) => e.namespaceURI === NS.dsig && e.localName === 'Signature',
  )
  let signer: VerifiedSignature | null = null
  if (responseSigned) {
    const verified = verifyEnvelopedSignature(response, {
      trusted: expect.trusted,
      allowSha1: expect.allowSha1,
    })
    if (!verified.ok) {
      const failure = signatureFailure(verified.error, 'Response')
      return refuse('Response signature', failure.code, failure.message, failure.fix)
    }
    signer = verified.value
    pass('Response signature', 'valid, by a certificate from the imported metadata')
  }

  let assertion = direct[0] as Element
  const encrypted = assertion.localName === 'EncryptedAssertion'
  // A plaintext assertion's signature needs nothing decrypted: checked before the envelope.
  if (!encrypted) {
    const verified = checkAssertionSignature(assertion, signer, false, expect, log)
    if (!verified.ok) return verified
  }

  const envelope = checkResponseEnvelope(response, expect, log)
  if (!envelope.ok) return envelope

  if (encrypted) {
    // Without a verified Response signature around it the ciphertext is unauthenticated: until
    // the decrypted assertion's own signature verifies, every failure is the one refusal.
    const decrypted = decryptAssertion(assertion, expect, log)
    if (!decrypted.ok) return decrypted
    assertion = decrypted.value
    const verified = checkAssertionSignature(assertion, signer, true, expect, log)
    if (!verified.ok) return verified
  }

  return checkAssertionContents(assertion, envelope.value, expect, log)
}
