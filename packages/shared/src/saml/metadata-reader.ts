import { err, ok, type Result } from '../result'
import { attributeOf, childNamed, childrenNamed, textOf } from '../xml/dom'
import { METADATA_LIMITS, parseXml } from '../xml/parse'
import { NS } from './urns'

/** A `<KeyDescriptor>`: its use and the certificates of its X509Data, in document order. */
export interface KeyDescriptorInfo {
  /** A KeyDescriptor without `use` serves both purposes (SAML Metadata §2.4.1.1). */
  readonly use: 'signing' | 'encryption' | 'both'
  /** DER certificates; the first is the key's own, any others are offered chain certificates. */
  readonly certificates: readonly Buffer[]
}

/** An endpoint element (SingleSignOnService, AssertionConsumerService, …). */
export interface EndpointInfo {
  readonly binding: string
  readonly location: string
  readonly responseLocation: string | undefined
  /** For indexed endpoints (AssertionConsumerService). */
  readonly index: number | undefined
  readonly isDefault: boolean | undefined
}

/** The IdP role of an entity (IDPSSODescriptor). */
export interface IdpRoleInfo {
  readonly keys: readonly KeyDescriptorInfo[]
  readonly singleSignOnServices: readonly EndpointInfo[]
  readonly singleLogoutServices: readonly EndpointInfo[]
  readonly nameIdFormats: readonly string[]
  readonly wantAuthnRequestsSigned: boolean
}

/** The SP role of an entity (SPSSODescriptor). */
export interface SpRoleInfo {
  readonly keys: readonly KeyDescriptorInfo[]
  readonly assertionConsumerServices: readonly EndpointInfo[]
  readonly singleLogoutServices: readonly EndpointInfo[]
  readonly nameIdFormats: readonly string[]
  readonly authnRequestsSigned: boolean
  readonly wantAssertionsSigned: boolean
}

/** What a metadata document says about one entity. */
export interface EntityMetadata {
  readonly entityId: string
  /** The EntityDescriptor element, for callers that verify the metadata's own signature. */
  readonly element: Element
  /** True when the EntityDescriptor carries a direct `<Signature>` child. */
  readonly signed: boolean
  readonly idp: IdpRoleInfo | undefined
  readonly sp: SpRoleInfo | undefined
}

/** Why a metadata document was refused; the message names the problem and the fix. */
export interface MetadataError {
  readonly code:
    | 'METADATA_XML'
    | 'METADATA_NOT_ENTITY_DESCRIPTOR'
    | 'METADATA_MULTIPLE_ENTITIES'
    | 'METADATA_NO_ENTITY_ID'
    | 'METADATA_NO_SAML_ROLE'
    | 'METADATA_BAD_CERTIFICATE'
    | 'METADATA_BAD_ENDPOINT'
  readonly message: string
}

function fail(code: MetadataError['code'], message: string): Result<never, MetadataError> {
  return err({ code, message })
}

function readKeys(role: Element): Result<KeyDescriptorInfo[], MetadataError> {
  const keys: KeyDescriptorInfo[] = []
  for (const descriptor of childrenNamed(role, NS.metadata, 'KeyDescriptor')) {
    const use = attributeOf(descriptor, 'use')
    const keyInfo = childNamed(descriptor, NS.dsig, 'KeyInfo')
    const certificates: Buffer[] = []
    for (const data of keyInfo ? childrenNamed(keyInfo, NS.dsig, 'X509Data') : []) {
      for (const certificate of childrenNamed(data, NS.dsig, 'X509Certificate')) {
        const base64 = textOf(certificate).replace(/\s+/g, '')
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
          return fail('METADATA_BAD_CERTIFICATE', 'An X509Certificate in the metadata is not valid base64.')
        }
        certificates.push(Buffer.from(base64, 'base64'))
      }
    }
    if (certificates.length === 0) continue
    keys.push({ use: use === 'signing' || use === 'encryption' ? use : 'both', certificates })
  }
  return ok(keys)
}

function readEndpoints(role: Element, name: string): Result<EndpointInfo[], MetadataError> {
  const endpoints: EndpointInfo[] = []
  for (const element of childrenNamed(role, NS.metadata, name)) {
    const binding = attributeOf(element, 'Binding')
    const location = attributeOf(element, 'Location')
    if (!binding || !location) {
      return fail(
        'METADATA_BAD_ENDPOINT',
        `A ${name} in the metadata lacks its Binding or Location attribute.`,
      )
    }
    const index = attributeOf(element, 'index')
    const isDefault = attributeOf(element, 'isDefault')
    endpoints.push({
      binding,
      location: location.trim(),
      responseLocation: attributeOf(element, 'ResponseLocation') ?? undefined,
      index: index === null ? undefined : Number(index),
      isDefault: isDefault === null ? undefined : isDefault === 'true' || isDefault === '1',
    })
  }
  return ok(endpoints)
}

