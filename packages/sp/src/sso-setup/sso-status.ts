import type { DeepReadonly } from '@sandbox/shared'
import type { SpSnapshot } from '../state/sp-state'
import { describeCertificates } from './idp-import'
import { spEntityOf } from './sp-entity'
import type { IdpTrust, SsoSettings, TestResult, TrustMode } from './sso-schema'

/** An imported IdP as Control Hub lists it. */
export interface IdpTrustView {
  readonly idpEntityId: string
  readonly trustMode: TrustMode
  readonly importedAt: string
  readonly ssoUrl: string | null
  readonly sloUrl: string | null
  readonly signingCertificates: readonly { subject: string; thumbprint: string; notAfter: string }[]
}

/** The SSO wizard's state (`GET /api/v1/sso`). */
export interface SsoStatus {
  readonly enabled: boolean
  /** Imported, not yet enabled. */
  readonly pending: IdpTrustView | null
  /** What sign-ins use. */
  readonly active: IdpTrustView | null
  readonly lastTest: DeepReadonly<TestResult> | null
  readonly settings: DeepReadonly<SsoSettings>
}

/** What Control Hub's overview shows: the org, its SSO state and the wizard's progress. */
export interface SsoOverview {
  readonly orgName: string
  readonly orgId: string
  readonly entityId: string
  readonly acsUrl: string
  readonly ssoEnabled: boolean
  readonly idpEntityId: string | null
  readonly pendingIdp: string | null
  readonly trustMode: TrustMode | null
  readonly lastTest: {
    readonly status: string
    readonly code: string | null
    readonly message: string
  } | null
  readonly userCount: number
}

function viewOf(trust: DeepReadonly<IdpTrust>): IdpTrustView {
  return {
    idpEntityId: trust.entityId,
    trustMode: trust.trustMode,
    importedAt: trust.importedAt,
    ssoUrl: trust.ssoRedirectUrl ?? trust.ssoPostUrl,
    sloUrl: trust.sloUrl,
    signingCertificates: describeCertificates(trust),
  }
}

export function ssoStatusOf(state: SpSnapshot): SsoStatus {
  return {
    enabled: state.sso.enabled,
    pending: state.sso.pending ? viewOf(state.sso.pending) : null,
    active: state.sso.active ? viewOf(state.sso.active) : null,
    lastTest: state.sso.lastTest,
    settings: state.sso.settings,
  }
}

export function ssoOverviewOf(state: SpSnapshot, baseUrl: string): SsoOverview {
  const entity = spEntityOf(state, baseUrl)
  const { sso } = state
  return {
    orgName: state.organization.name,
    orgId: state.organization.id,
    entityId: entity.entityId,
    acsUrl: entity.acsUrl,
    ssoEnabled: sso.enabled,
    idpEntityId: sso.active?.entityId ?? null,
    pendingIdp: sso.pending?.entityId ?? null,
    trustMode: (sso.active ?? sso.pending)?.trustMode ?? null,
    lastTest: sso.lastTest,
    userCount: state.directory.users.length,
  }
}
