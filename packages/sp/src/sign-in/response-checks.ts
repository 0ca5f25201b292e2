import {
  attributeOf,
  childNamed,
  decryptElement,
  descendantsNamed,
  elementChildren,
  NS,
  parseXml,
  type Result,
  SAML_MESSAGE_LIMITS,
  STATUS,
  summarizeCertificate,
  textOf,
  type VerifiedSignature,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import { checkAssertionContents } from './assertion-checks'
import {
  type AcceptedResponse,
  createCheckLog,
  FIX_ENTRA_SAML,
  FIX_REIMPORT,
  type ResponseExpectations,
  type ResponseRefusal,
} from './check-log'
import { signatureFailure } from './sign-in-errors'

export type {
  AcceptedResponse,
  AssertionFacts,
  Check,
  ResponseExpectations,
  ResponseRefusal,
} from './check-log'

/**
 * The ACS's checks, in the order a careful SP makes them (research/security.md §3 and §6):
 * parse with limits, one assertion, its signature under the strict profile with a trusted
 * certificate that is still valid, then issuer, Destination, status, subject confirmation,
 * InResponseTo, conditions and audience, NameID, replay. Nothing is trusted before the
 * signature is; every check is recorded for the person reading the result.
 */
export function checkSamlResponse(
  xml: string,
  expect: ResponseExpectations,
): Result<AcceptedResponse, ResponseRefusal> {
  const log = createCheckLog()
  const { pass, refuse, seen } = log

  const parsed = parseXml(xml, SAML_MESSAGE_LIMITS)
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
  pass('XML', 'a well-formed SAML 2.0 Response, no DTD, within size and depth limits')
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
  let assertion = direct[0] as Element
  if (assertion.localName === 'EncryptedAssertion') {
    const decrypted = decryptElement(assertion, expect.decryptionKey)
    if (!decrypted.ok)
      return refuse(
        'Decryption',
        'SSO_DECRYPTION_FAILED',
        `The encrypted assertion could not be decrypted: ${decrypted.error.message}`,
        `Upload the current Webex metadata file to Entra (its encryption certificate), or turn token encryption off in ${FIX_ENTRA_SAML}.`,
      )
    const inner = decrypted.value
    if (
      inner.namespaceURI !== NS.assertion ||
      inner.localName !== 'Assertion' ||
      descendantsNamed(inner, NS.assertion, 'Assertion').length > 0
    )
      return refuse(
        'Decryption',
        'SSO_ASSERTION_COUNT',
        'The encrypted content is not exactly one Assertion.',
        'Fix the IdP.',
      )
    assertion = inner
    pass('Decryption', 'the assertion was encrypted to the Webex encryption certificate')
  }

  // The assertion's own signature: Webex wants the assertion signed.
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
  const assertionSigned = elementChildren(assertion).some(
    (e) => e.namespaceURI === NS.dsig && e.localName === 'Signature',
  )
  if (!assertionSigned && signer && !expect.requireAssertionSignature) {
    pass(
      'Assertion signature',
      'unsigned, covered by the Response signature (allowed: requireAssertionSignature is off)',
    )
  } else {
    const verified = verifyEnvelopedSignature(assertion, {
      trusted: expect.trusted,
      allowSha1: expect.allowSha1,
    })
    if (!verified.ok) {
      const failure = signatureFailure(verified.error, 'Assertion')
      if (verified.error.code === 'SIGNATURE_MISSING' && signer)
        return refuse(
          'Assertion signature',
          'SSO_ASSERTION_UNSIGNED',
          'SAML assertion is unsigned: only the Response is signed, and Webex needs the assertion itself signed.',
          'Entra > Cisco Webex > Single sign-on > SAML Certificates > Signing Option: "Sign SAML assertion" or "Sign SAML response and assertion" (or turn requireAssertionSignature off in the SSO settings).',
        )
      return refuse('Assertion signature', failure.code, failure.message, failure.fix)
    }
    signer = verified.value
  }
  const certificatePem = `-----BEGIN CERTIFICATE-----\n${signer.certificate.der.toString('base64')}\n-----END CERTIFICATE-----\n`
  const summary = summarizeCertificate(signer.certificate.der)
  seen.certificate = { subject: summary.subject, thumbprint: summary.thumbprint }
  if (assertionSigned || expect.requireAssertionSignature)
    pass(
      'Assertion signature',
      `${signer.signatureAlgorithm.split('#').pop()} by ${summary.subject} (${summary.thumbprint})`,
    )

  const judged = expect.judgeCertificate(certificatePem)
  if (!judged.ok)
    return refuse(
      'Certificate trust',
      judged.error.code,
      `The IdP signing certificate ${judged.error.certificate} is no longer acceptable: ${judged.error.reason}.`,
      `Renew the certificate on Entra (SAML Certificates), then ${FIX_REIMPORT.charAt(0).toLowerCase()}${FIX_REIMPORT.slice(1)}`,
    )
  pass('Certificate trust', 'valid now, and trusted under the configured mode')

  return checkAssertionContents(assertion, response, expect, log)
}
