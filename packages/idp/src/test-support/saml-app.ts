import type { KeyObject } from 'node:crypto'
import { encodePostBinding, encodeRedirectBinding, NS, type SignatureAlgorithm } from '@sandbox/shared'
import { CUSTOM_TEMPLATE_ID } from '../enterprise-apps/gallery'
import type { TestIdp, TestServices } from './harness'

/** The stub service provider tests register. */
export const SP = {
  entityId: 'https://sp.test/saml/metadata',
  acs: 'https://sp.test/saml/acs',
  logout: 'https://sp.test/saml/slo',
} as const

/** A registered, SAML-enabled app with the admin assigned (unless told otherwise). */
export async function setUpSamlApp(
  t: TestServices,
  options: {
    assignAdmin?: boolean
    templateId?: string
    name?: string
    entityId?: string
    acs?: string
  } = {},
): Promise<{ spId: string; appId: string }> {
  const created = await t.services.apps.instantiate(
    options.templateId ?? CUSTOM_TEMPLATE_ID,
    options.name ?? 'Tercen',
  )
  if (!created.ok) throw new Error(created.error.message)
  const spId = created.value.servicePrincipal.id
  const steps = [
    await t.services.samlConfig.enableSaml(spId),
    await t.services.samlConfig.configureBasicSaml(spId, {
      identifiers: [{ value: options.entityId ?? SP.entityId }],
      replyUrls: [{ url: options.acs ?? SP.acs }],
      logoutUrl: SP.logout,
    }),
  ]
  for (const step of steps) if (!step.ok) throw new Error(step.error.message)
  if (options.assignAdmin !== false) {
    const admin = t.store.read().users[0]?.id ?? ''
    const assigned = await t.services.assignments.assign({ resourceId: spId, principalId: admin })
    if (!assigned.ok) throw new Error(assigned.error.message)
  }
  return { spId, appId: created.value.application.appId }
}

/** An AuthnRequest as SPs send them; every part can be overridden. */
export function authnRequestXml(
  options: {
    id?: string
    issuer?: string | null
    acsUrl?: string | null
    attributes?: string
    children?: string
  } = {},
): string {
  const issuer = options.issuer === undefined ? SP.entityId : options.issuer
  const acs = options.acsUrl === undefined ? SP.acs : options.acsUrl
  return (
    `<samlp:AuthnRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${options.id ?? 'id6c1c178c166d486687be4aaf5e482730'}" Version="2.0" IssueInstant="2026-01-01T00:00:00.000Z"` +
    `${acs === null ? '' : ` AssertionConsumerServiceURL="${acs}"`} ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"${options.attributes ?? ''}>` +
    `${issuer === null ? '' : `<saml:Issuer>${issuer}</saml:Issuer>`}${options.children ?? ''}</samlp:AuthnRequest>`
  )
}

/** The IdP's `/{tenant}/saml2` URL carrying `xml` over the Redirect binding. */
export function redirectUrl(
  t: TestServices,
  xml: string,
  options: {
    relayState?: string
    signing?: { privateKey: KeyObject; algorithm: SignatureAlgorithm }
    parameter?: 'SAMLRequest' | 'SAMLResponse'
  } = {},
): string {
  const query = encodeRedirectBinding({
    parameter: options.parameter ?? 'SAMLRequest',
    xml,
    relayState: options.relayState,
    signing: options.signing,
  })
  return `${t.url}/${t.tenantId}/saml2?${query}`
}

/** POSTs `xml` to `/{tenant}/saml2` over the POST binding (no browser). */
export function postToSaml2(
  t: TestIdp,
  xml: string,
  extra: Record<string, string> = {},
  cookie?: string,
): Promise<Response> {
  const body = new URLSearchParams({ SAMLRequest: encodePostBinding(xml), ...extra })
  return Promise.resolve(
    t.app.request(`/${t.tenantId}/saml2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body: body.toString(),
    }),
  )
}
