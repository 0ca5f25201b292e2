import { type ApiTarget, requestJson, requestText } from './api-request'
import { createProvisioningClient } from './provisioning-client'

/** The parts of the IdP's "SAML page" (`/sandbox/api/servicePrincipals/{id}/saml`) scripts read. */
export interface SamlPage {
  readonly servicePrincipalId: string
  readonly appId: string
  readonly displayName: string
  readonly basicSamlConfiguration: {
    readonly identifiers: readonly { value: string; isDefault: boolean }[]
    readonly replyUrls: readonly { url: string; index: number | null; isDefault: boolean }[]
    readonly signOnUrl: string | null
    readonly relayState: string | null
    readonly logoutUrl: string | null
  }
  readonly attributesAndClaims: {
    readonly nameId: { source: ClaimSource; format: string }
    readonly claims: readonly { id: string; name: string; namespace: string; source: ClaimSource }[]
  }
  readonly samlCertificates: {
    readonly certificates: readonly {
      thumbprint: string
      status: string
      kind: string
      displayName: string
      expiration: string
    }[]
    readonly signingThumbprint: string | null
    readonly appFederationMetadataUrl: string
  }
  readonly setUp: { loginUrl: string; microsoftEntraIdentifier: string; logoutUrl: string }
  readonly test: { url: string }
}

export type ClaimSource =
  | { kind: 'attribute'; attribute: string }
  | { kind: 'constant'; value: string }
  | { kind: 'transformation'; input: unknown; transformations: unknown[] }

export interface GraphUser {
  readonly id: string
  readonly userPrincipalName: string
  readonly displayName: string
  readonly passwordProfile?: { password: string }
}

interface Collection<T> {
  readonly value: T[]
}

/**
 * A typed client of the Entra emulator's Graph-shaped and sandbox APIs (packages/idp/API.md):
 * what `pnpm rehearse` and tests call instead of clicking through the admin center.
 */
