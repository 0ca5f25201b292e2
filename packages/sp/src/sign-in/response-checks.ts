import type { KeyObject } from 'node:crypto'
import {
  attributeOf,
  type CertificateRefusal,
  CONFIRMATION_METHOD_BEARER,
  childNamed,
  childrenNamed,
  decryptElement,
  descendantsNamed,
  elementChildren,
  err,
  NAMEID_FORMAT,
  NS,
  ok,
  parseXml,
  type Result,
  SAML_MESSAGE_LIMITS,
  STATUS,
  summarizeCertificate,
  type TrustedCertificate,
  textOf,
  type ValidatedChain,
  verifyEnvelopedSignature,
} from '@sandbox/shared'
import { signatureFailure } from './sign-in-errors'

/** One check the ACS made, as the session page and the sign-in client show it. */
export interface Check {
  readonly name: string
  readonly passed: boolean
  readonly detail: string
}

/** A refusal: a stable code, what was wrong, the fix, and every check made up to it. */
export interface ResponseRefusal {
  readonly code: string
  readonly message: string
  readonly fix: string
  readonly checks: readonly Check[]
  /** What the IdP sent, when it could be read (the Test SSO page shows it even on failure). */
  readonly seen: Partial<AssertionFacts>
}

/** What a valid assertion says. */
export interface AssertionFacts {
  readonly responseId: string
  readonly assertionId: string
  readonly issuer: string
  readonly inResponseTo: string | null
  readonly nameId: string
  readonly nameIdFormat: string
  readonly sessionIndex: string | null
  readonly attributes: Readonly<Record<string, readonly string[]>>
  readonly issueInstant: string | null
  readonly notBefore: string | null
  readonly notOnOrAfter: string | null
  readonly certificate: { readonly subject: string; readonly thumbprint: string } | null
  /** Until when the assertion ID must be remembered against replay. */
  readonly replayUntil: number
}

/** Everything the checks compare against; built per request from configuration parsed once. */
export interface ResponseExpectations {
  readonly spEntityId: string
  readonly acsUrl: string
  readonly idpEntityId: string
  readonly trusted: readonly TrustedCertificate[]
  /** Re-judges the certificate that verified the signature (validity, chain) at `now`. */
  readonly judgeCertificate: (pem: string) => Result<ValidatedChain, CertificateRefusal>
  readonly decryptionKey: KeyObject
  readonly now: number
  readonly skewMs: number
  readonly allowSha1: boolean
  /**
   * Is this InResponseTo one this browser is waiting for? null = unsolicited (IdP-initiated).
   * Looked up, not consumed: a refused Response leaves the pending request in place.
   */
  readonly checkInResponseTo: (
    inResponseTo: string | null,
  ) => { ok: true } | { ok: false; message: string; code: string; fix: string }
  readonly seenBefore: (assertionId: string) => boolean
}

/** NameID formats Webex accepts (research/real-formats.md §4). */
const ACCEPTED_NAMEID_FORMATS = new Set<string>([
  NAMEID_FORMAT.transient,
  NAMEID_FORMAT.unspecified,
  NAMEID_FORMAT.emailAddress,
])

const FIX_ENTRA_SAML = 'Entra admin center > Enterprise applications > Cisco Webex > Single sign-on'
const FIX_REIMPORT =
  'Download the Federation Metadata XML from Entra again and import it in Control Hub (Authentication > Modify), then test.'

/**
 * The ACS's checks, in the order a careful SP makes them (research/security.md §3 and §6):
 * parse with limits, one assertion, its signature under the strict profile with a trusted
 * certificate that is still valid, then issuer, Destination, status, subject confirmation,
 * InResponseTo, conditions and audience, NameID, replay. Nothing is trusted before the
 * signature is; every check is recorded for the person reading the result.
 */
/** A Response every check accepted, with the list of checks made. */
export interface AcceptedResponse {
  readonly facts: AssertionFacts
  readonly checks: readonly Check[]
}

export function checkSamlResponse(
  xml: string,
  expect: ResponseExpectations,
): Result<AcceptedResponse, ResponseRefusal> {
  const checks: Check[] = []
  const seen: { -readonly [K in keyof AssertionFacts]?: AssertionFacts[K] } = {}
  const pass = (name: string, detail: string) => checks.push({ name, passed: true, detail })
  const refuse = (name: string, code: string, message: string, fix: string) => {
    checks.push({ name, passed: false, detail: message })
    return err<ResponseRefusal>({ code, message, fix, checks, seen })
  }

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
  if (responseSigned) {
    const verified = verifyEnvelopedSignature(response, {
      trusted: expect.trusted,
      allowSha1: expect.allowSha1,
    })
    if (!verified.ok) {
      const failure = signatureFailure(verified.error, 'Response')
      return refuse('Response signature', failure.code, failure.message, failure.fix)
    }
    pass('Response signature', 'valid, by a certificate from the imported metadata')
  }
  const verified = verifyEnvelopedSignature(assertion, {
    trusted: expect.trusted,
    allowSha1: expect.allowSha1,
  })
  if (!verified.ok) {
    const failure = signatureFailure(verified.error, 'Assertion')
    return refuse('Assertion signature', failure.code, failure.message, failure.fix)
  }
  const certificatePem = `-----BEGIN CERTIFICATE-----\n${verified.value.certificate.der.toString('base64')}\n-----END CERTIFICATE-----\n`
  const summary = summarizeCertificate(verified.value.certificate.der)
  seen.certificate = { subject: summary.subject, thumbprint: summary.thumbprint }
  pass(
    'Assertion signature',
    `${verified.value.signatureAlgorithm.split('#').pop()} by ${summary.subject} (${summary.thumbprint})`,
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
  const responseIssuer = childNamed(response, NS.assertion, 'Issuer')
  if (responseIssuer && textOf(responseIssuer) !== expect.idpEntityId)
    return refuse(
      'Issuer',
      'SSO_UNTRUSTED_ISSUER',
      `The Response Issuer "${textOf(responseIssuer)}" is not the imported IdP.`,
      FIX_REIMPORT,
    )
  pass('Issuer', expect.idpEntityId)

  const destination = attributeOf(response, 'Destination')
  if (destination !== null && destination !== expect.acsUrl)
    return refuse(
      'Destination',
      'SSO_DESTINATION_MISMATCH',
      `The Response was addressed to ${destination}, not to this ACS (${expect.acsUrl}).`,
      `Set the Reply URL to ${expect.acsUrl} in ${FIX_ENTRA_SAML} > Basic SAML Configuration.`,
    )
  pass('Destination', destination ?? '(absent: allowed for a signed assertion)')

  const subject = childNamed(assertion, NS.assertion, 'Subject')
  const nameIdElement = subject ? childNamed(subject, NS.assertion, 'NameID') : null
  const nameId = nameIdElement ? textOf(nameIdElement).trim() : ''
  const nameIdFormat = (nameIdElement && attributeOf(nameIdElement, 'Format')) || NAMEID_FORMAT.unspecified
  seen.nameId = nameId
  seen.nameIdFormat = nameIdFormat
  seen.attributes = readAttributes(assertion)

  const inResponseTo = attributeOf(response, 'InResponseTo')
  seen.inResponseTo = inResponseTo
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

  const request = expect.checkInResponseTo(inResponseTo)
  if (!request.ok) return refuse('InResponseTo', request.code, request.message, request.fix)
  pass(
    'InResponseTo',
    inResponseTo ? `answers this browser's request ${inResponseTo}` : 'unsolicited (IdP-initiated), allowed',
  )

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
    responseId: seen.responseId,
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
