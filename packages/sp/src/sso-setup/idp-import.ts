import {
  BINDING,
  type DeepReadonly,
  derToPem,
  ok,
  type Result,
  readEntityMetadata,
  summarizeCertificate,
} from '@sandbox/shared'
import { judgeSigningCertificate } from './idp-trust'
import { type SsoError, ssoError } from './sso-error'
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

/** Where each certificate refusal is fixed. */
function fixFor(code: string, missingIssuer: string | undefined): string {
  if (code === 'CHAIN_UNTRUSTED' && missingIssuer)
    return `Add the certificate of ${missingIssuer} to this org's trust store, then import the metadata again: a root CA (self-signed) with POST /api/v1/sso/trusted-roots {"pem": "…"}; an intermediate (issuing) CA with POST /api/v1/sso/intermediate-cas {"pem": "…"}, and its root too if that is not trusted yet. Or have the IdP sign with a certificate from a CA this org already trusts (sandbox: certificate kind "ca-issued").`
  if (code === 'CERT_SELF_SIGNED')
    return 'Either choose "Allow self-signed certificate in metadata (less secure)", or have Entra sign with a certificate issued by a CA this org trusts (sandbox: certificate kind "ca-issued"), then download its metadata again.'
  if (code === 'CERT_IS_TRUST_ANCHOR')
    return 'The signing certificate itself was added to the trust store, which does not make it CA-signed: remove it there (DELETE /api/v1/sso/trusted-roots/{thumbprint}), then either choose "Allow self-signed certificate in metadata (less secure)" or have Entra sign with a CA-issued certificate.'
  return 'Fix the certificate on the IdP (Entra > Single sign-on > SAML Certificates), download the metadata again and import it; or add its root CA to the trust store.'
}

const FIX_METADATA =
  'Download the Federation Metadata XML again from Entra (Single sign-on > SAML Certificates) and import that file.'

/**
 * Reads an IdP's metadata the way Control Hub's import does and judges every signing
 * certificate under the chosen trust mode. Nothing is returned (and so nothing stored) unless
 * every check passes; a refusal names the certificate and the reason.
 */
export function importIdpMetadata(input: ImportInput): Result<IdpTrust, SsoError> {
  const read = readEntityMetadata(input.xml)
  if (!read.ok) return ssoError(read.error.code, read.error.message, FIX_METADATA)
  const metadata = read.value
  const idp = metadata.idp
  if (!idp)
    return ssoError(
      'IDP_METADATA_NO_IDP_ROLE',
      `The metadata of ${metadata.entityId} has no IDPSSODescriptor: it describes a service provider, not an identity provider.`,
      'Import the IdP (Entra) metadata, not the Webex SP metadata.',
    )
  const signingKeys = idp.keys.filter((k) => k.use !== 'encryption' && k.certificates.length > 0)
  if (signingKeys.length === 0)
    return ssoError(
      'IDP_METADATA_NO_SIGNING_KEY',
      'The metadata has no signing certificate (KeyDescriptor use="signing"), so no assertion could be verified.',
      FIX_METADATA,
    )
  const ssoRedirect = idp.singleSignOnServices.find((s) => s.binding === BINDING.redirect)?.location ?? null
  const ssoPost = idp.singleSignOnServices.find((s) => s.binding === BINDING.post)?.location ?? null
  if (!ssoRedirect && !ssoPost)
    return ssoError(
      'IDP_METADATA_NO_SSO_SERVICE',
      'The metadata has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.',
      FIX_METADATA,
    )
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
      const modeName =
        input.trustMode === 'ca-signed'
          ? '"Require certificate signed by a certificate authority in Metadata"'
          : '"Allow self-signed certificate in metadata"'
      return ssoError(
        judged.error.code,
        `The signing certificate ${judged.error.certificate} was refused under ${modeName}: ${judged.error.reason}.`,
        fixFor(judged.error.code, judged.error.missingIssuer),
      )
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
