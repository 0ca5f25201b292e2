import { describeClaimSource, NAME_ID_FORMAT_LABELS } from '../claims/claim-display'
import { claimType } from '../claims/effective-claims'
import type { DeepState } from '../state/deep-state'

/** An enterprise app as the store holds it. */
export type StoredApp = DeepState['apps'][number]

/** The two directory objects an enterprise app is made of, as Entra's audit log names them. */
export type AppObjectKind = 'Application' | 'ServicePrincipal'

/** The audit target for one side of an app. */
export function appTarget(app: StoredApp, kind: AppObjectKind) {
  const object = kind === 'Application' ? app.application : app.servicePrincipal
  return { id: object.id, displayName: object.displayName, type: kind }
}

/**
 * The properties an audit entry compares on the app registration, under the names Entra's audit
 * log gives them (Basic SAML Configuration's Identifier, Reply URL and Logout Url live here).
 */
export function applicationView(app: StoredApp): Record<string, unknown> {
  return {
    DisplayName: app.application.displayName,
    IdentifierUris: app.application.identifierUris,
    AppAddress: app.application.replyUrls.map((r) => r.url),
    DefaultIdentifier: app.application.defaultIdentifier,
    LogoutUrl: app.application.logoutUrl,
  }
}

/**
 * The properties compared on the service principal: its properties page, the Sign on URL and
 * Relay State, the sign-on method and the SAML signing settings.
 */
export function servicePrincipalView(app: StoredApp): Record<string, unknown> {
  const sp = app.servicePrincipal
  return {
    DisplayName: sp.displayName,
    AccountEnabled: sp.accountEnabled,
    AppRoleAssignmentRequired: sp.appRoleAssignmentRequired,
    VisibleToUsers: sp.visibleToUsers,
    Notes: sp.notes,
    PreferredSingleSignOnMode: sp.preferredSingleSignOnMode,
    LoginUrl: sp.loginUrl,
    RelayState: sp.relayState,
    NotificationEmailAddresses: sp.notificationEmailAddresses,
    PreferredTokenSigningKeyThumbprint: sp.preferredTokenSigningKeyThumbprint,
    SamlSigningOption: app.saml.signingOption,
    SamlSigningAlgorithm: app.saml.signingAlgorithm,
    RequireVerificationCertificates: app.saml.requestVerification.required,
    TokenEncryptionEnabled: app.saml.encryption.enabled,
  }
}

/** The signing certificates (by thumbprint) and which one is active. */
export function keyCredentialView(app: StoredApp): Record<string, unknown> {
  return {
    KeyDescription: app.saml.certificates.map((c) => `${c.thumbprint} (expires ${c.endDateTime})`),
    PreferredTokenSigningKeyThumbprint: app.servicePrincipal.preferredTokenSigningKeyThumbprint,
  }
}

/**
 * Attributes & Claims: the Unique User Identifier and each additional claim, named by its claim
 * type, valued by its source as the editor writes it (`user.userprincipalname`).
 */
export function claimsView(app: StoredApp): Record<string, unknown> {
  const { nameId, claims } = app.saml
  return {
    NameIdentifier: `${describeClaimSource(nameId.source)} (${NAME_ID_FORMAT_LABELS[nameId.format]})`,
    ...Object.fromEntries(claims.map((c) => [claimType(c), describeClaimSource(c.source)])),
  }
}

export const VIEW_OF: Record<AppObjectKind, (app: StoredApp) => Record<string, unknown>> = {
  Application: applicationView,
  ServicePrincipal: servicePrincipalView,
}
