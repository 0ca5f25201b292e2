import type { DocumentStore, Runtime } from '@sandbox/shared'
import type { SpState } from '../state/sp-state'
import { createAdminAccount } from './admin-account'
import { createConsoleSessions } from './console-sessions'
import { createOrgOverview } from './org-overview'
import { createRecoveryPins } from './recovery-pin'

/**
 * Control Hub's own services: who may use it (the built-in administrator, the console sessions,
 * the recovery PINs) and what its Overview reads.
 */
export function createControlHubAccess(deps: {
  store: DocumentStore<SpState>
  runtime: Runtime
  url: string
}) {
  return {
    overview: createOrgOverview(deps),
    admin: createAdminAccount(deps),
    sessions: createConsoleSessions(deps.runtime),
    recovery: createRecoveryPins(deps.runtime),
  }
}

export type ControlHubAccess = ReturnType<typeof createControlHubAccess>
