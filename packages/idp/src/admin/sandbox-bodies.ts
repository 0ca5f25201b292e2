import { z } from 'zod'
import { claimInputSchema, nameIdInputSchema } from '../claims/claims-service'
import {
  CERTIFICATE_KINDS,
  ENCRYPTION_METHODS,
  SIGNING_ALGORITHMS,
  SIGNING_OPTIONS,
} from '../state/idp-state'

const url = z.string().max(2048)

/** PUT /sandbox/api/settings. */
/** `PUT /sandbox/api/clock`. */
export const clockBody = z.strictObject({ offsetSeconds: z.number().int() })

export const settingsBody = z.strictObject({ defaultCertificateKind: z.enum(CERTIFICATE_KINDS) })

/** `PUT /sandbox/api/tenant`: the tenant's name and default domain. */
export const tenantBody = z.strictObject({
  displayName: z.string().max(1024).optional(),
  defaultDomain: z.string().max(1024).optional(),
})

/** PUT …/saml/basic: Basic SAML Configuration. */
export const basicSamlBody = z.strictObject({
  identifiers: z
    .array(z.strictObject({ value: z.string().max(1024), isDefault: z.boolean().optional() }))
    .max(256)
    .optional(),
  replyUrls: z
    .array(
      z.strictObject({
        url,
        index: z.number().int().nullable().optional(),
        isDefault: z.boolean().optional(),
      }),
    )
    .max(256)
    .optional(),
  signOnUrl: url.nullable().optional(),
  relayState: z.string().max(2048).nullable().optional(),
  logoutUrl: url.nullable().optional(),
})

/** PUT …/saml/nameId and POST/PUT …/saml/claims. */
export const nameIdBody = nameIdInputSchema
export const claimBody = claimInputSchema

/** PUT …/saml/signing. */
export const signingBody = z.strictObject({
  signingOption: z.enum(SIGNING_OPTIONS).optional(),
  signingAlgorithm: z.enum(SIGNING_ALGORITHMS).optional(),
})

/** PUT …/saml/timing (seconds). */
export const timingBody = z.strictObject({
  notBeforeSkewSeconds: z.number().int().optional(),
  conditionsLifetimeSeconds: z.number().int().optional(),
  subjectConfirmationLifetimeSeconds: z.number().int().optional(),
})

/** PUT …/saml/requestVerification. */
export const requestVerificationBody = z.strictObject({
  required: z.boolean().optional(),
  certificates: z
    .array(z.string().max(16 * 1024))
    .max(8)
    .optional(),
  allowSha1: z.boolean().optional(),
})

/** PUT …/saml/encryption. */
export const encryptionBody = z.strictObject({
  enabled: z.boolean().optional(),
  certificatePem: z
    .string()
    .max(16 * 1024)
    .nullable()
    .optional(),
  method: z.enum(ENCRYPTION_METHODS).optional(),
})

/** POST …/certificates (New Certificate) and …/certificates/rollover. */
export const newCertificateBody = z.strictObject({
  kind: z.enum(CERTIFICATE_KINDS).optional(),
  displayName: z.string().max(256).optional(),
  endDateTime: z.string().max(64).optional(),
  activate: z.boolean().optional(),
})

/** POST …/saml/metadata with a JSON body (a raw XML body is accepted too). */
export const metadataBody = z.strictObject({ xml: z.string() })

/** Explains a schema failure in one line: which field, what was expected. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'The body is not valid.'
  const path = issue.path.join('.') || 'body'
  return `${path}: ${issue.message}`
}

/** `POST /sandbox/api/faults`: the fault service checks each value's range and meaning. */
export const faultBody = z.strictObject({
  preset: z.string().max(64),
  appId: z.string().max(128).optional(),
  count: z.number().optional(),
  delayMs: z.number().optional(),
  errorCode: z.string().max(64).optional(),
})
