import { z } from 'zod'

/** A directory user (Microsoft Graph `user`, the subset SAML sign-in and the admin API need). */
export const directoryUserSchema = z.object({
  id: z.string(),
  userPrincipalName: z.string(),
  displayName: z.string(),
  /** Graph requires it on create; the UPN prefix when not given. */
  mailNickname: z.string(),
  givenName: z.string().nullable(),
  surname: z.string().nullable(),
  mail: z.string().nullable(),
  onPremisesUserPrincipalName: z.string().nullable(),
  accountEnabled: z.boolean(),
  /** scrypt hash (shared `hashPassword`); the password itself is shown once and never stored. */
  passwordHash: z.string(),
  /** Directory roles by display name, e.g. "Global Administrator". */
  directoryRoles: z.array(z.string()),
  createdDateTime: z.string(),
})
export type DirectoryUser = z.infer<typeof directoryUserSchema>

/** A security group with direct members only (nested groups do not grant app access in Entra). */
export const directoryGroupSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  description: z.string().nullable(),
  mailNickname: z.string(),
  securityEnabled: z.boolean(),
  mailEnabled: z.boolean(),
  /** Object ids of the member users, in the order they were added. */
  memberIds: z.array(z.string()),
  createdDateTime: z.string(),
})
export type DirectoryGroup = z.infer<typeof directoryGroupSchema>

/** The Entra tenant. */
export const tenantSchema = z.object({
  /** The tenant GUID: in the issuer `https://sts.windows.net/{id}/` and every SAML path. */
  id: z.string(),
  displayName: z.string(),
  /** The verified default domain users' UPNs end with. */
  defaultDomain: z.string(),
  createdDateTime: z.string(),
})
export type Tenant = z.infer<typeof tenantSchema>
