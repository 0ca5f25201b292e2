import { z } from 'zod'

/**
 * Webex users and groups as the SP persists them. One record serves Control Hub, SCIM and
 * the SSO path: a user created over SCIM is the user an assertion signs in.
 */
const webexUserSchema = z.object({
  id: z.string(),
  /** The primary email; unique in the org (compared case-insensitively). */
  userName: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  /** Empty when unassigned (a SCIM PATCH removed it). */
  displayName: z.string(),
  emails: z.array(
    z.object({ value: z.string(), type: z.string(), primary: z.boolean(), display: z.string().optional() }),
  ),
  /** False: deactivated. Null: unassigned (a SCIM PATCH removed it); the user cannot sign in either way. */
  active: z.boolean().nullable(),
  /** Empty when unassigned (a SCIM PATCH removed it); new users get `user`. */
  userType: z.string(),
  externalId: z.string().nullable(),
  /** The services Control Hub assigned ("Add Services for Users"); absent for SCIM and JIT users. */
  licenses: z.array(z.enum(['message', 'meeting', 'call'])).optional(),
  /** Where the user came from: Control Hub, SCIM or just-in-time creation at sign-in. */
  source: z.enum(['manual', 'scim', 'jit']),
  /** Everything else SCIM stored (extension schema, phone numbers, …), kept verbatim. */
  extra: z.record(z.string(), z.unknown()),
  created: z.string(),
  lastModified: z.string(),
  version: z.number().int().nonnegative(),
})
export type WebexUser = z.infer<typeof webexUserSchema>

const webexGroupSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  externalId: z.string().nullable(),
  members: z.array(z.object({ value: z.string(), display: z.string().optional() })),
  created: z.string(),
  lastModified: z.string(),
  version: z.number().int().nonnegative(),
})
export type WebexGroup = z.infer<typeof webexGroupSchema>

export const directoryStateSchema = z.object({
  users: z.array(webexUserSchema),
  groups: z.array(webexGroupSchema),
})
export type DirectoryState = z.infer<typeof directoryStateSchema>

export const EMPTY_DIRECTORY: DirectoryState = { users: [], groups: [] }
