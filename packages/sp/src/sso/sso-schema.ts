import { z } from 'zod'

/**
 * The org's SSO settings as Control Hub's "Integrate a 3rd-party identity provider" wizard
 * leaves them. The wizard's steps extend this schema (imported IdP, trust mode, test result).
 */
export const ssoStateSchema = z.object({
  /** True once "Enable Single Sign-On" was saved after a successful test. */
  enabled: z.boolean(),
})
export type SsoState = z.infer<typeof ssoStateSchema>

export const INITIAL_SSO_STATE: SsoState = { enabled: false }
