// state/: the SP's persisted state file (organization, certificates, tokens, SSO, directory) and its schema.
import {
  type DeepReadonly,
  type IdGenerator,
  issueLeafCertificate,
  type RsaKeyPair,
  type Runtime,
  type StateFileSpec,
} from '@sandbox/shared'
import { z } from 'zod'
import { controlHubAdminSchema, newControlHubAdmin } from '../control-hub/admin-account'
import { INITIAL_SSO_STATE, ssoStateSchema } from '../sso-setup/sso-schema'
import { directoryStateSchema, EMPTY_DIRECTORY } from '../users/user-schema'

/**
 * The SP's persisted state, version 1: the organization, its SP certificates and keys, IdP
 * trust, users and SCIM credentials. Sessions, pending AuthnRequests and the replay cache
 * live in memory only (a restart ends them, as a real outage would).
 */
const keyedCertificateSchema = z.object({
  certificatePem: z.string().includes('BEGIN CERTIFICATE'),
  privateKeyPem: z.string().includes('PRIVATE KEY'),
})

const organizationSchema = z.object({
  /** The org GUID: part of the SP entityID and of every Webex path. */
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
})

const spStateSchema = z.object({
  organization: organizationSchema,
  /** "SAML Cisco (SP) SSO Certificate": signs AuthnRequests and LogoutRequests. */
  signingCertificate: keyedCertificateSchema,
  /** Decrypts assertions when the IdP encrypts them. */
  encryptionCertificate: keyedCertificateSchema,
  /** Bearer token for the SCIM API, shown in Control Hub. */
  scimToken: z.string().min(32),
  /**
   * When the organization token was issued, when a SCIM call last used it (to the minute), and
   * whether it was revoked (SCIM then refuses it until it is regenerated). Absent in older state files.
   */
  scimTokenCreatedAt: z.string().optional(),
  scimTokenLastUsedAt: z.string().nullable().optional(),
  scimTokenRevoked: z.boolean().optional(),
  /**
   * Named SCIM tokens issued to provisioning connectors (owned by scim/scim-connector-tokens.ts):
   * only a SHA-256 of each is kept, since a token is shown once. Absent in older state files.
   */
  scimConnectorTokens: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        createdAt: z.string(),
        lastUsedAt: z.string().nullable(),
      }),
    )
    .optional(),
  /** Bearer token of the Control Hub JSON API (`/api/v1`), printed at start. */
  adminApiToken: z.string().min(32),
  /**
   * The built-in Control Hub administrator (owned by control-hub/). Absent in state files written
   * before Control Hub had a sign-in; the server creates it at start then.
   */
  controlHubAdmin: controlHubAdminSchema.optional(),
  /** SSO settings (owned by sso/). */
  sso: ssoStateSchema,
  /** Users and groups (owned by users/). */
  directory: directoryStateSchema,
  /** Whether Control Hub shows the training progress panel; absent from older files. */
  trainingMode: z.boolean().default(false),
})
export type SpState = z.infer<typeof spStateSchema>

export const SP_STATE_FILE: StateFileSpec<SpState> = {
  format: 'sso-sandbox/sp-state',
  version: 1,
  schema: spStateSchema,
}

/** The built-in defaults of a new organization. */
const DEFAULT_ORGANIZATION = { name: 'Contoso' } as const

/** Validity of the SP certificates, like Webex's multi-year SP certificate. */
const SP_CERTIFICATE_DAYS = 5 * 365

/** Creates the first state: the organization and its CA-issued SP certificates. */
export async function createInitialSpState(
  runtime: Runtime,
  ids: IdGenerator = runtime.ids,
): Promise<SpState> {
  const now = runtime.clock.now()
  const [signingKey, encryptionKey] = await Promise.all([runtime.keys.take(), runtime.keys.take()])
  const orgId = ids.guid()
  /** A Cisco SP certificate of the org, issued by the sandbox CA, with its private key. */
  const issue = (profile: 'saml-signing' | 'saml-encryption', commonName: string, key: RsaKeyPair) => {
    const issued = issueLeafCertificate(runtime.ca, {
      profile,
      commonName,
      organization: `Cisco Webex (sandbox org ${orgId})`,
      key,
      validityDays: SP_CERTIFICATE_DAYS,
      now,
      serialHex: ids.serialHex?.bind(ids),
    })
    return { certificatePem: issued.certificatePem, privateKeyPem: issued.key.privateKeyPem }
  }
  return {
    organization: { id: orgId, name: DEFAULT_ORGANIZATION.name, createdAt: new Date(now).toISOString() },
    signingCertificate: issue('saml-signing', 'SAML Cisco (SP) SSO Certificate', signingKey),
    encryptionCertificate: issue('saml-encryption', 'SAML Cisco (SP) Encryption Certificate', encryptionKey),
    scimToken: ids.token(32),
    adminApiToken: ids.token(32),
    controlHubAdmin: newControlHubAdmin(),
    sso: INITIAL_SSO_STATE,
    directory: EMPTY_DIRECTORY,
    trainingMode: false,
  }
}

/** A committed, frozen state snapshot (what `store.read()` returns). */
export type SpSnapshot = DeepReadonly<SpState>
