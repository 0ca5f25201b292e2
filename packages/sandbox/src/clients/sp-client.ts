import { type ApiTarget, requestJson, requestText } from './api-request'

export type TrustMode = 'ca-signed' | 'self-signed-allowed'

export interface SpOrganization {
  readonly orgId: string
  readonly name: string
  readonly entityId: string
  readonly acsUrl: string
  readonly signOnUrl: string
}

export interface SsoStatus {
  readonly enabled: boolean
  readonly pending: { idpEntityId: string; trustMode: TrustMode } | null
  readonly active: { idpEntityId: string; trustMode: TrustMode } | null
}

export interface TestResult {
  readonly status: 'passed' | 'failed' | 'running'
  readonly code?: string
  readonly message?: string
  readonly nameId?: string
  readonly attributes?: Record<string, string[]>
}

export interface WebexUserSummary {
  readonly id: string
  /** The primary email: the Webex username. */
  readonly email: string
  readonly displayName: string
  readonly active: boolean
  /** How the user came to Webex: added in Control Hub, provisioned over SCIM, or created at sign-in. */
  readonly source: 'manual' | 'scim' | 'jit'
}

/** What Entra's Provisioning page needs from Control Hub: the Tenant URL and the Secret Token. */
export interface ScimCredentials {
  readonly token: string
  readonly scimBaseUrl: string
  /** The path the Cisco Webex gallery connector uses (`/v1/scim/{orgId}`). */
  readonly legacyScimBaseUrl: string
}

/** A typed client of the Webex emulator's Control Hub API (packages/sp/API.md). */
export function createSpClient(target: ApiTarget) {
  return {
    target,
    reset: () => requestJson<unknown>(target, { method: 'POST', path: '/api/v1/sandbox/reset' }),
    /** The id of the newest sign-in trace, or null. */
    latestTraceId: async () =>
      (
        await requestJson<{ traces: { id: string }[] }>(target, {
          method: 'GET',
          path: '/api/v1/traces?limit=1',
        })
      ).traces[0]?.id ?? null,
    organization: () => requestJson<SpOrganization>(target, { method: 'GET', path: '/api/v1/org' }),
    spMetadataXml: () => requestText(target, { method: 'GET', path: '/api/v1/sso/sp-metadata' }),
    importIdpMetadata: (xml: string, trustMode: TrustMode) =>
      requestJson<unknown>(target, {
        method: 'POST',
        path: '/api/v1/sso/idp-metadata',
        body: { xml, trustMode },
      }),
    status: () => requestJson<SsoStatus>(target, { method: 'GET', path: '/api/v1/sso' }),
    startTest: () => requestJson<{ url: string }>(target, { method: 'POST', path: '/api/v1/sso/test' }),
    testResult: () => requestJson<TestResult>(target, { method: 'GET', path: '/api/v1/sso/test/result' }),
    enable: () => requestJson<unknown>(target, { method: 'POST', path: '/api/v1/sso/enable' }),
    disable: () => requestJson<unknown>(target, { method: 'POST', path: '/api/v1/sso/disable' }),
    findUser: async (email: string) => {
      const page = await requestJson<{ items: WebexUserSummary[] }>(target, {
        method: 'GET',
        path: `/api/v1/users?search=${encodeURIComponent(email)}`,
      })
      return page.items.find((u) => u.email.toLowerCase() === email.toLowerCase()) ?? null
    },
    addUser: (body: { firstName: string; lastName: string; email: string }) =>
      requestJson<WebexUserSummary>(target, { method: 'POST', path: '/api/v1/users', body }),
    deleteUser: (id: string) =>
      requestJson<void>(target, { method: 'DELETE', path: `/api/v1/users/${encodeURIComponent(id)}` }),
    scimCredentials: () =>
      requestJson<ScimCredentials>(target, { method: 'GET', path: '/api/v1/scim/token' }),
    /** Issues a new SCIM token; the old one stops working at once. */
    regenerateScimToken: () =>
      requestJson<ScimCredentials>(target, { method: 'POST', path: '/api/v1/scim/token' }),
    sessionInfoUrl: () => new URL('/api/v1/session', target.baseUrl).href,
  }
}

export type SpClient = ReturnType<typeof createSpClient>
