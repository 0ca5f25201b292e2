import type { KeyObject } from 'node:crypto'
import {
  escapeXmlAttribute as a,
  BINDING,
  CONFIRMATION_METHOD_BEARER,
  certificateToDer,
  childNamed,
  encodeRedirectBinding,
  encryptElement,
  isoInstant,
  issueEntraStyleCertificate,
  issueLeafCertificate,
  NAMEID_FORMAT,
  NS,
  parseXml,
  type RsaKeyPair,
  type Runtime,
  SAML_MESSAGE_LIMITS,
  type SandboxCa,
  type SignatureAlgorithm,
  STATUS,
  serializeXml,
  signEnveloped,
  escapeXmlText as t,
} from '@sandbox/shared'

/** The IdP the test SP trusts: a stand-in for Entra that signs what a test tells it to. */
const TEST_IDP_ENTITY_ID = 'https://sts.windows.net/00000000-1111-2222-3333-444444444444/'
export const TEST_IDP_SSO_URL = 'https://login.microsoftonline.com/00000000-1111-2222-3333-444444444444/saml2'

/** What a test may change in a Response; everything defaults to what a correct Entra sends. */
export interface ResponseOptions {
  readonly inResponseTo?: string | null
  /** IssueInstant, and the base of the validity window (default: the runtime's clock). */
  readonly now?: number
  readonly issuer?: string
  readonly responseIssuer?: string
  readonly audience?: string
  /** null omits Destination. */
  readonly destination?: string | null
  readonly recipient?: string
  readonly notBefore?: number
  readonly notOnOrAfter?: number
  readonly confirmationNotOnOrAfter?: number
  readonly nameId?: string
  readonly nameIdFormat?: string
  readonly attributes?: Readonly<Record<string, string>>
  readonly status?: { readonly code: string; readonly message: string }
  readonly assertionId?: string
  readonly sessionIndex?: string
  readonly signAssertion?: boolean
  readonly signResponse?: boolean
  readonly algorithm?: SignatureAlgorithm
  /** Encrypts the assertion to this key (the SP's encryption certificate). */
  readonly encryptTo?: KeyObject
  /** Signs with another key/certificate than the one in the metadata. */
  readonly signer?: { readonly key: RsaKeyPair; readonly certificatePem: string }
  /** Omits Conditions entirely. */
  readonly withoutConditions?: boolean
  /** Adds a second assertion (unsigned) next to the first. */
  readonly extraAssertion?: boolean
}

/** A stand-in IdP: its certificate, metadata, and signed Responses and logout messages. */
export interface IdpSide {
  readonly entityId: string
  readonly certificatePem: string
  readonly key: RsaKeyPair
  /**
   * Federation metadata with the signing certificate alone (as Entra lists it); `chain` adds the
   * issuing CA certificate after it in the same X509Data, as some other IdPs do.
   */
  metadata(options?: { chain?: boolean; sloUrl?: string | null; certificatePem?: string }): string
  /** A Response (XML, not encoded) for the SP's ACS. */
  response(options?: ResponseOptions): string
  /** A signed Redirect-binding query for a LogoutRequest to the SP (IdP-initiated logout). */
  logoutRequestQuery(options: { destination: string; nameId: string; sessionIndex?: string }): string
}

let counter = 0
const nextId = (prefix: string) => `_${prefix}${Date.now().toString(16)}${(counter++).toString(16)}`

