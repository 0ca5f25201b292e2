import type { KeyObject } from 'node:crypto'
import { testKeys } from '../../../../test/support/test-runtime'
import { isoInstant } from '../clock'
import type { TrustedSigner } from '../inspect/context'
import { signerFromDer } from '../inspect/context-sources'
import { certificateToDer } from '../pki/certificate'
import { issueEntraStyleCertificate } from '../pki/certificate-authority'
import type { RsaKeyPair } from '../pki/keys'
import { CONFIRMATION_METHOD_BEARER, NAMEID_FORMAT, NS, STATUS } from '../saml/urns'
import { childNamed } from '../xml/dom'
import { encryptElement } from '../xml/encryption'
import { escapeXmlAttribute as a, escapeXmlText as t } from '../xml/escape'
import { parseXml, SAML_MESSAGE_LIMITS } from '../xml/parse'
import { serializeXml } from '../xml/serialize'
import { type SignatureAlgorithm, signEnveloped } from '../xml/signature'

/**
 * SAML messages for the inspector's tests, in Entra's and Webex's shapes, signed with test keys:
 * everything defaults to a correct sign-in at {@link T0}; each option breaks one thing.
 */

/** The instant the default messages are issued at. */
export const T0 = Date.parse('2026-03-01T12:00:00.000Z')
export const SP = {
  entityId: 'https://idbroker.webex.com/11111111-2222-3333-4444-555555555555',
  acsUrl: 'https://idbroker.webex.com/idb/Consumer/metaAlias/11111111-2222-3333-4444-555555555555/sp',
} as const
export const IDP = {
  entityId: 'https://sts.windows.net/00000000-1111-2222-3333-444444444444/',
  ssoUrl: 'https://login.microsoftonline.com/00000000-1111-2222-3333-444444444444/saml2',
} as const

/** A key with its Entra-style self-signed certificate. */
export interface TestSigner {
  readonly key: RsaKeyPair
  readonly certificatePem: string
  readonly base64: string
  readonly trusted: TrustedSigner
}

function signerFor(key: RsaKeyPair): TestSigner {
  const issued = issueEntraStyleCertificate({ key, now: T0 - 30 * 86_400_000 })
  const der = certificateToDer(issued.certificatePem) as Buffer
  return {
    key,
    certificatePem: issued.certificatePem,
    base64: der.toString('base64'),
    trusted: signerFromDer(der) as TrustedSigner,
  }
}

/** The IdP's signer, another (rolled-over or foreign) signer, the SP's signer, and the SP's encryption key. */
export async function testSigners(): Promise<{
  idp: TestSigner
  other: TestSigner
  sp: TestSigner
  encryption: RsaKeyPair
}> {
  const keys = await testKeys()
  return {
    idp: signerFor(keys[2] as RsaKeyPair),
    other: signerFor(keys[3] as RsaKeyPair),
    sp: signerFor(keys[4] as RsaKeyPair),
    encryption: keys[5] as RsaKeyPair,
  }
}

export interface ResponseOptions {
  readonly now?: number
  readonly inResponseTo?: string | null
  readonly issuer?: string
  readonly audience?: string
  readonly destination?: string | null
  readonly recipient?: string
  readonly notBefore?: number
  readonly notOnOrAfter?: number
  readonly nameId?: string
  readonly nameIdFormat?: string
  readonly attributes?: Readonly<Record<string, string>>
  readonly status?: string
  readonly assertionId?: string
  readonly signAssertion?: boolean
  readonly signResponse?: boolean
  readonly algorithm?: SignatureAlgorithm
  readonly encryptTo?: KeyObject
  /** Changes the signed NameID after signing (a digest mismatch). */
  readonly tamperNameId?: string
}

const MINUTE = 60_000

