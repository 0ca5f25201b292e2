import { z } from 'zod'

/**
 * User attributes a claim or the NameID can take its value from, named as the Attributes &
 * Claims editor names them.
 */
export const USER_ATTRIBUTES = [
  'user.userprincipalname',
  'user.mail',
  'user.givenname',
  'user.surname',
  'user.displayname',
  'user.objectid',
  'user.onpremisesuserprincipalname',
  'user.mailnickname',
  /** The values of the app roles assigned to the user (multi-valued). */
  'user.assignedroles',
] as const
export type UserAttribute = (typeof USER_ATTRIBUTES)[number]

/** A plain value: a user attribute or a constant. */
const valueSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attribute'), attribute: z.enum(USER_ATTRIBUTES) }),
  z.object({ kind: z.literal('constant'), value: z.string() }),
])
export type ValueSource = z.infer<typeof valueSourceSchema>

/** The claim transformations the sandbox implements (Entra offers more). */
const transformationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('ToLowercase') }),
  z.object({ method: z.literal('ToUppercase') }),
  z.object({ method: z.literal('ExtractMailPrefix') }),
  z.object({ method: z.literal('Join'), separator: z.string(), parameter: valueSourceSchema }),
])
export type Transformation = z.infer<typeof transformationSchema>

/** Where a claim's value comes from: an attribute, a constant, or up to two chained transformations. */
export const claimSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attribute'), attribute: z.enum(USER_ATTRIBUTES) }),
  z.object({ kind: z.literal('constant'), value: z.string() }),
  z.object({
    kind: z.literal('transformation'),
    input: valueSourceSchema,
    transformations: z.array(transformationSchema).min(1).max(2),
  }),
])
export type ClaimSource = z.infer<typeof claimSourceSchema>

/** One additional claim of Attributes & Claims: emitted as `{namespace}/{name}`, or `name` alone. */
const claimSchema = z.object({
  id: z.string(),
  name: z.string(),
  namespace: z.string().nullable(),
  source: claimSourceSchema,
})
export type Claim = z.infer<typeof claimSchema>

/** The "Choose name identifier format" options. */
export const NAME_ID_FORMATS = [
  'default',
  'persistent',
  'emailAddress',
  'unspecified',
  'windowsDomainQualifiedName',
] as const
export type NameIdFormatChoice = (typeof NAME_ID_FORMATS)[number]

/** Unique User Identifier (Name ID): its source and format. */
export const nameIdSchema = z.object({ source: claimSourceSchema, format: z.enum(NAME_ID_FORMATS) })
export type NameIdConfig = z.infer<typeof nameIdSchema>

/** How a signing certificate was made: by the sandbox CA (default) or self-signed like Entra's. */
export const CERTIFICATE_KINDS = ['ca-issued', 'self-signed'] as const
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number]

/** A SAML signing certificate with its key (Graph `keyCredentials`: one Verify and one Sign entry). */
export const signingCertificateSchema = z.object({
  keyId: z.string(),
  signKeyId: z.string(),
  displayName: z.string(),
  kind: z.enum(CERTIFICATE_KINDS),
  certificatePem: z.string(),
  privateKeyPem: z.string(),
  /** Uppercase SHA-1 hex, as the portal and `preferredTokenSigningKeyThumbprint` show it. */
  thumbprint: z.string(),
  startDateTime: z.string(),
  endDateTime: z.string(),
  createdDateTime: z.string(),
})
export type SigningCertificate = z.infer<typeof signingCertificateSchema>

/** A Reply URL (Assertion Consumer Service URL) with its optional Index and Default flag. */
const replyUrlSchema = z.object({
  url: z.string(),
  index: z.number().int().nullable(),
  isDefault: z.boolean(),
})
export type ReplyUrl = z.infer<typeof replyUrlSchema>

/** The app registration (Graph `application`). */
const applicationSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string(),
  /** Identifier (Entity ID) values; the AuthnRequest Issuer must equal one of them. */
  identifierUris: z.array(z.string()),
  /** The identifier marked Default: the Audience of IdP-initiated responses. */
  defaultIdentifier: z.string().nullable(),
  replyUrls: z.array(replyUrlSchema),
  /** Where LogoutResponses go. */
  logoutUrl: z.string().nullable(),
  createdDateTime: z.string(),
})
export type Application = z.infer<typeof applicationSchema>

/** An app role (Graph `appRole`). Apps without roles use "Default Access" (the all-zero GUID). */
const appRoleSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  description: z.string(),
  value: z.string().nullable(),
  allowedMemberTypes: z.array(z.string()),
})
export type AppRole = z.infer<typeof appRoleSchema>

