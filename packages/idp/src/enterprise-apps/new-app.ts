import type { IdGenerator } from '@sandbox/shared'
import type { Claim, EnterpriseApp, SamlSettings } from '../state/idp-state'
import type { ApplicationTemplate, GalleryRules } from './gallery'

const CLAIMS_NS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims'

/** The Attributes & Claims editor's defaults for every new SAML app, as Entra sets them. */
export const EDITOR_DEFAULT_CLAIMS: readonly Omit<Claim, 'id'>[] = [
  { name: 'givenname', namespace: CLAIMS_NS, source: { kind: 'attribute', attribute: 'user.givenname' } },
  { name: 'surname', namespace: CLAIMS_NS, source: { kind: 'attribute', attribute: 'user.surname' } },
  { name: 'emailaddress', namespace: CLAIMS_NS, source: { kind: 'attribute', attribute: 'user.mail' } },
  { name: 'name', namespace: CLAIMS_NS, source: { kind: 'attribute', attribute: 'user.userprincipalname' } },
]

/** Observed Entra timing: NotBefore T-5 min, both NotOnOrAfter T+60 min. */
const DEFAULT_TIMING = {
  notBeforeSkewSeconds: 300,
  conditionsLifetimeSeconds: 3600,
  subjectConfirmationLifetimeSeconds: 3600,
} as const

/** SAML settings of a new app: editor defaults, assertion signed with SHA-256, no encryption. */
function defaultSamlSettings(ids: IdGenerator, rules: GalleryRules): SamlSettings {
  return {
    nameId: structuredClone(rules.nameId),
    claims: [...EDITOR_DEFAULT_CLAIMS, ...rules.extraClaims].map((c) => ({
      ...structuredClone(c),
      id: ids.guid(),
    })),
    signingOption: 'assertion',
    signingAlgorithm: 'rsa-sha256',
    certificates: [],
    timing: { ...DEFAULT_TIMING },
    requestVerification: { required: false, certificates: [], allowSha1: false },
    encryption: { enabled: false, certificatePem: null, method: 'aes256-cbc' },
  }
}

/**
 * A new instance of a gallery template: the app registration and its service principal, as
 * Graph's `instantiate` creates them (no SSO mode yet, assignment required, visible).
 */
export function newEnterpriseApp(
  ids: IdGenerator,
  now: number,
  template: ApplicationTemplate,
  rules: GalleryRules,
  displayName: string,
): EnterpriseApp {
  const appId = ids.guid()
  const createdDateTime = new Date(now).toISOString()
  return {
    application: {
      id: ids.guid(),
      appId,
      displayName,
      identifierUris: [],
      defaultIdentifier: null,
      replyUrls: [],
      logoutUrl: null,
      createdDateTime,
    },
    servicePrincipal: {
      id: ids.guid(),
      appId,
      displayName,
      applicationTemplateId: template.id,
      preferredSingleSignOnMode: null,
      loginUrl: null,
      relayState: null,
      appRoleAssignmentRequired: true,
      visibleToUsers: true,
      accountEnabled: true,
      notificationEmailAddresses: [],
      preferredTokenSigningKeyThumbprint: null,
      appRoles: rules.appRoles.map((r) => structuredClone(r)),
      claimsMappingPolicyId: null,
      createdDateTime,
    },
    saml: defaultSamlSettings(ids, rules),
  }
}
