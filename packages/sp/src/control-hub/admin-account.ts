// control-hub/: who may use Control Hub: the org's built-in administrator, console sessions, recovery PINs.
import { type DocumentStore, err, generatePassword, ok, type Result, secretMatches } from '@sandbox/shared'
import { z } from 'zod'
import type { SpState } from '../state/sp-state'

/**
 * The org's built-in Control Hub administrator. The password is stored as it was generated, like
 * the Control Hub API token beside it in the same private state file (which grants more): the
 * sandbox prints the password on the start that creates it and writes it to `running.json` at
 * every start, so a class is never locked out of its own console, also after SSO is enabled.
 */
export const controlHubAdminSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  password: z.string().min(8),
})
export type ControlHubAdmin = z.infer<typeof controlHubAdminSchema>

/** The administrator a new organization gets; the password is new each time. */
export function newControlHubAdmin(): ControlHubAdmin {
  return { email: 'webexadmin@contoso.com', displayName: 'Webex Admin', password: generatePassword() }
}

/** The administrator as pages show it (never the password). */
export interface AdminIdentity {
  readonly email: string
  readonly displayName: string
}

export type PasswordRefusal = 'unknown-admin' | 'wrong-password'

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

/** The built-in administrator: created when missing, checked at sign-in. */
export function createAdminAccount(deps: { store: DocumentStore<SpState> }) {
  const { store } = deps
  const admin = (): ControlHubAdmin | undefined => store.read().controlHubAdmin

  return {
    /**
     * Creates the administrator when the state has none (a state file written before Control Hub
     * had sign-in), and returns it with its password, for the ready banner and `running.json`.
     */
    async ensure(): Promise<ControlHubAdmin> {
      const existing = admin()
      if (existing) return existing
      const created = newControlHubAdmin()
      await store.update((draft) => {
        draft.controlHubAdmin ??= created
        return ok(true)
      })
      return admin() ?? created
    },

    /** The state's administrator with its password (for the start-up banner), if it has one. */
    credentials(): ControlHubAdmin | null {
      return admin() ?? null
    },

    identity(): AdminIdentity | null {
      const current = admin()
      return current ? { email: current.email, displayName: current.displayName } : null
    },

    /** Whether `email` is the administrator's (the email step of the sign-in). */
    isAdminEmail(email: string): boolean {
      const current = admin()
      return current !== undefined && sameAddress(current.email, email)
    },

    /** The password step: the administrator's identity, or why not. */
    checkPassword(email: string, password: string): Result<AdminIdentity, PasswordRefusal> {
      const current = admin()
      if (!current || !sameAddress(current.email, email)) return err('unknown-admin')
      if (!secretMatches(password, current.password)) return err('wrong-password')
      return ok({ email: current.email, displayName: current.displayName })
    },
  }
}

export type AdminAccount = ReturnType<typeof createAdminAccount>
