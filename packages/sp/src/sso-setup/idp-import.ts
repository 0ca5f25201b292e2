import {
  BINDING,
  type DeepReadonly,
  derToPem,
  ok,
  type Result,
  readEntityMetadata,
  summarizeCertificate,
} from '@sandbox/shared'
import { fail, type SpError } from '../errors/catalogue'
import { judgeSigningCertificate } from './idp-trust'
import type { IdpTrust, TrustMode } from './sso-schema'

export interface ImportInput {
  readonly xml: string
  readonly trustMode: TrustMode
  readonly anchors: readonly Buffer[]
  /** The intermediate CAs the trust store knows (the sandbox issuing CA and added ones). */
  readonly intermediates: readonly Buffer[]
  readonly at: number
  readonly newId: string
}

/**
 * Reads an IdP's metadata the way Control Hub's import does and judges every signing
 * certificate under the chosen trust mode. Nothing is returned (and so nothing stored) unless
 * every check passes; a refusal names the certificate and the reason.
 */
export function importIdpMetadata(input: ImportInput): Result<IdpTrust, SpError> {
  const read = readEntityMetadata(input.xml)
  if (!read.ok) return fail(read.error.code, { detail: read.error.message })
  const metadata = read.value
  const idp = metadata.idp
  if (!idp) return fail('IDP_METADATA_NO_IDP_ROLE', { entityId: metadata.entityId })
  const signingKeys = idp.keys.filter((k) => k.use !== 'encryption' && k.certificates.length > 0)
  if (signingKeys.length === 0) return fail('IDP_METADATA_NO_SIGNING_KEY')
  const ssoRedirect = idp.singleSignOnServices.find((s) => s.binding === BINDING.redirect)?.location ?? null
  const ssoPost = idp.singleSignOnServices.find((s) => s.binding === BINDING.post)?.location ?? null
  if (!ssoRedirect && !ssoPost) return fail('IDP_METADATA_NO_SSO_SERVICE')
  const signing = signingKeys.map((k) => k.certificates[0] as Buffer)
  const chain = idp.keys.flatMap((k) => k.certificates.slice(1))
  const unique = [...new Map(signing.map((der) => [der.toString('base64'), der])).values()]
  for (const der of unique) {
    const judged = judgeSigningCertificate(der, {
      mode: input.trustMode,
      anchors: input.anchors,
      intermediates: input.intermediates,
      chain,
      at: input.at,
    })
    if (!judged.ok) {
      const { code, certificate, reason, missingIssuer } = judged.error
      return fail(code, { certificate, reason, missingIssuer, when: 'import', trustMode: input.trustMode })
    }
  }
  const sloUrl = idp.singleLogoutServices.find((s) => s.binding === BINDING.redirect)?.location ?? null
  return ok({
    id: input.newId,
    entityId: metadata.entityId,
    ssoRedirectUrl: ssoRedirect,
    ssoPostUrl: ssoPost,
    sloUrl,
    signingCertificates: unique.map(derToPem),
    chainCertificates: chain.map(derToPem),
    wantAuthnRequestsSigned: idp.wantAuthnRequestsSigned,
    trustMode: input.trustMode,
    importedAt: new Date(input.at).toISOString(),
    metadataXml: input.xml,
  })
}

/** One line per signing certificate, as Control Hub lists them. */
export function describeCertificates(
  config: DeepReadonly<IdpTrust>,
): { subject: string; thumbprint: string; notAfter: string }[] {
  return config.signingCertificates.map((pem) => {
    const summary = summarizeCertificate(pem)
    return {
      subject: summary.subject,
      thumbprint: summary.thumbprint,
      notAfter: summary.notAfter.toISOString(),
    }
  })
}
