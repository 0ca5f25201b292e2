import {
  inspectPasted,
  type PastedInspectError,
  type PastedInspectForm,
  type PastedInspection,
  type Result,
  type WebexOrgContext,
  webexOrgInspectionContext,
} from '@sandbox/shared'
import { INSPECTOR_ACS_CHECKS } from '../sign-in/acs/inspector-checks'
import type { SpEntity } from './sp-entity'
import type { SsoStatus } from './sso-status'

/** What the inspector is told of the org, read from the same services as `/api/v1/sso`. */
export type OrgInspectionContext = WebexOrgContext

/**
 * The Webex org's own configuration as the inspector's context (the active IdP; before SSO is
 * enabled, the imported one Test SSO Connection uses), built as the inspect command builds it.
 */
export function orgInspectionContext(input: {
  readonly orgName: string
  readonly entity: SpEntity
  readonly sso: SsoStatus
  readonly spMetadataXml: string
}): OrgInspectionContext {
  const { entity } = input
  return webexOrgInspectionContext({
    orgName: input.orgName,
    orgId: entity.orgId,
    entityId: entity.entityId,
    acsUrl: entity.acsUrl,
    sso: input.sso,
    spMetadataXml: input.spMetadataXml,
  })
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