/** A Response in Entra's shape (unsigned Response, signed Assertion), as XML text. */
export function buildResponse(signer: TestSigner, r: ResponseOptions = {}): string {
  const at = r.now ?? T0
  const irt = r.inResponseTo === null ? '' : ` InResponseTo="${a(r.inResponseTo ?? '_request-1')}"`
  const nameId = r.nameId ?? 'b.simon@contoso.com'
  const attributes = r.attributes ?? {
    uid: nameId,
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname': 'B.',
  }
  const end = isoInstant(r.notOnOrAfter ?? at + 60 * MINUTE)
  const assertion =
    `<Assertion xmlns="${NS.assertion}" ID="${r.assertionId ?? '_assertion-1'}" IssueInstant="${isoInstant(at)}" Version="2.0">` +
    `<Issuer>${t(r.issuer ?? IDP.entityId)}</Issuer><Subject><NameID Format="${a(r.nameIdFormat ?? NAMEID_FORMAT.emailAddress)}">${t(nameId)}</NameID>` +
    `<SubjectConfirmation Method="${CONFIRMATION_METHOD_BEARER}"><SubjectConfirmationData${irt} NotOnOrAfter="${end}" Recipient="${a(r.recipient ?? SP.acsUrl)}"/></SubjectConfirmation></Subject>` +
    `<Conditions NotBefore="${isoInstant(r.notBefore ?? at - 5 * MINUTE)}" NotOnOrAfter="${end}"><AudienceRestriction><Audience>${t(r.audience ?? SP.entityId)}</Audience></AudienceRestriction></Conditions>` +
    `<AttributeStatement>${Object.entries(attributes)
      .map(
        ([name, value]) =>
          `<Attribute Name="${a(name)}"><AttributeValue>${t(value)}</AttributeValue></Attribute>`,
      )
      .join('')}</AttributeStatement>` +
    `<AuthnStatement AuthnInstant="${isoInstant(at)}" SessionIndex="_s1"><AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</AuthnContextClassRef></AuthnContext></AuthnStatement></Assertion>`
  const destination = r.destination === null ? '' : ` Destination="${a(r.destination ?? SP.acsUrl)}"`
  const xml =
    `<samlp:Response xmlns:samlp="${NS.protocol}" ID="_response-1" Version="2.0" IssueInstant="${isoInstant(at)}"${destination}${irt}>` +
    `<Issuer xmlns="${NS.assertion}">${t(r.issuer ?? IDP.entityId)}</Issuer><samlp:Status><samlp:StatusCode Value="${a(r.status ?? STATUS.success)}"/></samlp:Status>${assertion}</samlp:Response>`
  const parsed = parseXml(xml, SAML_MESSAGE_LIMITS)
  if (!parsed.ok) throw new Error(`test Response did not parse: ${parsed.error.message}`)
  const response = parsed.value.documentElement
  const element = childNamed(response, NS.assertion, 'Assertion') as Element
  const key = { privateKey: signer.key.privateKey, certificatesBase64: [signer.base64] }
  const algorithm = r.algorithm ?? 'rsa-sha256'
  if (r.signAssertion !== false)
    signEnveloped(element, childNamed(element, NS.assertion, 'Issuer'), key, algorithm)
  if (r.tamperNameId !== undefined) {
    const name = childNamed(
      childNamed(element, NS.assertion, 'Subject') as Element,
      NS.assertion,
      'NameID',
    ) as Element
    ;(name.firstChild as Text).data = r.tamperNameId
  }
  if (r.encryptTo) encryptElement(element, 'EncryptedAssertion', r.encryptTo, 'aes256-gcm')
  if (r.signResponse) signEnveloped(response, childNamed(response, NS.assertion, 'Issuer'), key, algorithm)
  return serializeXml(parsed.value)
}

/** An AuthnRequest in Webex's shape. */
export function buildAuthnRequest(
  r: { id?: string; issuer?: string; acsUrl?: string; nameIdFormat?: string } = {},
): string {
  return (
    `<samlp:AuthnRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${r.id ?? '_request-1'}" Version="2.0" IssueInstant="${isoInstant(T0)}" Destination="${IDP.ssoUrl}" AssertionConsumerServiceURL="${a(r.acsUrl ?? SP.acsUrl)}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">` +
    `<saml:Issuer>${t(r.issuer ?? SP.entityId)}</saml:Issuer><samlp:NameIDPolicy Format="${a(r.nameIdFormat ?? NAMEID_FORMAT.emailAddress)}" AllowCreate="true"/></samlp:AuthnRequest>`
  )
}

export function buildLogoutRequest(issuer: string = SP.entityId): string {
  return (
    `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_logout-1" Version="2.0" IssueInstant="${isoInstant(T0)}" Destination="${IDP.ssoUrl}">` +
    `<saml:Issuer>${t(issuer)}</saml:Issuer><saml:NameID Format="${NAMEID_FORMAT.emailAddress}">b.simon@contoso.com</saml:NameID><samlp:SessionIndex>_s1</samlp:SessionIndex></samlp:LogoutRequest>`
  )
}

export function buildLogoutResponse(status: string = STATUS.success): string {
  return (
    `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_logout-answer-1" Version="2.0" IssueInstant="${isoInstant(T0)}" Destination="${SP.acsUrl}" InResponseTo="_logout-1">` +
    `<saml:Issuer>${t(IDP.entityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${a(status)}"/></samlp:Status></samlp:LogoutResponse>`
  )
}

/** Entra-shaped IdP metadata for `signer`, signed by it when `sign` is set. */
export function buildIdpMetadata(signer: TestSigner, sign = true): string {
  const xml =
    `<EntityDescriptor xmlns="${NS.metadata}" ID="_metadata-1" entityID="${IDP.entityId}"><IDPSSODescriptor protocolSupportEnumeration="${NS.protocol}">` +
    `<KeyDescriptor use="signing"><KeyInfo xmlns="${NS.dsig}"><X509Data><X509Certificate>${signer.base64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>` +
    `<SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${IDP.ssoUrl}"/></IDPSSODescriptor></EntityDescriptor>`
  if (!sign) return xml
  const parsed = parseXml(xml, SAML_MESSAGE_LIMITS)
  if (!parsed.ok) throw new Error(parsed.error.message)
  signEnveloped(
    parsed.value.documentElement,
    null,
    { privateKey: signer.key.privateKey, certificatesBase64: [signer.base64] },
    'rsa-sha256',
  )
  return serializeXml(parsed.value)
}

/** Webex-shaped SP metadata. */
export function buildSpMetadata(signer: TestSigner): string {
  return (
    `<EntityDescriptor xmlns="${NS.metadata}" entityID="${SP.entityId}"><SPSSODescriptor protocolSupportEnumeration="${NS.protocol}">` +
    `<KeyDescriptor use="signing"><KeyInfo xmlns="${NS.dsig}"><X509Data><X509Certificate>${signer.base64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>` +
    `<AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${SP.acsUrl}" index="0"/></SPSSODescriptor></EntityDescriptor>`
  )
}
