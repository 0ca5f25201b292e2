import {
  type AcsPolicy,
  type InspectionContext,
  inspectPasted,
  type PastedInspectError,
  type PastedInspectForm,
  type PastedInspection,
  type Result,
  spContextFromMetadata,
  type TrustedSigner,
} from '@sandbox/shared'
import { INSPECTOR_ACS_CHECKS } from '../sign-in/acs/inspector-checks'
import type { SpEntity } from './sp-entity'
import type { SsoStatus } from './sso-status'

/** What the inspector is told of the org, read from the same services as `/api/v1/sso`. */
export type OrgInspectionContext = Partial<Omit<InspectionContext, 'at'>>

/**
 * The Webex org's own configuration as the inspector's context, so a pasted Response is judged
 * against what this org's ACS would compare it with: its entityID and ACS URL, the IdP it
 * trusts (the active one; before SSO is enabled, the imported one Test SSO Connection uses),
 * its signing certificates, and the org's SSO settings (clock skew, SHA-1, signed assertion,
 * IdP-initiated sign-in, how users are found).
 */
export function orgInspectionContext(input: {
  readonly orgName: string
  readonly entity: SpEntity
  readonly sso: SsoStatus
  readonly spMetadataXml: string
}): OrgInspectionContext {
  const { entity, sso } = input
  const origin = { kind: 'webex-org', label: `${input.orgName}, ${entity.orgId}` } as const
  const own = spContextFromMetadata(input.spMetadataXml, origin)
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
    spEntityId: { value: entity.entityId, origin },
    acsUrls: { value: [entity.acsUrl], origin },
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

/**
 * Control Hub's SAML inspector: a pasted message judged against this org's configuration, with
 * the ACS's own table of checks, at the SP's clock (or the instant typed).
 */
export function createSpInspector(deps: {
  readonly now: () => number
  readonly context: () => OrgInspectionContext
}) {
  return {
    inspect: (form: PastedInspectForm): Result<PastedInspection, PastedInspectError> =>
      inspectPasted(form, { now: deps.now(), context: deps.context(), responseChecks: INSPECTOR_ACS_CHECKS }),
  }
}
