import type { RunningSandbox } from '../servers'

/**
 * The one line of JSON `start --json` prints once both servers listen: everything a test
 * runner needs to drive the sandbox (URLs, ids, tokens, both consoles' administrators), named
 * as on the `startSandbox()` handle. It holds sandbox-only secrets, like the ready banner.
 */
export interface ReadyLine {
  readonly ready: true
  readonly startupMs: number
  /** The data directory, or null when the state lives in memory (`--ephemeral`). */
  readonly dataDir: string | null
  readonly entra: {
    readonly url: string
    readonly tenantId: string
    /** Bearer token of the Graph-shaped API (`/v1.0`) and the sandbox API (`/sandbox/api`). */
    readonly graphToken: string
    readonly adminCenterUrl: string
    readonly myAppsUrl: string
    /** The Global Administrator; null after the first start of a data directory (its password is shown once). */
    readonly admin: { readonly userPrincipalName: string; readonly password: string } | null
  }
  readonly webex: {
    readonly url: string
    readonly orgId: string
    /** Bearer token of the Control Hub API (`/api/v1`). */
    readonly adminToken: string
    readonly controlHubUrl: string
    /** Where an SP-initiated sign-in to Webex starts. */
    readonly signOnUrl: string
    readonly scimBaseUrl: string
    readonly scimToken: string
    /** Control Hub's built-in administrator (its password works with SSO on too). */
    readonly admin: { readonly email: string; readonly password: string }
  }
}

export function readyLineOf(sandbox: RunningSandbox, dataDir: string | null, startupMs: number): ReadyLine {
  const { idp, sp } = sandbox
  return {
    ready: true,
    startupMs,
    dataDir,
    entra: {
      url: idp.url,
      tenantId: idp.tenantId,
      graphToken: idp.graphApiToken,
      adminCenterUrl: `${idp.url}/`,
      myAppsUrl: `${idp.url}/myapps`,
      admin: idp.firstStart
        ? {
            userPrincipalName: idp.firstStart.adminUserPrincipalName,
            password: idp.firstStart.adminPassword,
          }
        : null,
    },
    webex: {
      url: sp.url,
      orgId: sp.orgId,
      adminToken: sp.adminApiToken,
      controlHubUrl: `${sp.url}/admin`,
      signOnUrl: `${sp.url}/idb/Consumer/metaAlias/${sp.orgId}/sp`,
      scimBaseUrl: `${sp.url}/identity/scim/${sp.orgId}/v2`,
      scimToken: sp.scimToken,
      admin: { email: sp.controlHubAdmin.email, password: sp.controlHubAdmin.password },
    },
  }
}
