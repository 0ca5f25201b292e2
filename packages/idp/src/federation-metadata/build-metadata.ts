import {
  BINDING,
  entraIssuer,
  escapeXmlAttribute,
  escapeXmlText,
  METADATA_LIMITS,
  NS,
  parseXml,
  serializeXml,
  signEnveloped,
} from '@sandbox/shared'
import type { LoadedSigningKey } from '../certificates/signing-keys'
import { CLAIM_TYPES_OFFERED } from './claim-types-offered'

/** What a federation metadata document describes. */
export interface MetadataInput {
  readonly tenantId: string
  /** The IdP's public base URL; it stands where Entra has https://login.microsoftonline.com. */
  readonly baseUrl: string
  /** The EntityDescriptor ID (`_` + GUID). */
  readonly id: string
  /** Keys listed in every role (Entra lists each active key); the first also signs the document. */
  readonly keys: readonly LoadedSigningKey[]
}

/**
 * One KeyDescriptor per key, each with exactly one certificate, as in real Entra metadata.
 * An issuing CA is never added to the X509Data: several relying parties (pysaml2 among them)
 * keep only one certificate of an X509Data and would then verify with the CA's key.
 */
function keyDescriptors(keys: readonly LoadedSigningKey[]): string {
  return keys
    .map(
      (key) =>
        `<KeyDescriptor use="signing"><KeyInfo xmlns="${NS.dsig}"><X509Data><X509Certificate>${key.certificateBase64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>`,
    )
    .join('')
}

function endpointReference(address: string): string {
  return `<wsa:EndpointReference xmlns:wsa="${NS.wsAddressing}"><wsa:Address>${escapeXmlText(address)}</wsa:Address></wsa:EndpointReference>`
}

const ROLE_ATTRIBUTES = `protocolSupportEnumeration="${NS.wsFederation}" xmlns:xsi="${NS.xsi}" xmlns:fed="${NS.wsFederation}"`

/**
 * Builds Entra's federation metadata, in the structure of real Entra documents: a
 * signed EntityDescriptor with entityID `https://sts.windows.net/{tenantId}/`, the WS-Fed
 * SecurityTokenService and ApplicationService RoleDescriptors, and an IDPSSODescriptor with
 * Redirect SLO and Redirect + POST SSO at `/{tenantId}/saml2`, without NameIDFormat. Every
 * KeyDescriptor and the signature's KeyInfo carry the signing certificate alone, CA-issued or not.
 */
export function buildFederationMetadata(input: MetadataInput): string {
  const signer = input.keys[0]
  if (!signer) throw new Error('internal: federation metadata needs at least one key')
  const base = `${input.baseUrl.replace(/\/+$/, '')}/${input.tenantId}`
  const wsfed = `${base}/wsfed`
  const saml2 = escapeXmlAttribute(`${base}/saml2`)
  const keys = keyDescriptors(input.keys)
  const claimTypes = CLAIM_TYPES_OFFERED.map(
    ([uri, name, description]) =>
      `<auth:ClaimType Uri="${escapeXmlAttribute(uri)}" xmlns:auth="${NS.wsAuthorization}"><auth:DisplayName>${escapeXmlText(name)}</auth:DisplayName><auth:Description>${escapeXmlText(description)}</auth:Description></auth:ClaimType>`,
  ).join('')
  const xml =
    `<EntityDescriptor ID="${escapeXmlAttribute(input.id)}" entityID="${escapeXmlAttribute(entraIssuer(input.tenantId))}" xmlns="${NS.metadata}">` +
    `<RoleDescriptor xsi:type="fed:SecurityTokenServiceType" ${ROLE_ATTRIBUTES}>${keys}` +
    `<fed:ClaimTypesOffered>${claimTypes}</fed:ClaimTypesOffered>` +
    `<fed:SecurityTokenServiceEndpoint>${endpointReference(wsfed)}</fed:SecurityTokenServiceEndpoint>` +
    `<fed:PassiveRequestorEndpoint>${endpointReference(wsfed)}</fed:PassiveRequestorEndpoint></RoleDescriptor>` +
    `<RoleDescriptor xsi:type="fed:ApplicationServiceType" ${ROLE_ATTRIBUTES}>${keys}` +
    `<fed:TargetScopes>${endpointReference(entraIssuer(input.tenantId))}</fed:TargetScopes>` +
    `<fed:ApplicationServiceEndpoint>${endpointReference(wsfed)}</fed:ApplicationServiceEndpoint>` +
    `<fed:PassiveRequestorEndpoint>${endpointReference(wsfed)}</fed:PassiveRequestorEndpoint></RoleDescriptor>` +
    `<IDPSSODescriptor protocolSupportEnumeration="${NS.protocol}">${keys}` +
    `<SingleLogoutService Binding="${BINDING.redirect}" Location="${saml2}"/>` +
    `<SingleSignOnService Binding="${BINDING.redirect}" Location="${saml2}"/>` +
    `<SingleSignOnService Binding="${BINDING.post}" Location="${saml2}"/>` +
    '</IDPSSODescriptor></EntityDescriptor>'
  const parsed = parseXml(xml, METADATA_LIMITS)
  if (!parsed.ok) throw new Error(`internal: metadata template did not parse: ${parsed.error.message}`)
  const root = parsed.value.documentElement
  signEnveloped(root, null, signer.signingKey, 'rsa-sha256')
  return `<?xml version="1.0" encoding="utf-8"?>${serializeXml(parsed.value)}`
}
