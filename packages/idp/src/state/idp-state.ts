import { generatePassword, hashPassword, type IdGenerator, type StateFileSpec } from '@sandbox/shared'
import { z } from 'zod'

/**
 * The IdP's persisted state, version 1. Everything a restart must restore lives here:
 * tenant, directory, enterprise apps and their keys. Sessions and pending sign-ins are
 * deliberately not persisted (a restart ends them, as a real outage would).
 */
export const directoryUserSchema = z.object({
  id: z.string(),
  userPrincipalName: z.string(),
  displayName: z.string(),
  givenName: z.string().nullable(),
  surname: z.string().nullable(),
  mail: z.string().nullable(),
  onPremisesUserPrincipalName: z.string().nullable(),
  accountEnabled: z.boolean(),
  passwordHash: z.string(),
  /** Directory roles by display name, e.g. "Global Administrator". */
  directoryRoles: z.array(z.string()),
  createdDateTime: z.string(),
})
export type DirectoryUser = z.infer<typeof directoryUserSchema>

export const tenantSchema = z.object({
  /** The tenant GUID: in the issuer `https://sts.windows.net/{id}/` and every SAML path. */
  id: z.string(),
  displayName: z.string(),
  /** The verified default domain users' UPNs end with. */
  defaultDomain: z.string(),
  createdDateTime: z.string(),
})
export type Tenant = z.infer<typeof tenantSchema>

export const idpStateSchema = z.object({
  tenant: tenantSchema,
  users: z.array(directoryUserSchema),
  /** Bearer token for the Graph-shaped admin API, shown to the admin. */
  graphApiToken: z.string().min(32),
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
} as const

/** A new state and the one-time secrets to show the person who started it. */
export interface InitialIdpState {
  readonly state: IdpState
  readonly adminPassword: string
}

/** Creates the first state: the Contoso tenant with a Global Administrator. */
export async function createInitialIdpState(ids: IdGenerator, now: number): Promise<InitialIdpState> {
  const adminPassword = generatePassword()
  const createdDateTime = new Date(now).toISOString()
  return {
    adminPassword,
    state: {
      tenant: {
        id: ids.guid(),
        displayName: DEFAULT_TENANT.displayName,
        defaultDomain: DEFAULT_TENANT.defaultDomain,
        createdDateTime,
      },
      users: [
        {
          id: ids.guid(),
          userPrincipalName: DEFAULT_TENANT.adminUserPrincipalName,
          displayName: 'Sandbox Admin',
          givenName: 'Sandbox',
          surname: 'Admin',
          mail: DEFAULT_TENANT.adminUserPrincipalName,
          onPremisesUserPrincipalName: null,
          accountEnabled: true,
          passwordHash: await hashPassword(adminPassword),
          directoryRoles: ['Global Administrator'],
          createdDateTime,
        },
      ],
      graphApiToken: ids.token(32),
    },
  }
}
