import type { AcsPolicy, InspectionContext, TrustedSigner } from './context'
import { spContextFromMetadata } from './context-sources'

/** An IdP imported into a Webex org, as Control Hub lists it (`GET /api/v1/sso`). */
export interface WebexImportedIdp {
  readonly idpEntityId: string
  readonly trustMode: 'ca-signed' | 'self-signed-allowed'
  readonly ssoUrl: string | null
  readonly signingCertificates: readonly { readonly subject: string; readonly thumbprint: string }[]
}

/** A Webex org's SSO state as Control Hub has it (`GET /api/v1/sso`). */
export interface WebexOrgSso {
  readonly enabled: boolean
  /** Imported, not yet enabled. */
  readonly pending: WebexImportedIdp | null
  /** What sign-ins use. */
  readonly active: WebexImportedIdp | null
  readonly settings: {
    readonly clockSkewSeconds: number
    readonly allowSha1: boolean
    readonly requireAssertionSignature: boolean
    readonly allowIdpInitiated: boolean
    readonly matchUserBy: 'uid' | 'nameid'
  }
}

/** What the context is built from: the org, its SSO state and its SP metadata. */
export interface WebexOrgFacts {
  readonly orgName: string
  readonly orgId: string
  readonly entityId: string
  readonly acsUrl: string
  readonly sso: WebexOrgSso
  readonly spMetadataXml: string
}

/** Part of an inspection context (all but the instant), as one Webex org sets it. */
export type WebexOrgContext = Partial<Omit<InspectionContext, 'at'>>

/**
 * A Webex org's own configuration as the inspector's context, so a message is judged against
 * what this org's ACS would compare it with: its entityID and ACS URL, the IdP it trusts, its
 * signing certificates, and the org's SSO settings (clock skew, SHA-1, signed assertion,
 * IdP-initiated sign-in, how users are found). Control Hub builds it from its services, the
 * inspect command from the Control Hub API: the same facts, so the same judgement.
 */
export function webexOrgInspectionContext(facts: WebexOrgFacts): WebexOrgContext {
  const { sso } = facts
  const origin = { kind: 'webex-org', label: `${facts.orgName}, ${facts.orgId}` } as const
  const own = spContextFromMetadata(facts.spMetadataXml, origin)
  // Sign-ins use the active configuration; before SSO is enabled, Test SSO Connection uses the pending one.
  const imported = sso.enabled ? sso.active : (sso.pending ?? sso.active)
  const policy: AcsPolicy = {
    skewMs: sso.settings.clockSkewSeconds * 1000,
    allowSha1: sso.settings.allowSha1,
    requireAssertionSignature: sso.settings.requireAssertionSignature,
    allowUnsolicited: sso.settings.allowIdpInitiated,
    matchUserBy: sso.settings.matchUserBy,
    trustMode: imported?.trustMode ?? null,
    label: "the Webex org's SSO settings",
  }
  const signers: TrustedSigner[] = (imported?.signingCertificates ?? []).map((c) => ({
    thumbprint: c.thumbprint,
    subject: c.subject,
    der: null,
  }))
  return {
    spEntityId: { value: facts.entityId, origin },
    acsUrls: { value: [facts.acsUrl], origin },
    ...(own.ok && own.value.spSigners ? { spSigners: own.value.spSigners } : {}),
    ...(imported
      ? {
          idpEntityId: { value: imported.idpEntityId, origin },
          idpSigners: { value: signers, origin },
          ...(imported.ssoUrl ? { idpSsoUrls: { value: [imported.ssoUrl], origin } } : {}),
        }
      : {}),
    policy,
  }
}
