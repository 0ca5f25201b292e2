import { err, ok, type Result } from '@sandbox/shared'
import { z } from 'zod'
import { SSO_MODES } from '../state/idp-state'

const text = z.string().max(4096)
const nullableText = text.nullable()

/** POST/PATCH /users. */
export const userBody = z
  .object({
    accountEnabled: z.boolean(),
    displayName: text,
    mailNickname: text,
    userPrincipalName: text,
    givenName: nullableText,
    surname: nullableText,
    mail: nullableText,
    onPremisesUserPrincipalName: nullableText,
    passwordProfile: z
      .object({
        password: text,
        forceChangePasswordNextSignIn: z.boolean(),
        forceChangePasswordNextSignInWithMfa: z.boolean(),
      })
      .partial(),
    // Accepted and not stored: common in scripts, meaningless for SAML sign-in.
    jobTitle: nullableText,
    usageLocation: nullableText,
    department: nullableText,
  })
  .partial()

/** POST/PATCH /groups. */
export const groupBody = z
  .object({
    displayName: text,
    description: nullableText,
    mailNickname: text,
    mailEnabled: z.boolean(),
    securityEnabled: z.boolean(),
    groupTypes: z.array(text).max(0),
  })
  .partial()

/** POST /applicationTemplates/{id}/instantiate. */
export const instantiateBody = z.object({ displayName: text }).partial()

/** PATCH /applications/{id}. */
export const applicationBody = z
  .object({
    displayName: text,
    identifierUris: z.array(text).max(256),
    web: z
      .object({
        redirectUris: z.array(text).max(256),
        logoutUrl: nullableText,
        redirectUriSettings: z
          .array(z.object({ uri: text, index: z.number().int().nullable() }).partial())
          .max(256),
        homePageUrl: nullableText,
      })
      .partial(),
  })
  .partial()

/** An app role as Graph takes it. */
const appRoleBody = z
  .object({
    allowedMemberTypes: z.array(text),
    description: text,
    displayName: text,
    id: z.uuid(),
    isEnabled: z.boolean(),
    origin: text,
    value: nullableText,
  })
  .partial({ isEnabled: true, origin: true, value: true, description: true })

/** PATCH /servicePrincipals/{id}. */
export const servicePrincipalBody = z
  .object({
    displayName: text,
    preferredSingleSignOnMode: z.enum(SSO_MODES).nullable(),
    loginUrl: nullableText,
    samlSingleSignOnSettings: z.object({ relayState: nullableText }).partial().nullable(),
    appRoleAssignmentRequired: z.boolean(),
    preferredTokenSigningKeyThumbprint: nullableText,
    notificationEmailAddresses: z.array(text).max(16),
    tags: z.array(text).max(64),
    accountEnabled: z.boolean(),
    appRoles: z.array(appRoleBody).max(128),
  })
  .partial()

/** POST /servicePrincipals/{id}/addTokenSigningCertificate. */
export const tokenSigningCertificateBody = z.object({ displayName: text, endDateTime: text }).partial()

/** POST …/appRoleAssignedTo and …/appRoleAssignments. */
export const assignmentBody = z
  .object({ principalId: text, resourceId: text, appRoleId: text, principalType: text })
  .partial()

/** POST/PATCH /policies/claimsMappingPolicies. */
export const claimsPolicyBody = z
  .object({
    definition: z.array(z.string().max(64 * 1024)).max(1),
    displayName: text,
    isOrganizationDefault: z.boolean(),
  })
  .partial()

/** The object schemas Graph bodies are read against. */
export type GraphBodySchema = z.ZodObject<z.ZodRawShape>

function objectSchemaOf(schema: z.ZodType): GraphBodySchema | null {
  let current: z.ZodType = schema
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
    current = current.unwrap() as z.ZodType
  return current instanceof z.ZodObject ? (current as GraphBodySchema) : null
}

/** Maps the body's keys to the schema's (Graph matches property names case-insensitively). */
function normalize(
  value: unknown,
  schema: GraphBodySchema,
  path: string,
): Result<Record<string, unknown>, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return err(`${path || 'The request body'} must be a JSON object.`)
  }
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('@odata.')) continue
    const canonical = Object.keys(schema.shape).find((k) => k.toLowerCase() === key.toLowerCase())
    if (!canonical)
      return err(`Property '${path}${key}' does not exist as a declared property or extension property.`)
    const nested = objectSchemaOf(schema.shape[canonical] as z.ZodType)
    if (nested && item !== null && !Array.isArray(item)) {
      const inner = normalize(item, nested, `${path}${canonical}.`)
      if (!inner.ok) return inner
      out[canonical] = inner.value
    } else out[canonical] = item
  }
  return ok(out)
}

/** Reads a Graph request body against a schema; the message names the offending property. */
export function readGraphBody<S extends GraphBodySchema>(
  body: unknown,
  schema: S,
  resource: string,
): Result<z.infer<S>, string> {
  const normalized = normalize(body, schema, '')
  if (!normalized.ok) return normalized
  const parsed = schema.safeParse(normalized.value)
  if (parsed.success) return ok(parsed.data as z.infer<S>)
  const issue = parsed.error.issues[0]
  return err(
    `Invalid value specified for property '${issue?.path.join('.') ?? ''}' of resource '${resource}'.`,
  )
}

/** A percent-encoded URL segment decoded; one that is not valid percent-encoding is kept as sent. */
function decodedOrAsIs(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Reads the `@odata.id` of a `$ref` body and returns the id it ends with. */
export function readReference(body: unknown): Result<string, string> {
  const reference =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['@odata.id'] : undefined
  const id =
    typeof reference === 'string' ? /\/([^/()]+)$/.exec(reference.replace(/\/+$/, ''))?.[1] : undefined
  return id
    ? ok(decodedOrAsIs(id))
    : err('The body must be { "@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}" }.')
}