export function createIdpClient(target: ApiTarget) {
  const samlPath = (spId: string) => `/sandbox/api/servicePrincipals/${encodeURIComponent(spId)}/saml`
  const quote = (value: string) => `'${value.replaceAll("'", "''")}'`
  return {
    target,
    /** An app's Provisioning pages. */
    provisioning: createProvisioningClient(target),
    tenant: () =>
      requestJson<{ tenantId: string; displayName: string; samlEndpoint: string }>(target, {
        method: 'GET',
        path: '/sandbox/api/tenant',
      }),
    reset: () =>
      requestJson<{ adminUserPrincipalName: string; adminPasswordKept: boolean }>(target, {
        method: 'POST',
        path: '/sandbox/api/reset',
      }),
    galleryTemplate: async (displayName: string) => {
      const found = await requestJson<Collection<{ id: string; displayName: string }>>(target, {
        method: 'GET',
        path: `/v1.0/applicationTemplates?$filter=${encodeURIComponent(`displayName eq ${quote(displayName)}`)}`,
      })
      return found.value[0] ?? null
    },
    instantiate: (templateId: string, displayName: string) =>
      requestJson<{ application: { id: string; appId: string }; servicePrincipal: { id: string } }>(target, {
        method: 'POST',
        path: `/v1.0/applicationTemplates/${encodeURIComponent(templateId)}/instantiate`,
        body: { displayName },
      }),
    servicePrincipalByName: async (displayName: string) => {
      const found = await requestJson<
        Collection<{ id: string; appId: string; appRoles: { id: string; displayName: string }[] }>
      >(target, {
        method: 'GET',
        path: `/v1.0/servicePrincipals?$filter=${encodeURIComponent(`displayName eq ${quote(displayName)}`)}`,
      })
      return found.value[0] ?? null
    },
    servicePrincipal: (spId: string) =>
      requestJson<{ id: string; appId: string; appRoles: { id: string; displayName: string }[] }>(target, {
        method: 'GET',
        path: `/v1.0/servicePrincipals/${encodeURIComponent(spId)}`,
      }),
    deleteServicePrincipal: (spId: string) =>
      requestJson<void>(target, {
        method: 'DELETE',
        path: `/v1.0/servicePrincipals/${encodeURIComponent(spId)}`,
      }),
    updateServicePrincipal: (spId: string, body: Record<string, unknown>) =>
      requestJson<void>(target, {
        method: 'PATCH',
        path: `/v1.0/servicePrincipals/${encodeURIComponent(spId)}`,
        body,
      }),
    samlPage: (spId: string) => requestJson<SamlPage>(target, { method: 'GET', path: samlPath(spId) }),
    enableSaml: (spId: string) =>
      requestJson<SamlPage>(target, { method: 'POST', path: `${samlPath(spId)}/enable` }),
    uploadSpMetadata: (spId: string, xml: string) =>
      requestJson<{ uploaded: { entityId: string; replyUrls: string[] }; saml: SamlPage }>(target, {
        method: 'POST',
        path: `${samlPath(spId)}/metadata`,
        xml,
      }),
    updateBasicSaml: (spId: string, body: Record<string, unknown>) =>
      requestJson<SamlPage>(target, { method: 'PUT', path: `${samlPath(spId)}/basic`, body }),
    updateClaim: (
      spId: string,
      claimId: string,
      body: { name: string; namespace?: string; source: ClaimSource },
    ) =>
      requestJson<unknown>(target, {
        method: 'PUT',
        path: `${samlPath(spId)}/claims/${encodeURIComponent(claimId)}`,
        body,
      }),
    setSigningOption: (spId: string, signingOption: 'assertion' | 'response' | 'both') =>
      requestJson<SamlPage>(target, {
        method: 'PUT',
        path: `${samlPath(spId)}/signing`,
        body: { signingOption },
      }),
    rolloverCertificate: (spId: string) =>
      requestJson<SamlPage>(target, {
        method: 'POST',
        path: `/sandbox/api/servicePrincipals/${encodeURIComponent(spId)}/certificates/rollover`,
        body: {},
      }),
    federationMetadataXml: (spId: string) =>
      requestText(target, {
        method: 'GET',
        path: `/sandbox/api/servicePrincipals/${encodeURIComponent(spId)}/federationMetadata`,
      }),
    setDefaultCertificateKind: (kind: 'ca-issued' | 'self-signed') =>
      requestJson<unknown>(target, {
        method: 'PUT',
        path: '/sandbox/api/settings',
        body: { defaultCertificateKind: kind },
      }),
    setClockOffset: (offsetSeconds: number) =>
      requestJson<{ offsetSeconds: number }>(target, {
        method: 'PUT',
        path: '/sandbox/api/clock',
        body: { offsetSeconds },
      }),
    userByPrincipalName: async (upn: string) => {
      const found = await requestJson<Collection<GraphUser>>(target, {
        method: 'GET',
        path: `/v1.0/users?$filter=${encodeURIComponent(`userPrincipalName eq ${quote(upn)}`)}`,
      })
      return found.value[0] ?? null
    },
    createUser: (body: Record<string, unknown>) =>
      requestJson<GraphUser>(target, { method: 'POST', path: '/v1.0/users', body }),
    updateUser: (userId: string, body: Record<string, unknown>) =>
      requestJson<void>(target, { method: 'PATCH', path: `/v1.0/users/${encodeURIComponent(userId)}`, body }),
    resetPassword: (userId: string) =>
      requestJson<{ password: string }>(target, {
        method: 'POST',
        path: `/sandbox/api/users/${encodeURIComponent(userId)}/resetPassword`,
      }),
    assignments: (spId: string) =>
      requestJson<Collection<{ id: string; principalId: string; appRoleId: string }>>(target, {
        method: 'GET',
        path: `/v1.0/servicePrincipals/${encodeURIComponent(spId)}/appRoleAssignedTo`,
      }),
    assign: (spId: string, principalId: string, appRoleId: string) =>
      requestJson<{ id: string }>(target, {
        method: 'POST',
        path: `/v1.0/servicePrincipals/${encodeURIComponent(spId)}/appRoleAssignedTo`,
        body: { principalId, resourceId: spId, appRoleId },
      }),
    unassign: (spId: string, assignmentId: string) =>
      requestJson<void>(target, {
        method: 'DELETE',
        path: `/v1.0/servicePrincipals/${encodeURIComponent(spId)}/appRoleAssignedTo/${encodeURIComponent(assignmentId)}`,
      }),
  }
}

export type IdpClient = ReturnType<typeof createIdpClient>
