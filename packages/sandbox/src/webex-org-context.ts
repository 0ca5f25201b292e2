import {
  type AcsPolicy,
  type InspectionContext,
  spContextFromMetadata,
  type TrustedSigner,
} from '@sandbox/shared'
import { type ApiTarget, requestJson } from './clients/api-request'
import { createSpClient } from './clients/sp-client'

/** Part of an inspection context, merged with the others by the inspect command. */
export type ContextPart = { -readonly [K in keyof InspectionContext]?: InspectionContext[K] }

interface OrgSso {
  readonly enabled: boolean
  readonly pending: ImportedIdp | null
  readonly active: ImportedIdp | null
  readonly settings: {
    readonly clockSkewSeconds: number
    readonly allowSha1: boolean
    readonly requireAssertionSignature: boolean
    readonly allowIdpInitiated: boolean
    readonly matchUserBy: 'uid' | 'nameid'
  }
}

interface ImportedIdp {
  readonly idpEntityId: string
  readonly trustMode: 'ca-signed' | 'self-signed-allowed'
  readonly ssoUrl: string | null
  readonly signingCertificates: readonly { subject: string; thumbprint: string }[]
}

/** The Webex org's SSO configuration, read through the Control Hub API at `target`. */
export async function webexOrgContextOf(target: ApiTarget): Promise<ContextPart> {
  const sp = createSpClient(target)
  const [org, sso, spMetadata] = await Promise.all([
    sp.organization(),
    requestJson<OrgSso>(target, { method: 'GET', path: '/api/v1/sso' }),
    sp.spMetadataXml(),
  ])
  const origin = { kind: 'webex-org', label: `${org.name}, ${org.orgId}` } as const
  const own = spContextFromMetadata(spMetadata, origin)
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
    spEntityId: { value: org.entityId, origin },
    acsUrls: { value: [org.acsUrl], origin },
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