/** Single sign-on modes Graph knows; the sandbox implements `saml`. */
export const SSO_MODES = ['saml', 'password', 'oidc', 'notSupported'] as const

/** The enterprise application (Graph `servicePrincipal`). */
const servicePrincipalSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: z.string(),
  /** The gallery template it came from. */
  applicationTemplateId: z.string(),
  preferredSingleSignOnMode: z.enum(SSO_MODES).nullable(),
  /** Sign-on URL: when set, My Apps and "Test this application" start SP-initiated sign-in there. */
  loginUrl: z.string().nullable(),
  relayState: z.string().nullable(),
  /** "Assignment required?" (default yes). */
  appRoleAssignmentRequired: z.boolean(),
  /** "Visible to users?" (Graph: absence of the `HideApp` tag). */
  visibleToUsers: z.boolean(),
  accountEnabled: z.boolean(),
  notificationEmailAddresses: z.array(z.string()),
  /** The active signing certificate's thumbprint; null falls back to the tenant key. */
  preferredTokenSigningKeyThumbprint: z.string().nullable(),
  appRoles: z.array(appRoleSchema),
  claimsMappingPolicyId: z.string().nullable(),
  /** Properties > Notes (Graph `notes`); absent in stores written before it existed. */
  notes: z.string().nullable().optional(),
  createdDateTime: z.string(),
})
export type ServicePrincipal = z.infer<typeof servicePrincipalSchema>

/** Response signing: what gets signed (assertion, response or both) and with which algorithm. */
export const SIGNING_OPTIONS = ['assertion', 'response', 'both'] as const
export type SigningOption = (typeof SIGNING_OPTIONS)[number]
export const SIGNING_ALGORITHMS = ['rsa-sha256', 'rsa-sha1'] as const
export type SigningAlgorithmChoice = (typeof SIGNING_ALGORITHMS)[number]

/** Assertion timing relative to issuance, in seconds (observed: -5 min / +60 min / +60 min). */
export const tokenTimingSchema = z.object({
  notBeforeSkewSeconds: z.number().int().min(0).max(3600),
  conditionsLifetimeSeconds: z.number().int().min(60).max(86_400),
  subjectConfirmationLifetimeSeconds: z.number().int().min(60).max(86_400),
})
export type TokenTiming = z.infer<typeof tokenTimingSchema>

/** "Require verification certificates": signed AuthnRequests / LogoutRequests. */
const requestVerificationSchema = z.object({
  required: z.boolean(),
  /** PEM certificates the app signs its requests with. */
  certificates: z.array(z.string()),
  allowSha1: z.boolean(),
})

/** Content encryption choices for EncryptedAssertion. */
export const ENCRYPTION_METHODS = ['aes256-cbc', 'aes128-cbc', 'aes256-gcm', 'aes128-gcm'] as const

/** Token encryption with the app's encryption certificate (off by default). */
const encryptionSchema = z.object({
  enabled: z.boolean(),
  certificatePem: z.string().nullable(),
  method: z.enum(ENCRYPTION_METHODS),
})

/** The SAML-based sign-on page of one enterprise app, beyond Basic SAML Configuration. */
const samlSettingsSchema = z.object({
  nameId: nameIdSchema,
  claims: z.array(claimSchema),
  signingOption: z.enum(SIGNING_OPTIONS),
  signingAlgorithm: z.enum(SIGNING_ALGORITHMS),
  certificates: z.array(signingCertificateSchema),
  timing: tokenTimingSchema,
  requestVerification: requestVerificationSchema,
  encryption: encryptionSchema,
})
export type SamlSettings = z.infer<typeof samlSettingsSchema>

/** One enterprise app: its registration, its service principal and its SAML settings. */
export const enterpriseAppSchema = z.object({
  application: applicationSchema,
  servicePrincipal: servicePrincipalSchema,
  saml: samlSettingsSchema,
})
export type EnterpriseApp = z.infer<typeof enterpriseAppSchema>

/** A user or group assigned to an app (Graph `appRoleAssignment`). */
export const appRoleAssignmentSchema = z.object({
  id: z.string(),
  appRoleId: z.string(),
  principalId: z.string(),
  principalType: z.enum(['User', 'Group']),
  /** The service principal's object id. */
  resourceId: z.string(),
  createdDateTime: z.string(),
})
export type AppRoleAssignment = z.infer<typeof appRoleAssignmentSchema>

/** A Graph `claimsMappingPolicy`: its definition is Entra's JSON, kept as sent. */
export const claimsMappingPolicySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  definition: z.array(z.string()),
  isOrganizationDefault: z.boolean(),
})
export type ClaimsMappingPolicy = z.infer<typeof claimsMappingPolicySchema>