/** Builds the stand-in IdP for an SP (its entityID and ACS), with a CA-issued or self-signed certificate. */
export async function createIdpSide(
  runtime: Runtime,
  sp: { readonly entityId: string; readonly acsUrl: string },
  options: { certificate?: 'ca-issued' | 'self-signed'; ca?: SandboxCa; validityDays?: number } = {},
): Promise<IdpSide> {
  const key = await runtime.keys.take()
  const now = runtime.clock.now()
  const issued =
    options.certificate === 'self-signed'
      ? issueEntraStyleCertificate({ key, now })
      : issueLeafCertificate(options.ca ?? runtime.ca, {
          profile: 'saml-signing',
          commonName: 'Microsoft Azure Federated SSO Certificate',
          key,
          validityDays: options.validityDays ?? 365,
          now,
        })
  const base64 = (pem: string) => certificateToDer(pem)?.toString('base64') ?? ''
  const ca = options.ca ?? runtime.ca
  const side: IdpSide = {
    entityId: TEST_IDP_ENTITY_ID,
    certificatePem: issued.certificatePem,
    key,
    metadata(m = {}) {
      const certificates = [m.certificatePem ?? issued.certificatePem]
      if (m.chain) certificates.push(ca.intermediate.certificatePem)
      const slo = m.sloUrl === undefined ? TEST_IDP_SSO_URL : m.sloUrl
      return `\uFEFF<EntityDescriptor xmlns="${NS.metadata}" entityID="${a(TEST_IDP_ENTITY_ID)}"><IDPSSODescriptor protocolSupportEnumeration="${NS.protocol}"><KeyDescriptor use="signing"><KeyInfo xmlns="${NS.dsig}"><X509Data>${certificates.map((c) => `<X509Certificate>${base64(c)}</X509Certificate>`).join('')}</X509Data></KeyInfo></KeyDescriptor>${slo ? `<SingleLogoutService Binding="${BINDING.redirect}" Location="${a(slo)}"/>` : ''}<SingleSignOnService Binding="${BINDING.redirect}" Location="${TEST_IDP_SSO_URL}"/><SingleSignOnService Binding="${BINDING.post}" Location="${TEST_IDP_SSO_URL}"/></IDPSSODescriptor></EntityDescriptor>`
    },
    response(r = {}) {
      const at = r.now ?? runtime.clock.now()
      const later = at + 60 * 60_000
      const nameId = r.nameId ?? 'b.simon@contoso.com'
      const attributes = r.attributes ?? {
        uid: nameId,
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname': 'B.',
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname': 'Simon',
      }
      const inResponseTo = r.inResponseTo === undefined || r.inResponseTo === null ? null : r.inResponseTo
      const irt = inResponseTo === null ? '' : ` InResponseTo="${a(inResponseTo)}"`
      const assertionId = r.assertionId ?? nextId('a')
      const status = r.status ?? { code: STATUS.success, message: '' }
      const statusXml = `<samlp:Status><samlp:StatusCode Value="${a(status.code)}"/>${status.message ? `<samlp:StatusMessage>${t(status.message)}</samlp:StatusMessage>` : ''}</samlp:Status>`
      const conditions = r.withoutConditions
        ? ''
        : `<Conditions NotBefore="${isoInstant(r.notBefore ?? at - 5 * 60_000)}" NotOnOrAfter="${isoInstant(r.notOnOrAfter ?? later)}"><AudienceRestriction><Audience>${t(r.audience ?? sp.entityId)}</Audience></AudienceRestriction></Conditions>`
      const assertion = (id: string) =>
        `<Assertion xmlns="${NS.assertion}" ID="${id}" IssueInstant="${isoInstant(at)}" Version="2.0"><Issuer>${t(r.issuer ?? TEST_IDP_ENTITY_ID)}</Issuer><Subject><NameID Format="${a(r.nameIdFormat ?? NAMEID_FORMAT.emailAddress)}">${t(nameId)}</NameID><SubjectConfirmation Method="${CONFIRMATION_METHOD_BEARER}"><SubjectConfirmationData${irt} NotOnOrAfter="${isoInstant(r.confirmationNotOnOrAfter ?? later)}" Recipient="${a(r.recipient ?? sp.acsUrl)}"/></SubjectConfirmation></Subject>${conditions}<AttributeStatement>${Object.entries(
          attributes,
        )
          .map(
            ([name, value]) =>
              `<Attribute Name="${a(name)}"><AttributeValue>${t(value)}</AttributeValue></Attribute>`,
          )
          .join(
            '',
          )}</AttributeStatement><AuthnStatement AuthnInstant="${isoInstant(at)}" SessionIndex="${a(r.sessionIndex ?? `_s${assertionId}`)}"><AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</AuthnContextClassRef></AuthnContext></AuthnStatement></Assertion>`
      const destination = r.destination === null ? '' : ` Destination="${a(r.destination ?? sp.acsUrl)}"`
      const xml = `<samlp:Response xmlns:samlp="${NS.protocol}" ID="${nextId('r')}" Version="2.0" IssueInstant="${isoInstant(at)}"${destination}${irt}><Issuer xmlns="${NS.assertion}">${t(r.responseIssuer ?? r.issuer ?? TEST_IDP_ENTITY_ID)}</Issuer>${statusXml}${assertion(assertionId)}${r.extraAssertion ? assertion(nextId('x')) : ''}</samlp:Response>`
      const parsed = parseXml(xml, SAML_MESSAGE_LIMITS)
      if (!parsed.ok) throw new Error(`test Response did not parse: ${parsed.error.message}`)
      const response = parsed.value.documentElement
      const signer = r.signer ?? { key, certificatePem: issued.certificatePem }
      const signingKey = {
        privateKey: signer.key.privateKey,
        certificatesBase64: [base64(signer.certificatePem)],
      }
      const algorithm = r.algorithm ?? 'rsa-sha256'
      const assertionElement = childNamed(response, NS.assertion, 'Assertion') as Element
      if (r.signAssertion !== false)
        signEnveloped(
          assertionElement,
          childNamed(assertionElement, NS.assertion, 'Issuer'),
          signingKey,
          algorithm,
        )
      if (r.encryptTo) encryptElement(assertionElement, 'EncryptedAssertion', r.encryptTo, 'aes256-cbc')
      if (r.signResponse)
        signEnveloped(response, childNamed(response, NS.assertion, 'Issuer'), signingKey, algorithm)
      return serializeXml(parsed.value)
    },
    logoutRequestQuery(l) {
      const xml = `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${nextId('l')}" Version="2.0" IssueInstant="${isoInstant(runtime.clock.now())}" Destination="${a(l.destination)}"><saml:Issuer>${t(TEST_IDP_ENTITY_ID)}</saml:Issuer><saml:NameID Format="${NAMEID_FORMAT.emailAddress}">${t(l.nameId)}</saml:NameID>${l.sessionIndex ? `<samlp:SessionIndex>${t(l.sessionIndex)}</samlp:SessionIndex>` : ''}</samlp:LogoutRequest>`
      return `?${encodeRedirectBinding({
        parameter: 'SAMLRequest',
        xml,
        signing: { privateKey: key.privateKey, algorithm: 'rsa-sha256' },
      })}`
    },
  }
  return side
}
