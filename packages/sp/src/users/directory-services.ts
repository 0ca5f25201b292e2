import type { DocumentStore, Runtime } from '@sandbox/shared'
import { createScimActivity } from '../scim/scim-activity'
import { createScimFaults } from '../scim/scim-faults'
import { createScimService } from '../scim/scim-service'
import { createScimTokenService } from '../scim/scim-token'
import type { SpState } from '../state/sp-state'

/** The directory's services besides the UserService: the SCIM server (with its activity log) and its bearer token. */
export function createDirectoryServices(deps: { store: DocumentStore<SpState>; runtime: Runtime }) {
  return {
    scim: { ...createScimService(deps), ...createScimActivity(deps) },
    scimToken: createScimTokenService(deps),
    scimFaults: createScimFaults(deps),
  }
}
