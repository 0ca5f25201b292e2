import type { DeepReadonly } from '@sandbox/shared'
import type { NamedAssignment } from '../enterprise-apps/assignment-service'
import type { AppRole, EnterpriseApp, SigningCertificate } from '../state/idp-state'
import type { GraphObject } from './directory-projections'

type App = DeepReadonly<EnterpriseApp>

function graphAppRole(role: DeepReadonly<AppRole>): GraphObject {
  return {
    allowedMemberTypes: [...role.allowedMemberTypes],
    description: role.description,
    displayName: role.displayName,
    id: role.id,
    isEnabled: true,
    origin: 'Application',
    value: role.value,
  }
}

/** `customKeyIdentifier`: the certificate thumbprint's bytes, base64 (as addTokenSigningCertificate shows). */
export function customKeyIdentifier(thumbprint: string): string {
  return Buffer.from(thumbprint, 'hex').toString('base64')
}

/** The public part of a signing certificate (`selfSignedCertificate`, the addTokenSigningCertificate answer). */
export function graphSelfSignedCertificate(certificate: DeepReadonly<SigningCertificate>): GraphObject {
  return {
    customKeyIdentifier: customKeyIdentifier(certificate.thumbprint),
    displayName: certificate.displayName,
    endDateTime: certificate.endDateTime,
    key: certificate.certificatePem.replace(/-----[^-]+-----|\s/g, ''),
    keyId: certificate.keyId,
    startDateTime: certificate.startDateTime,
    thumbprint: certificate.thumbprint,
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
  }
}

function keyCredentials(app: App): GraphObject[] {
  return app.saml.certificates.flatMap((c) => {
    const common = {
      customKeyIdentifier: customKeyIdentifier(c.thumbprint),
      displayName: c.displayName,
      endDateTime: c.endDateTime,
      key: null,
      startDateTime: c.startDateTime,
    }
    return [
      { ...common, keyId: c.signKeyId, type: 'X509CertAndPassword', usage: 'Sign' },
      { ...common, keyId: c.keyId, type: 'AsymmetricX509Cert', usage: 'Verify' },
    ]
  })
}

/**
 * The password that opens each signing certificate's private key (PFX), as Graph lists it on the
 * service principal: same customKeyIdentifier and dates as the key pair, the Sign key's keyId.
 */
function passwordCredentials(app: App): GraphObject[] {
  return app.saml.certificates.map((c) => ({
    customKeyIdentifier: customKeyIdentifier(c.thumbprint),
    displayName: c.displayName,
    endDateTime: c.endDateTime,
    hint: null,
    keyId: c.signKeyId,
    secretText: null,
    startDateTime: c.startDateTime,
  }))
}

/** The app registration (Graph `application`). */
export function graphApplication(app: App): GraphObject {
  const registration = app.application
  return {
    id: registration.id,
    deletedDateTime: null,
    appId: registration.appId,
    applicationTemplateId: app.servicePrincipal.applicationTemplateId,
    createdDateTime: registration.createdDateTime,
    displayName: registration.displayName,
    groupMembershipClaims: null,
    identifierUris: [...registration.identifierUris],
    signInAudience: 'AzureADMyOrg',
    tags: [],
    defaultRedirectUri: null,
    appRoles: app.servicePrincipal.appRoles.map(graphAppRole),
    keyCredentials: [],
    passwordCredentials: [],
    publicClient: { redirectUris: [] },
    web: {
      homePageUrl: null,
      logoutUrl: registration.logoutUrl,
      redirectUris: registration.replyUrls.map((r) => r.url),
      redirectUriSettings: registration.replyUrls.map((r) => ({ uri: r.url, index: r.index })),
      implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
    },
  }
}

/** The enterprise application (Graph `servicePrincipal`) of the tenant `tenantId`. */
export function graphServicePrincipal(app: App, tenantId: string): GraphObject {
  const sp = app.servicePrincipal
  const tags = ['WindowsAzureActiveDirectoryIntegratedApp']
  if (sp.preferredSingleSignOnMode === 'saml')
    tags.push('WindowsAzureActiveDirectoryCustomSingleSignOnApplication')
  if (!sp.visibleToUsers) tags.push('HideApp')
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: sp.accountEnabled,
    appId: sp.appId,
    applicationTemplateId: sp.applicationTemplateId,
    appDisplayName: app.application.displayName,
    appOwnerOrganizationId: tenantId,
    appRoleAssignmentRequired: sp.appRoleAssignmentRequired,
    displayName: sp.displayName,
    homepage: null,
    loginUrl: sp.loginUrl,
    logoutUrl: app.application.logoutUrl,
    notificationEmailAddresses: [...sp.notificationEmailAddresses],
    preferredSingleSignOnMode: sp.preferredSingleSignOnMode,
    preferredTokenSigningKeyThumbprint: sp.preferredTokenSigningKeyThumbprint,
    replyUrls: app.application.replyUrls.map((r) => r.url),
    samlSingleSignOnSettings: sp.relayState === null ? null : { relayState: sp.relayState },
    servicePrincipalNames: [sp.appId, ...app.application.identifierUris],
    servicePrincipalType: 'Application',
    signInAudience: 'AzureADMyOrg',
    tags,
    appRoles: sp.appRoles.map(graphAppRole),
    keyCredentials: keyCredentials(app),
    passwordCredentials: passwordCredentials(app),
  }
}

/** An app role assignment, with the display names Graph adds. */
export function graphAssignment(assignment: NamedAssignment): GraphObject {
  return {
    id: assignment.id,
    deletedDateTime: null,
    appRoleId: assignment.appRoleId,
    createdDateTime: assignment.createdDateTime,
    principalDisplayName: assignment.principalDisplayName,
    principalId: assignment.principalId,
    principalType: assignment.principalType,
    resourceDisplayName: assignment.resourceDisplayName,
    resourceId: assignment.resourceId,
  }
}
