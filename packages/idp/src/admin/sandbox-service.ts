// admin/: what only the sandbox can do (tenant overview, clock offset, reset) and the sandbox API's request bodies.
import {
  type AdjustableClock,
  type DocumentStore,
  entraIssuer,
  ok,
  type Result,
  type Runtime,
} from '@sandbox/shared'
import { type AdminError, invalid } from '../errors/admin-error'
import type { SignInFaults } from '../faults/sign-in-faults'
import type { AccessTokens } from '../oauth/access-tokens'
import type { SessionStore } from '../sessions/idp-sessions'
import type { SignInLog } from '../sign-in-log/sign-in-log'
import type { SignInTraces } from '../sign-in-log/sign-in-traces'
import type { IdpState } from '../state/idp-state'
import { createInitialIdpState } from '../state/initial-state'

/** A week: far enough for any skew exercise, near enough to keep certificates valid. */
const MAX_CLOCK_OFFSET_SECONDS = 7 * 24 * 3600

/** The tenant facts a script or the rehearsal runner needs to start. */
export interface TenantOverview {
  readonly tenantId: string
  readonly displayName: string
  readonly defaultDomain: string
  readonly microsoftEntraIdentifier: string
  readonly samlEndpoint: string
  readonly tenantMetadataUrl: string
  readonly tokenEndpoint: string
  readonly graphBaseUrl: string
  readonly automationClient: {
    readonly clientId: string
    readonly clientSecret: string
    readonly displayName: string
  }
  readonly defaultCertificateKind: string
}

/** What only the sandbox can do: overview and reset (the rest of `/sandbox/api` calls the domain services). */
export function createSandboxService(deps: {
  store: DocumentStore<IdpState>
  runtime: Runtime
  /** The IdP's clock (the runtime's, plus an offset only the sandbox API sets). */
  clock: AdjustableClock
  url: string
  sessions: SessionStore
  tokens: AccessTokens
  signInLog: SignInLog
  traces: SignInTraces
  faults: SignInFaults
}) {
  return {
    overview(): TenantOverview {
      const state = deps.store.read()
      const base = `${deps.url}/${state.tenant.id}`
      return {
        tenantId: state.tenant.id,
        displayName: state.tenant.displayName,
        defaultDomain: state.tenant.defaultDomain,
        microsoftEntraIdentifier: entraIssuer(state.tenant.id),
        samlEndpoint: `${base}/saml2`,
        tenantMetadataUrl: `${base}/FederationMetadata/2007-06/FederationMetadata.xml`,
        tokenEndpoint: `${base}/oauth2/v2.0/token`,
        graphBaseUrl: `${deps.url}/v1.0`,
        automationClient: {
          clientId: state.automationClient.appId,
          clientSecret: state.automationClient.clientSecret,
          displayName: state.automationClient.displayName,
        },
        defaultCertificateKind: state.settings.defaultCertificateKind,
      }
    },

    /** How far the IdP's clock runs ahead of (positive) or behind (negative) the real time. */
    clockOffsetSeconds(): number {
      return Math.round(deps.clock.offset() / 1000)
    },

    /**
     * Moves the IdP's clock (in memory only; a restart or a reset puts it back): what a server
     * with a wrong clock does to every NotBefore and NotOnOrAfter it signs.
     */
    setClockOffset(seconds: number): Result<number, AdminError> {
      if (!Number.isInteger(seconds) || Math.abs(seconds) > MAX_CLOCK_OFFSET_SECONDS)
        return invalid(
          `offsetSeconds must be a whole number of seconds between -${MAX_CLOCK_OFFSET_SECONDS} and ${MAX_CLOCK_OFFSET_SECONDS}.`,
          'offsetSeconds',
        )
      deps.clock.setOffset(seconds * 1000)
      return ok(seconds)
    },

    /**
     * Starts over: a fresh directory and no apps, keeping the tenant id, the Graph token, the
     * automation client (scripts keep working) and the Global Administrator with its password
     * (the one the ready banner showed keeps working); ends every session, token, log line and waiting fault.
     */
    async reset(): Promise<
      Result<{ adminUserPrincipalName: string; adminPasswordKept: boolean }, AdminError>
    > {
      const current = deps.store.read()
      const fresh = await createInitialIdpState(deps.runtime, {
        tenant: { ...current.tenant },
        graphApiToken: current.graphApiToken,
        automationClient: { ...current.automationClient },
      })
      const freshAdmin = fresh.state.users[0]
      const keptAdmin = current.users.find(
        (u) =>
          u.userPrincipalName === freshAdmin?.userPrincipalName &&
          u.directoryRoles.includes('Global Administrator'),
      )
      const admin = keptAdmin
        ? { ...keptAdmin, accountEnabled: true, directoryRoles: [...(freshAdmin?.directoryRoles ?? [])] }
        : freshAdmin
      // A class reset keeps training mode: the trainer resets the class, not the classroom set-up.
      await deps.store.replace({
        ...fresh.state,
        users: admin ? [admin] : [],
        trainingMode: current.trainingMode,
      })
      deps.sessions.clear()
      deps.clock.setOffset(0)
      deps.tokens.clear()
      deps.signInLog.clear()
      deps.traces.clear()
      deps.faults.clear()
      return ok({
        adminUserPrincipalName: admin?.userPrincipalName ?? '',
        adminPasswordKept: keptAdmin !== undefined,
      })
    },
  }
}
