// state/: the IdP's persisted state: its schema, a new tenant's first state, and how services find and change objects in it.
import type { StateFileSpec } from '@sandbox/shared'
import { z } from 'zod'
import {
  appRoleAssignmentSchema,
  CERTIFICATE_KINDS,
  claimsMappingPolicySchema,
  enterpriseAppSchema,
  signingCertificateSchema,
} from './app-schema'
import { directoryGroupSchema, directoryUserSchema, tenantSchema } from './directory-schema'
import { EMPTY_PROVISIONING, provisioningStateSchema } from './provisioning-schema'

export * from './app-schema'
export * from './directory-schema'
export * from './provisioning-schema'

/** The sandbox "automation" app registration: client credentials for the token endpoint. */
const automationClientSchema = z.object({
  appId: z.string(),
  displayName: z.string(),
  /** Shown to the admin like the Graph token; both are sandbox-only secrets. */
  clientSecret: z.string().min(32),
})

/** Tenant-wide sandbox settings (what the admin center offers beyond Graph). */
const settingsSchema = z.object({
  /** Which kind of signing certificate new SAML apps and `addTokenSigningCertificate` get. */
  defaultCertificateKind: z.enum(CERTIFICATE_KINDS),
})

/**
 * The IdP's persisted state, version 1. Everything a restart must restore lives here:
 * tenant, directory, enterprise apps and their keys. Sessions, pending sign-ins, issued access
 * tokens and the sign-in log are deliberately not persisted (a restart ends them, as a real
 * outage would).
 */
const idpStateSchema = z.object({
  tenant: tenantSchema,
  /** The tenant key: signs the tenant metadata and apps that have no signing certificate of their own. */
  tenantSigningCertificate: signingCertificateSchema,
  /** Secret salt of pairwise (persistent) NameIDs, so they are stable per user and app. */
  pairwiseSecret: z.string().min(16),
  users: z.array(directoryUserSchema),
  groups: z.array(directoryGroupSchema),
  apps: z.array(enterpriseAppSchema),
  appRoleAssignments: z.array(appRoleAssignmentSchema),
  claimsMappingPolicies: z.array(claimsMappingPolicySchema),
  settings: settingsSchema,
  automationClient: automationClientSchema,
  /** Bearer token for the Graph-shaped admin API, shown to the admin. */
  graphApiToken: z.string().min(32),
  /** Provisioning jobs and logs (owned by provisioning/); absent from files written before them. */
  provisioning: provisioningStateSchema.default(() => structuredClone(EMPTY_PROVISIONING)),
  /** Whether the admin center shows the training progress panel; absent from older files. */
  trainingMode: z.boolean().default(false),
})
export type IdpState = z.infer<typeof idpStateSchema>

export const IDP_STATE_FILE: StateFileSpec<IdpState> = {
  format: 'sso-sandbox/idp-state',
  version: 1,
  schema: idpStateSchema,
}

/** The built-in defaults of a new tenant. */
export const DEFAULT_TENANT = {
  displayName: 'Contoso',
  defaultDomain: 'contoso.com',
  adminUserPrincipalName: 'admin@contoso.com',
  automationAppName: 'Sandbox automation',
} as const
