import { BINDING, certificateToDer, escapeXmlAttribute, NAMEID_FORMAT, NS } from '@sandbox/shared'
import type { SpSnapshot } from '../state/sp-state'
import { type SpEntity, spEntityOf } from './sp-entity'

function keyDescriptor(use: 'signing' | 'encryption', pem: string): string {
  const base64 = certificateToDer(pem)?.toString('base64') ?? ''
  return `<md:KeyDescriptor use="${use}"><ds:KeyInfo xmlns:ds="${NS.dsig}"><ds:X509Data><ds:X509Certificate>${base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`
}

/**
 * The file Control Hub's "Download Metadata File" gives: the SPSSODescriptor with the Cisco SP
 * signing and encryption certificates, the three NameID formats Webex supports, the ACS
 * (HTTP-POST) and SLO endpoints, as in Webex's published SP metadata. Its AuthnRequestsSigned
 * flag follows the org's settings: what real Webex metadata says there could not be confirmed.
 */
function buildSpMetadata(state: SpSnapshot, entity: SpEntity): string {
  const a = escapeXmlAttribute
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="${NS.metadata}" entityID="${a(entity.entityId)}">`,
    `<md:SPSSODescriptor AuthnRequestsSigned="${state.sso.settings.signAuthnRequests}" WantAssertionsSigned="true" protocolSupportEnumeration="${NS.protocol}">`,
    keyDescriptor('signing', state.signingCertificate.certificatePem),
    keyDescriptor('encryption', state.encryptionCertificate.certificatePem),
    `<md:SingleLogoutService Binding="${BINDING.redirect}" Location="${a(entity.sloRedirectUrl)}"/>`,
    `<md:SingleLogoutService Binding="${BINDING.post}" Location="${a(entity.sloPostUrl)}"/>`,
    `<md:NameIDFormat>${NAMEID_FORMAT.transient}</md:NameIDFormat>`,
    `<md:NameIDFormat>${NAMEID_FORMAT.unspecified}</md:NameIDFormat>`,
    `<md:NameIDFormat>${NAMEID_FORMAT.emailAddress}</md:NameIDFormat>`,
    `<md:AssertionConsumerService Binding="${BINDING.post}" Location="${a(entity.acsUrl)}" index="0" isDefault="true"/>`,
    '</md:SPSSODescriptor>',
    '</md:EntityDescriptor>',
  ].join('')
}

/**
 * The metadata for the current state, built when the configuration changes rather than per
 * request: state snapshots are immutable, so the snapshot object is the cache key.
 */
export function createSpMetadataCache(baseUrl: string) {
  const cache = new WeakMap<SpSnapshot, string>()
  return (state: SpSnapshot): string => {
    let xml = cache.get(state)
    if (xml === undefined) {
      xml = buildSpMetadata(state, spEntityOf(state, baseUrl))
      cache.set(state, xml)
    }
    return xml
  }
}
