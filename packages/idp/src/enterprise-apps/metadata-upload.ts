import { BINDING, ok, type Result, readEntityMetadata } from '@sandbox/shared'
import { type AdminError, invalid } from '../errors/admin-error'
import type { EnterpriseApp, IdpState } from '../state/idp-state'
import { applyBasicSaml } from './basic-saml-config'

/** What an SP metadata upload filled in. */
export interface MetadataUploadResult {
  readonly entityId: string
  readonly replyUrls: readonly string[]
  readonly logoutUrl: string | null
  readonly signingCertificates: number
  readonly encryptionCertificate: boolean
}

function pemOf(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${(der.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`
}

/**
 * "Upload metadata file" (the Webex tutorial's way to fill Basic SAML Configuration): adds the SP's entityID as the default
 * Identifier and its HTTP-POST ACS endpoints as Reply URLs (index and default kept), fills an
 * empty Logout URL, and keeps the SP's signing and encryption certificates for later use (not
 * enabled). A BOM, any namespace prefixes and several ACS entries are fine; DOCTYPEs and files
 * over 1 MB are refused with a message.
 */
export function applySpMetadata(
  draft: IdpState,
  app: EnterpriseApp,
  xml: string,
): Result<MetadataUploadResult, AdminError> {
  const metadata = readEntityMetadata(xml)
  if (!metadata.ok)
    return invalid(`The metadata file could not be used: ${metadata.error.message}`, 'metadata')
  const sp = metadata.value.sp
  if (!sp)
    return invalid('The metadata file describes no service provider (it has no SPSSODescriptor).', 'metadata')
  const acs = sp.assertionConsumerServices.filter((e) => e.binding === BINDING.post)
  if (acs.length === 0) {
    return invalid(
      'The metadata has no AssertionConsumerService with the HTTP-POST binding, the only one Entra sends responses with.',
      'metadata',
    )
  }
  const defaultAcs =
    acs.find((e) => e.isDefault) ?? [...acs].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))[0]
  const identifiers = [
    ...app.application.identifierUris
      .filter((i) => i !== metadata.value.entityId)
      .map((value) => ({ value })),
    { value: metadata.value.entityId, isDefault: true },
  ]
  const kept = app.application.replyUrls.filter((r) => !acs.some((e) => e.location === r.url))
  const replyUrls = [
    ...kept.map((r) => ({
      ...r,
      isDefault: false,
      index: acs.some((e) => e.index === r.index) ? null : r.index,
    })),
    ...acs.map((e) => ({ url: e.location, index: e.index ?? null, isDefault: e === defaultAcs })),
  ]
  const slo =
    sp.singleLogoutServices.find((e) => e.binding === BINDING.redirect) ?? sp.singleLogoutServices[0]
  const applied = applyBasicSaml(draft, app, {
    identifiers,
    replyUrls,
    ...(slo && app.application.logoutUrl === null ? { logoutUrl: slo.location } : {}),
  })
  if (!applied.ok) return applied
  const signing = sp.keys
    .filter((k) => k.use !== 'encryption')
    .map((k) => k.certificates[0])
    .filter((c): c is Buffer => !!c)
  const encryption = sp.keys.find((k) => k.use === 'encryption')?.certificates[0]
  if (signing.length > 0) app.saml.requestVerification.certificates = signing.map(pemOf)
  if (encryption) app.saml.encryption.certificatePem = pemOf(encryption)
  return ok({
    entityId: metadata.value.entityId,
    replyUrls: acs.map((e) => e.location),
    logoutUrl: app.application.logoutUrl,
    signingCertificates: signing.length,
    encryptionCertificate: encryption !== undefined,
  })
}