function nameIdFormats(role: Element): string[] {
  return childrenNamed(role, NS.metadata, 'NameIDFormat').map((e) => textOf(e).trim())
}

function flag(element: Element, name: string): boolean {
  const value = attributeOf(element, name)
  return value === 'true' || value === '1'
}

function readIdpRole(role: Element): Result<IdpRoleInfo, MetadataError> {
  const keys = readKeys(role)
  if (!keys.ok) return keys
  const sso = readEndpoints(role, 'SingleSignOnService')
  if (!sso.ok) return sso
  const slo = readEndpoints(role, 'SingleLogoutService')
  if (!slo.ok) return slo
  return ok({
    keys: keys.value,
    singleSignOnServices: sso.value,
    singleLogoutServices: slo.value,
    nameIdFormats: nameIdFormats(role),
    wantAuthnRequestsSigned: flag(role, 'WantAuthnRequestsSigned'),
  })
}

function readSpRole(role: Element): Result<SpRoleInfo, MetadataError> {
  const keys = readKeys(role)
  if (!keys.ok) return keys
  const acs = readEndpoints(role, 'AssertionConsumerService')
  if (!acs.ok) return acs
  const slo = readEndpoints(role, 'SingleLogoutService')
  if (!slo.ok) return slo
  return ok({
    keys: keys.value,
    assertionConsumerServices: acs.value,
    singleLogoutServices: slo.value,
    nameIdFormats: nameIdFormats(role),
    authnRequestsSigned: flag(role, 'AuthnRequestsSigned'),
    wantAssertionsSigned: flag(role, 'WantAssertionsSigned'),
  })
}

function entityDescriptorOf(doc: Document): Result<Element, MetadataError> {
  const root = doc.documentElement
  if (root.namespaceURI === NS.metadata && root.localName === 'EntityDescriptor') return ok(root)
  if (root.namespaceURI === NS.metadata && root.localName === 'EntitiesDescriptor') {
    const entities = childrenNamed(root, NS.metadata, 'EntityDescriptor')
    if (entities.length === 1) return ok(entities[0] as Element)
    return fail(
      'METADATA_MULTIPLE_ENTITIES',
      `The file describes ${entities.length} entities; upload the metadata of exactly one (one EntityDescriptor).`,
    )
  }
  return fail(
    'METADATA_NOT_ENTITY_DESCRIPTOR',
    `This is not SAML metadata: its root element is <${root.localName}>, not <EntityDescriptor> in ${NS.metadata}.`,
  )
}

/**
 * Reads SAML metadata from untrusted text: a BOM, any namespace prefixes, WS-Federation
 * RoleDescriptors and several keys or ACS entries are accepted; DOCTYPEs, oversized files,
 * several entities and documents without an IdP or SP role are refused with a message.
 */
export function readEntityMetadata(xml: string): Result<EntityMetadata, MetadataError> {
  const doc = parseXml(xml, METADATA_LIMITS)
  if (!doc.ok) return fail('METADATA_XML', doc.error.message)
  const entity = entityDescriptorOf(doc.value)
  if (!entity.ok) return entity
  const entityId = attributeOf(entity.value, 'entityID')?.trim()
  if (!entityId) return fail('METADATA_NO_ENTITY_ID', 'The EntityDescriptor has no entityID attribute.')
  const idpElement = childNamed(entity.value, NS.metadata, 'IDPSSODescriptor')
  const spElement = childNamed(entity.value, NS.metadata, 'SPSSODescriptor')
  if (!idpElement && !spElement) {
    return fail(
      'METADATA_NO_SAML_ROLE',
      'The metadata has neither an IDPSSODescriptor nor an SPSSODescriptor.',
    )
  }
  const idp = idpElement ? readIdpRole(idpElement) : ok(undefined)
  if (!idp.ok) return idp
  const sp = spElement ? readSpRole(spElement) : ok(undefined)
  if (!sp.ok) return sp
  return ok({
    entityId,
    element: entity.value,
    signed: childNamed(entity.value, NS.dsig, 'Signature') !== null,
    idp: idp.value,
    sp: sp.value,
  })
}
