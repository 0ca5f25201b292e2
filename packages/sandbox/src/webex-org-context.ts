import { type InspectionContext, type WebexOrgSso, webexOrgInspectionContext } from '@sandbox/shared'
import { type ApiTarget, requestJson } from './clients/api-request'
import { createSpClient } from './clients/sp-client'

/** Part of an inspection context, merged with the others by the inspect command. */
export type ContextPart = { -readonly [K in keyof InspectionContext]?: InspectionContext[K] }

/** The Webex org's SSO configuration, read through the Control Hub API at `target`. */
export async function webexOrgContextOf(target: ApiTarget): Promise<ContextPart> {
  const sp = createSpClient(target)
  const [org, sso, spMetadata] = await Promise.all([
    sp.organization(),
    requestJson<WebexOrgSso>(target, { method: 'GET', path: '/api/v1/sso' }),
    sp.spMetadataXml(),
  ])
  return webexOrgInspectionContext({
    orgName: org.name,
    orgId: org.orgId,
    entityId: org.entityId,
    acsUrl: org.acsUrl,
    sso,
    spMetadataXml: spMetadata,
  })
}
