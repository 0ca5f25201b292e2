import {
  attributeOf,
  childNamed,
  decodePostBinding,
  descendantsNamed,
  elementChildren,
  err,
  NS,
  ok,
  parseXml,
  SAML_MESSAGE_LIMITS,
  STATUS,
  textOf,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import { spError } from '../../errors/catalogue'
import { passed, refused } from '../check-pipeline'
import { unverified } from '../unverified'
import { onPostedXml, type ReceivedResponse } from './acs-facts'
import { signatureFailure } from './signature-failure'

/** Decodes a posted SAMLResponse (HTTP-POST binding) and parses it with the SAML message limits, once per request. */
export function receiveResponse(samlResponse: string | undefined): ReceivedResponse {
  const decoded = decodePostBinding(samlResponse)
  if (!decoded.ok)
    return {
      parsed: err({ problem: 'encoding', detail: decoded.error.message }),
      claimedInResponseTo: unverified(null),
    }
  const parsed = parseXml(decoded.value, SAML_MESSAGE_LIMITS)
  if (!parsed.ok)
    return {
      parsed: err({ problem: 'xml', detail: parsed.error.message }),
      claimedInResponseTo: unverified(null),
    }
  const root = parsed.value.documentElement
  const isResponse = root.namespaceURI === NS.protocol && root.localName === 'Response'
  return {
    parsed: ok(unverified(parsed.value)),
    claimedInResponseTo: unverified(isResponse ? attributeOf(root, 'InResponseTo') : null),
  }
}

const isSignature = (e: Element): boolean => e.namespaceURI === NS.dsig && e.localName === 'Signature'

export const responseXml = onPostedXml({
  name: 'XML',
  checks:
    'The SAMLResponse field is base64 of well-formed SAML 2.0 <samlp:Response> XML: no DTD, no processing instruction, within size and depth limits.',
  codes: ['SSO_MALFORMED_RESPONSE'],
  fix: 'The IdP must post a base64-encoded, well-formed SAML 2.0 Response to the ACS.',
  reads: ['received'],
  run: ({ received }) => {
    if (!received.parsed.ok) return refused(spError('SSO_MALFORMED_RESPONSE', received.parsed.error))
    const response = received.parsed.value.unverified.documentElement
    if (
      response.namespaceURI !== NS.protocol ||
      response.localName !== 'Response' ||
      attributeOf(response, 'Version') !== '2.0'
    )
      return refused(
        spError('SSO_MALFORMED_RESPONSE', { problem: 'not-a-response', element: response.nodeName }),
      )
    return passed(
      'a well-formed SAML 2.0 Response, no DTD, no processing instruction, within size and depth limits',
      { response: unverified(response) },
    )
  },
})

export const idpStatus = onPostedXml({
  name: 'Status',
  checks: 'The IdP answered Success (otherwise its status and message say why it did not sign the user in).',
  codes: ['SSO_IDP_ERROR'],
  fix: 'Read the IdP status message; an AADSTS code names the cause on Entra.',
  reads: ['response'],
  run: ({ response }) => {
    const status = childNamed(response.unverified, NS.protocol, 'Status') ?? response.unverified
    const code = childNamed(status, NS.protocol, 'StatusCode')
    const value = code ? attributeOf(code, 'Value') : null
    if (value === STATUS.success) return passed('Success')
    const inner = code ? childNamed(code, NS.protocol, 'StatusCode') : null
    const message = childNamed(status, NS.protocol, 'StatusMessage')
    return refused(
      spError('SSO_IDP_ERROR', {
        status: value,
        subStatus: inner ? (attributeOf(inner, 'Value') ?? '') : null,
        statusMessage: message ? textOf(message) : null,
      }),
    )
  },
})

export const oneAssertion = onPostedXml({
  name: 'One assertion',
  checks:
    'Exactly one assertion, directly under the Response, and no other anywhere (signature wrapping puts a second one elsewhere).',
  codes: ['SSO_ASSERTION_COUNT'],
  fix: 'A Response with extra or nested assertions is a signature-wrapping attempt or a broken IdP.',
  reads: ['response'],
  run: ({ response }) => {
    const direct = elementChildren(response.unverified).filter(
      (e) =>
        e.namespaceURI === NS.assertion &&
        (e.localName === 'Assertion' || e.localName === 'EncryptedAssertion'),
    )
    const everywhere =
      descendantsNamed(response.unverified, NS.assertion, 'Assertion').length +
      descendantsNamed(response.unverified, NS.assertion, 'EncryptedAssertion').length
    const [assertion] = direct
    if (!assertion || direct.length !== 1 || everywhere !== 1)
      return refused(spError('SSO_ASSERTION_COUNT', { everywhere, direct: direct.length }))
    return passed(null, { postedAssertion: unverified(assertion) })
  },
})

export const responseSignature = onPostedXml({
  name: 'Response signature',
  checks:
    'When the Response is signed: its signature follows the SAML profile and verifies with a certificate of the imported metadata.',
  codes: [
    'SSO_INVALID_SIGNATURE',
    'SSO_UNTRUSTED_SIGNING_CERTIFICATE',
    'SSO_DEPRECATED_ALGORITHM',
    'SSO_UNSUPPORTED_ALGORITHM',
    'SSO_SIGNATURE_PROFILE',
  ],
  fix: 'Import the IdP metadata that holds the certificate the IdP signs with.',
  reads: ['response'],
  run: ({ response }, expect) => {
    if (!elementChildren(response.unverified).some(isSignature)) return passed(null, { responseSigner: null })
    const verified = verifyEnvelopedSignature(response.unverified, {
      trusted: expect.trusted,
      allowSha1: expect.allowSha1,
    })
    if (!verified.ok) return refused(signatureFailure(verified.error, 'Response'))
    return passed('valid, by a certificate from the imported metadata', { responseSigner: verified.value })
  },
})
