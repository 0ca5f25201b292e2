import type { KeyObject } from 'node:crypto'
import {
  AUTHN_CONTEXT,
  escapeXmlAttribute as attr,
  CONFIRMATION_METHOD_BEARER,
  childNamed,
  type DataEncryption,
  encryptElement,
  isoInstant,
  NS,
  parseXml,
  SAML_MESSAGE_LIMITS,
  STATUS,
  serializeXml,
  signEnveloped,
  escapeXmlText as text,
} from '@sandbox/shared'
import type { LoadedSigningKey } from '../certificates/signing-keys'
import type { IssuedNameId, TokenAttribute } from '../claims/token-claims'
import type { SigningAlgorithmChoice, SigningOption, TokenTiming } from '../state/idp-state'

/** Everything the assertion says. */
export interface AssertionContent {
  readonly issuer: string
  readonly responseId: string
  readonly assertionId: string
  /** Issuance time (ms): IssueInstant, and the base of NotBefore / NotOnOrAfter. */
  readonly now: number
  /** The reply URL the Response is POSTed to: Destination and Recipient. */
  readonly destination: string
  /** The SubjectConfirmationData Recipient when it is not `destination` (a fault preset). */
  readonly recipient?: string
  /** The AuthnRequest ID; null for an IdP-initiated (unsolicited) response. */
  readonly inResponseTo: string | null
  readonly audience: string
  readonly nameId: IssuedNameId
  readonly attributes: readonly TokenAttribute[]
  /** When the user signed in to the IdP session (AuthnInstant), not when this response was made. */
  readonly authnInstant: number
  readonly timing: TokenTiming
}

/** How the response is protected. */
export interface ResponseProtection {
  readonly signingOption: SigningOption
  readonly algorithm: SigningAlgorithmChoice
  readonly key: LoadedSigningKey
  readonly encryption: {
    readonly publicKey: KeyObject
    readonly method: DataEncryption
    /** Content key, IV and OAEP seed source (default: random); seeded in the deterministic mode. */
    readonly bytes?: ((size: number) => Buffer) | undefined
  } | null
  /** Fault presets: sign nothing, or corrupt every SignatureValue once it is made. */
  readonly fault?: 'unsigned' | 'corrupt-signatures'
}

/** Flips one byte in the middle of an element's SignatureValue: still base64, no longer a valid signature. */
function corruptSignature(signed: Element): void {
  const signature = childNamed(signed, NS.dsig, 'Signature')
  const value = signature ? childNamed(signature, NS.dsig, 'SignatureValue') : null
  if (!value) throw new Error('internal: the signed element has no SignatureValue')
  const bytes = Buffer.from(value.textContent ?? '', 'base64')
  const middle = Math.floor(bytes.length / 2)
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff
  value.textContent = bytes.toString('base64')
}

function attributeStatement(attributes: readonly TokenAttribute[]): string {
  if (attributes.length === 0) return ''
  const body = attributes
    .map(
      (a) =>
        `<Attribute Name="${attr(a.name)}">${a.values.map((v) => `<AttributeValue>${text(v)}</AttributeValue>`).join('')}</Attribute>`,
    )
    .join('')
  return `<AttributeStatement>${body}</AttributeStatement>`
}

/** The unsigned Response in Entra's exact shape (the tercen fixture): prefixes, attribute order, element order. */
function responseTemplate(content: AssertionContent): string {
  const instant = isoInstant(content.now)
  const notBefore = isoInstant(content.now - content.timing.notBeforeSkewSeconds * 1000)
  const notOnOrAfter = isoInstant(content.now + content.timing.conditionsLifetimeSeconds * 1000)
  const confirmationEnd = isoInstant(content.now + content.timing.subjectConfirmationLifetimeSeconds * 1000)
  const inResponseTo = content.inResponseTo === null ? '' : ` InResponseTo="${attr(content.inResponseTo)}"`
  const issuer = text(content.issuer)
  const qualifier =
    content.nameId.spNameQualifier === null
      ? ''
      : ` SPNameQualifier="${attr(content.nameId.spNameQualifier)}"`
  return (
    `<samlp:Response ID="${attr(content.responseId)}" Version="2.0" IssueInstant="${instant}" Destination="${attr(content.destination)}"${inResponseTo} xmlns:samlp="${NS.protocol}">` +
    `<Issuer xmlns="${NS.assertion}">${issuer}</Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${STATUS.success}"/></samlp:Status>` +
    `<Assertion ID="${attr(content.assertionId)}" IssueInstant="${instant}" Version="2.0" xmlns="${NS.assertion}">` +
    `<Issuer>${issuer}</Issuer>` +
    `<Subject><NameID Format="${attr(content.nameId.format)}"${qualifier}>${text(content.nameId.value)}</NameID>` +
    `<SubjectConfirmation Method="${CONFIRMATION_METHOD_BEARER}"><SubjectConfirmationData${inResponseTo} NotOnOrAfter="${confirmationEnd}" Recipient="${attr(content.recipient ?? content.destination)}"/></SubjectConfirmation></Subject>` +
    `<Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><AudienceRestriction><Audience>${text(content.audience)}</Audience></AudienceRestriction></Conditions>` +
    attributeStatement(content.attributes) +
    `<AuthnStatement AuthnInstant="${isoInstant(content.authnInstant)}" SessionIndex="${attr(content.assertionId)}"><AuthnContext><AuthnContextClassRef>${AUTHN_CONTEXT.password}</AuthnContextClassRef></AuthnContext></AuthnStatement>` +
    '</Assertion></samlp:Response>'
  )
}

/**
 * Builds the SAML Response Entra posts: from the template (every value escaped), parsed once,
 * then signed as configured (assertion first, then the response, so that the response signature
 * covers the signed assertion) and, when token encryption is on, with the signed assertion
 * replaced by an EncryptedAssertion.
 */
export function buildSamlResponse(content: AssertionContent, protection: ResponseProtection): string {
  const parsed = parseXml(responseTemplate(content), SAML_MESSAGE_LIMITS)
  if (!parsed.ok) throw new Error(`internal: response template did not parse: ${parsed.error.message}`)
  const response = parsed.value.documentElement
  const assertion = childNamed(response, NS.assertion, 'Assertion') as Element
  const { signingOption, algorithm, key } = protection
  const sign = (element: Element): void => {
    if (protection.fault === 'unsigned') return
    signEnveloped(element, childNamed(element, NS.assertion, 'Issuer'), key.signingKey, algorithm)
    if (protection.fault === 'corrupt-signatures') corruptSignature(element)
  }
  if (signingOption === 'assertion' || signingOption === 'both') sign(assertion)
  if (protection.encryption) {
    encryptElement(
      assertion,
      'EncryptedAssertion',
      protection.encryption.publicKey,
      protection.encryption.method,
      protection.encryption.bytes,
    )
  }
  if (signingOption === 'response' || signingOption === 'both') sign(response)
  return serializeXml(parsed.value)
}
