import {
  createStoredTrainingModeService,
  type DocumentStore,
  offsetClock,
  type Runtime,
} from '@sandbox/shared'
import { createSandboxService } from './admin/sandbox-service'
import { createAuditLog } from './audit/audit-log'
import { auditedAppServices } from './audit/audited-app-services'
import { createCertificateService } from './certificates/certificate-service'
import { createSigningKeyCache } from './certificates/signing-keys'
import { createClaimsPolicyService } from './claims/claims-policy-service'
import { createClaimsService } from './claims/claims-service'
import { createDirectoryService } from './directory/directory-service'
import { createGroupService } from './directory/group-service'
import { createTenantService } from './directory/tenant-service'
import { createAppService } from './enterprise-apps/app-service'
import { createAssignmentService } from './enterprise-apps/assignment-service'
import { createSamlConfigService } from './enterprise-apps/saml-config-service'
import { createSignInFaults } from './faults/sign-in-faults'
import { createMetadataService } from './federation-metadata/metadata-service'
import { createAccessTokens, type TokenBounds } from './oauth/access-tokens'
import { createTokenEndpoint } from './oauth/token-endpoint'
import { createProvisioningService } from './provisioning/provisioning-service'
import { createConsoleSessions } from './sessions/console-sessions'
import { createCredentialCheck } from './sessions/credential-check'
import { createSessionStore, type SessionBounds } from './sessions/idp-sessions'
import { createSignOut } from './sessions/sign-out'
import { createSignInLog } from './sign-in-log/sign-in-log'
import { createSignInTraces, heldSecretsOf } from './sign-in-log/sign-in-traces'
import { createMyAppsService } from './sso/my-apps'
import { createPendingSignIns, type PendingBounds } from './sso/pending-sign-ins'
import { createSignInService } from './sso/sign-in-service'
import { createSsoService } from './sso/sso-service'
import type { IdpState } from './state/idp-state'

/** What every IdP service is built from. */
export interface ServiceDeps {
  readonly store: DocumentStore<IdpState>
  readonly runtime: Runtime
  /** The IdP's public base URL, e.g. `http://localhost:7070`. */
  readonly url: string
  /** Bounds of the in-memory tables (defaults: `PENDING_BOUNDS`, `SESSION_BOUNDS`, `TOKEN_BOUNDS`). */
  readonly memoryBounds?: {
    readonly pending?: PendingBounds
    readonly sessions?: SessionBounds
    readonly tokens?: TokenBounds
  }
}

/**
 * Builds the IdP's domain services once. The Graph API, the sandbox API, the SAML endpoint
 * and (later) the admin center pages all call these same services.
 */
export function createIdpServices(given: ServiceDeps) {
  // The IdP's own clock, which the sandbox API can move (the "clock skew" break-it case) without
  // moving the SP's, even when both share one runtime.
  const clock = offsetClock(given.runtime.clock)
  const deps: ServiceDeps = { ...given, runtime: { ...given.runtime, clock } }
  const keys = createSigningKeyCache()
  const audit = createAuditLog({ clock, ids: deps.runtime.ids })
  const directory = createDirectoryService({ ...deps, audit })
  const ssoDeps = {
    ...deps,
    keys,
    directory,
    sessions: createSessionStore(deps.runtime, given.memoryBounds?.sessions),
    pending: createPendingSignIns(deps.runtime, given.memoryBounds?.pending),
    credentials: createCredentialCheck({ store: deps.store, clock: deps.runtime.clock }),
    log: createSignInLog(),
    traces: createSignInTraces({
      now: () => clock.now(),
      heldSecrets: () => heldSecretsOf(deps.store.read()),
    }),
    consoleSessions: createConsoleSessions({ store: deps.store, clock, ids: deps.runtime.ids }),
    faults: createSignInFaults({ store: deps.store, clock, ids: deps.runtime.ids }),
  }
  const sso = createSsoService(ssoDeps)
  const tokens = createAccessTokens(
    { store: deps.store, clock: deps.runtime.clock, ids: deps.runtime.ids },
    given.memoryBounds?.tokens,
  )
  return {
    sandbox: createSandboxService({
      ...deps,
      clock,
      sessions: ssoDeps.sessions,
      tokens,
      signInLog: ssoDeps.log,
      traces: ssoDeps.traces,
      faults: ssoDeps.faults,
    }),
    tokens,
    tokenEndpoint: createTokenEndpoint({ ...deps, credentials: ssoDeps.credentials, tokens }),
    keys,
    runtime: deps.runtime,
    tenant: createTenantService(deps),
    sessions: ssoDeps.sessions,
    consoleSessions: ssoDeps.consoleSessions,
    signOut: createSignOut(ssoDeps),
    signInLog: ssoDeps.log,
    traces: ssoDeps.traces,
    faults: ssoDeps.faults,
    sso,
    signIn: createSignInService(ssoDeps, sso),
    pending: ssoDeps.pending,
    myApps: createMyAppsService(ssoDeps),
    directory,
    credentials: ssoDeps.credentials,
    groups: createGroupService({ ...deps, audit }),
    audit,
    ...auditedAppServices(
      { audit, store: deps.store },
      {
        apps: createAppService(deps),
        assignments: createAssignmentService(deps),
        samlConfig: createSamlConfigService(deps),
        certificates: createCertificateService(deps),
        claims: createClaimsService(deps),
      },
    ),
    claimsPolicies: createClaimsPolicyService(deps),
    metadata: createMetadataService({ ...deps, keys }),
    provisioning: createProvisioningService(deps),
    // Training mode of the admin center; its own tutorial state is read through the Graph API.
    training: createStoredTrainingModeService({
      ...deps,
      side: 'entra',
      apiToken: (state) => state.graphApiToken,
    }),
  }
}

/** The IdP's services. */
export type IdpServices = ReturnType<typeof createIdpServices>
