import { createStoredTrainingModeService, type DocumentStore, type Runtime } from '@sandbox/shared'
import { createControlHubAccess } from './control-hub/control-hub-access'
import { createOrganizationService } from './org/organization-service'
import { createKeyMaterial } from './sign-in/key-material'
import { createMemoryStores, type MemoryStores, type SpMemoryBounds } from './sign-in/memory-stores'
import { createSessionService } from './sign-in/session-service'
import { createSignInService } from './sign-in/sign-in-service'
import { createSignInTraces, heldSecretsOf } from './sign-in/sign-in-traces'
import { createSpInspector, orgInspectionContext } from './sso-setup/inspector-context'
import { createSpMetadataCache } from './sso-setup/sp-metadata'
import { createSsoSetupService } from './sso-setup/sso-setup-service'
import type { SpState } from './state/sp-state'
import { createDirectoryServices } from './users/directory-services'
import { createGroupService } from './users/group-service'
import { createUserService } from './users/user-service'

/** What every SP service is built from. */
export interface ServiceDeps {
  readonly store: DocumentStore<SpState>
  readonly runtime: Runtime
  /** The SP's public base URL, e.g. `http://localhost:7080`. */
  readonly url: string
  /** Bounds of the in-memory tables (default `SP_MEMORY_BOUNDS`). */
  readonly memoryBounds?: SpMemoryBounds
  /** The in-memory tables, when the caller keeps a handle on them (tests); made here otherwise. */
  readonly memory?: MemoryStores
}

/**
 * Builds the SP's domain services once; the JSON API, the pages and SCIM call these. They are
 * the only door to state: the store and the in-memory tables stay inside them.
 */
export function createSpServices(deps: ServiceDeps) {
  const memory = deps.memory ?? createMemoryStores(deps.runtime.clock, deps.memoryBounds)
  const users = createUserService(deps)
  const keys = createKeyMaterial()
  const spMetadataOf = createSpMetadataCache(deps.url)
  const traces = createSignInTraces({
    now: () => deps.runtime.clock.now(),
    heldSecrets: () => heldSecretsOf(deps.store.read()),
  })
  const org = createOrganizationService(deps)
  const sso = createSsoSetupService({ ...deps, memory, spMetadataOf })
  return {
    org,
    controlHub: createControlHubAccess(deps),
    users,
    groups: createGroupService(deps),
    ...createDirectoryServices(deps),
    sso,
    signIn: createSignInService({ ...deps, users, memory, keys, traces, spMetadataOf }),
    traces,
    inspector: createSpInspector({
      now: () => deps.runtime.clock.now(),
      context: () =>
        orgInspectionContext({
          orgName: org.current().name,
          entity: org.entity(),
          sso: sso.status(),
          spMetadataXml: sso.spMetadata(),
        }),
    }),
    sessions: createSessionService({ ...deps, memory, keys }),
    /** The classroom actions (reset, break-it exercises), once the sandbox has connected them. */
    classroom: () => deps.runtime.classroom?.current() ?? null,
    // Training mode of Control Hub; its own tutorial state is read through its admin API.
    training: createStoredTrainingModeService({
      ...deps,
      side: 'webex',
      apiToken: (state) => state.adminApiToken,
    }),
  }
}

export type SpServices = ReturnType<typeof createSpServices>
