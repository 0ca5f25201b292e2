import { type DeepReadonly, entraIssuer } from '@sandbox/shared'
import { certificateStatus, effectiveSigningCertificate } from '../certificates/certificate-status'
import { effectiveClaims } from '../claims/effective-claims'
import type { DeepState } from '../state/deep-state'
import type { EnterpriseApp } from '../state/idp-state'

/**
 * The "Set up single sign-on with SAML" page of one app, as data: the five numbered sections
 * of the portal (Basic SAML Configuration, Attributes & Claims, SAML Certificates, Set up
 * {app}, Test) plus the sandbox's settings. The sandbox API returns it; the admin center will
 * render it.
 */
export function samlSummary(
  state: DeepState,
  app: DeepReadonly<EnterpriseApp>,
  baseUrl: string,
  now: number,
) {
  const tenantId = state.tenant.id
  const sp = app.servicePrincipal
  const active = effectiveSigningCertificate(app, now)
  const claims = effectiveClaims(state, app)
  return {
    servicePrincipalId: sp.id,
    appId: app.application.appId,
    applicationObjectId: app.application.id,
    displayName: sp.displayName,
    applicationTemplateId: sp.applicationTemplateId,
    preferredSingleSignOnMode: sp.preferredSingleSignOnMode,
    basicSamlConfiguration: {
      identifiers: app.application.identifierUris.map((value) => ({
        value,
        isDefault: value === app.application.defaultIdentifier,
      })),
      replyUrls: app.application.replyUrls.map((r) => ({ ...r })),
      signOnUrl: sp.loginUrl,
      relayState: sp.relayState,
      logoutUrl: app.application.logoutUrl,
    },
    attributesAndClaims: {
      origin: claims.origin,
      claimsMappingPolicyId: sp.claimsMappingPolicyId,
      nameId: app.saml.nameId,
      claims: app.saml.claims,
    },
    samlCertificates: {
      certificates: app.saml.certificates.map((c) => ({
        thumbprint: c.thumbprint,
        status: certificateStatus(c, sp.preferredTokenSigningKeyThumbprint, now),
        kind: c.kind,
        displayName: c.displayName,
        startDateTime: c.startDateTime,
        expiration: c.endDateTime,
      })),
      signingThumbprint: active?.thumbprint ?? state.tenantSigningCertificate.thumbprint,
      usesTenantKey: active === null,
      notificationEmailAddresses: sp.notificationEmailAddresses,
      signingOption: app.saml.signingOption,
      signingAlgorithm: app.saml.signingAlgorithm,
      appFederationMetadataUrl: `${baseUrl}/${tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${app.application.appId}`,
      requestVerification: {
        required: app.saml.requestVerification.required,
        certificates: app.saml.requestVerification.certificates.length,
        allowSha1: app.saml.requestVerification.allowSha1,
      },
      tokenEncryption: {
        enabled: app.saml.encryption.enabled,
        hasCertificate: app.saml.encryption.certificatePem !== null,
        method: app.saml.encryption.method,
      },
    },
    setUp: {
      loginUrl: `${baseUrl}/${tenantId}/saml2`,
      microsoftEntraIdentifier: entraIssuer(tenantId),
      logoutUrl: `${baseUrl}/${tenantId}/saml2`,
    },
    test: { url: `${baseUrl}/sandbox/applications/${sp.id}/test` },
    timing: app.saml.timing,
    properties: {
      appRoleAssignmentRequired: sp.appRoleAssignmentRequired,
      visibleToUsers: sp.visibleToUsers,
      accountEnabled: sp.accountEnabled,
    },
  }
}

/** The summary's type. */
export type SamlSummary = ReturnType<typeof samlSummary>
