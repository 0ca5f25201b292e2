// The scenario file's schema: strict objects everywhere, so a misspelt key is an error (with a
// suggestion) rather than a setting silently ignored.
import { USER_ATTRIBUTES } from '@sandbox/idp'
import { z } from 'zod'

/** The format version a scenario file declares in its first key, `scenario: 1`. */
export const SCENARIO_FORMAT_VERSION = 1

export const USER_PERSONAS = ['standard', 'no-mail', 'long-names', 'unicode'] as const
export const TRUST_MODES = ['ca-signed', 'self-signed-allowed'] as const
export const SIGNING_OPTIONS = ['assertion', 'response', 'both'] as const
export const SIGNING_ALGORITHMS = ['rsa-sha256', 'rsa-sha1'] as const
export const CERTIFICATE_KINDS = ['ca-issued', 'self-signed'] as const
export const NAME_ID_FORMATS = [
  'default',
  'persistent',
  'emailAddress',
  'unspecified',
  'windowsDomainQualifiedName',
] as const

const text = z.string().min(1)
const nullableText = z.string().nullable()

const entraUserSchema = z.strictObject({
  userPrincipalName: text,
  /** Absent: one is generated (and kept, so an export carries it). */
  password: text.optional(),
  /** An attribute shape (as `entra.createUser`); explicit attributes below win over it. */
  persona: z.enum(USER_PERSONAS).optional(),
  displayName: text.optional(),
  givenName: nullableText.optional(),
  surname: nullableText.optional(),
  mail: nullableText.optional(),
  /** Absent: the part of the UPN before `@`. */
  mailNickname: text.optional(),
  accountEnabled: z.boolean().optional(),
})

const groupSchema = z.strictObject({
  name: text,
  description: nullableText.optional(),
  /** Member users by userPrincipalName. */
  members: z.array(text).optional(),
})

/** A claim's value: a user attribute by name, a constant, or a transformation (as the API takes it). */
const claimSourceSchema = z.union([
  z.enum(USER_ATTRIBUTES),
  z.strictObject({ constant: z.string() }),
  z.strictObject({
    transformation: z.strictObject({
      input: z.unknown(),
      transformations: z.array(z.unknown()).min(1).max(2),
    }),
  }),
])

const claimSchema = z.strictObject({
  name: text,
  namespace: nullableText.optional(),
  source: claimSourceSchema,
})

const basicSamlSchema = z.strictObject({
  /** Identifier (Entity ID): the first is the default unless one says `default: true`. */
  identifiers: z
    .array(z.union([text, z.strictObject({ value: text, default: z.boolean().optional() })]))
    .optional(),
  replyUrls: z
    .array(
      z.union([
        text,
        z.strictObject({
          url: text,
          index: z.number().int().nullable().optional(),
          default: z.boolean().optional(),
        }),
      ]),
    )
    .optional(),
  signOnUrl: nullableText.optional(),
  relayState: nullableText.optional(),
  logoutUrl: nullableText.optional(),
})

const certificateSchema = z.strictObject({
  kind: z.enum(CERTIFICATE_KINDS).optional(),
  displayName: text.optional(),
  /** The certificate's expiry (ISO 8601); absent: three years from now, as Entra issues them. */
  expires: text.optional(),
  /** The one certificate that signs. */
  active: z.boolean().optional(),
})

const assignmentSchema = z.union([
  z.strictObject({ user: text, role: text.optional() }),
  z.strictObject({ group: text, role: text.optional() }),
])

const appSchema = z.strictObject({
  name: text,
  /** A gallery entry by name ("Cisco Webex"); absent: a non-gallery app ("Create your own application"). */
  gallery: text.optional(),
  saml: basicSamlSchema.optional(),
  claims: z
    .strictObject({
      nameId: z.strictObject({ source: claimSourceSchema, format: z.enum(NAME_ID_FORMATS) }).optional(),
      /** The additional claims, in order; they replace the app's defaults. */
      additional: z.array(claimSchema).optional(),
    })
    .optional(),
  certificates: z
    .strictObject({
      signingOption: z.enum(SIGNING_OPTIONS).optional(),
      signingAlgorithm: z.enum(SIGNING_ALGORITHMS).optional(),
      /** The app's SAML signing certificates; they replace the one SAML set-up creates. */
      list: z.array(certificateSchema).optional(),
    })
    .optional(),
  assignments: z.array(assignmentSchema).optional(),
})

const webexUserSchema = z.strictObject({
  email: text,
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  displayName: z.string().optional(),
  active: z.boolean().optional(),
})

const webexSsoSchema = z.strictObject({
  /** Where the IdP metadata comes from: an Entra app of this scenario (its Federation Metadata XML). */
  idpMetadata: z.strictObject({ entraApp: text }),
  trustMode: z.enum(TRUST_MODES).optional(),
  /** Runs Test SSO Connection signed in as this Entra user (who must be assigned to the app). */
  test: z.strictObject({ user: text }).optional(),
  /** Turns SSO on; Webex allows it only after a passed test. */
  enabled: z.boolean().optional(),
})

export const scenarioSchema = z.strictObject({
  scenario: z.literal(SCENARIO_FORMAT_VERSION),
  description: z.string().optional(),
  entra: z
    .strictObject({
      tenant: z.strictObject({ name: text.optional(), domain: text.optional() }).optional(),
      users: z.array(entraUserSchema).optional(),
      groups: z.array(groupSchema).optional(),
      apps: z.array(appSchema).optional(),
    })
    .optional(),
  webex: z
    .strictObject({
      org: z.strictObject({ name: text }).optional(),
      users: z.array(webexUserSchema).optional(),
      sso: webexSsoSchema.optional(),
    })
    .optional(),
})

/** A validated scenario. */
export type Scenario = z.infer<typeof scenarioSchema>
export type ScenarioEntraUser = z.infer<typeof entraUserSchema>
export type ScenarioApp = z.infer<typeof appSchema>
export type ScenarioClaimSource = z.infer<typeof claimSourceSchema>
export type ScenarioCertificate = z.infer<typeof certificateSchema>
