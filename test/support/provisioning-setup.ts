import { type ManualScheduler, manualScheduler } from '@sandbox/shared'
import {
  type RunningSandbox,
  type SandboxOptions,
  startSandboxServers as startSandbox,
} from 'sso-rehearsal-sandbox'
import { expect } from 'vitest'
import { type ScimProxy, startScimProxy } from './scim-proxy'
import { setUpTutorial, type TutorialSetUp } from './tutorial-setup'

/** A sandbox set up for provisioning rehearsals: the tutorial up to SSO, a SCIM token, a proxy. */
export interface ProvisioningSandbox {
  readonly sandbox: RunningSandbox
  readonly scheduler: ManualScheduler
  readonly tutorial: TutorialSetUp
  readonly servicePrincipalId: string
  /** The SCIM token Control Hub issued, and the legacy Tenant URL (the gallery connector's). */
  readonly scim: { readonly token: string; readonly legacyScimBaseUrl: string; readonly scimBaseUrl: string }
  /** A recording, fault-injecting proxy in front of the SP. */
  readonly proxy: ScimProxy
  /** The Tenant URL through the proxy. */
  readonly tenantUrl: string
  graph(method: string, path: string, body?: unknown): Promise<Response>
  sandboxApi(method: string, path: string, body?: unknown): Promise<Response>
  spApi(method: string, path: string, body?: unknown): Promise<Response>
  /** Runs one provisioning cycle now (the sandbox API waits for it) and returns its summary. */
  cycle(): Promise<CycleSummaryJson>
  /**
   * Back to "nothing provisioned": the job deleted, every Webex user removed, the proxy's
   * record, faults and the scheduler's sleeps cleared, the current SCIM token read again.
   */
  resetProvisioning(): Promise<void>
  close(): Promise<void>
}

/** The summary the sandbox API answers a cycle with. */
export interface CycleSummaryJson {
  readonly id: string
  readonly kind: 'Initial' | 'Incremental'
  readonly state: string
  readonly resumed: boolean
  readonly counts: Record<string, number>
  readonly error: { code: string; message: string } | null
}

function caller(base: string, token: string) {
  return (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
}

/** Starts a sandbox (manual scheduler: no cycle runs unless asked), runs the tutorial to step 5. */
export async function startProvisioningSandbox(options: SandboxOptions = {}): Promise<ProvisioningSandbox> {
  const scheduler = manualScheduler()
  const sandbox = await startSandbox({ scheduler, ...options })
  const tutorial = await setUpTutorial(sandbox, 5)
  const spApi = caller(sandbox.sp.url, sandbox.sp.adminApiToken)
  const scim = {
    ...((await (await spApi('GET', '/api/v1/scim/token')).json()) as ProvisioningSandbox['scim']),
  }
  const proxy = await startScimProxy(sandbox.sp.url)
  const graph = caller(`${sandbox.idp.url}/v1.0`, sandbox.idp.graphApiToken)
  const sandboxApi = caller(`${sandbox.idp.url}/sandbox/api`, sandbox.idp.graphApiToken)
  const servicePrincipalId = tutorial.facts.servicePrincipalId ?? ''
  return {
    sandbox,
    scheduler,
    tutorial,
    servicePrincipalId,
    scim,
    proxy,
    tenantUrl: proxy.via(scim.legacyScimBaseUrl),
    graph,
    sandboxApi,
    spApi,
    cycle: async () => {
      const response = await sandboxApi(
        'POST',
        `/servicePrincipals/${servicePrincipalId}/provisioning/cycles`,
      )
      const json = (await response.json()) as CycleSummaryJson
      expect(response.status, JSON.stringify(json)).toBe(200)
      return json
    },
    resetProvisioning: async () => {
      const jobs = (await (
        await graph('GET', `/servicePrincipals/${servicePrincipalId}/synchronization/jobs`)
      ).json()) as {
        value: { id: string }[]
      }
      for (const job of jobs.value)
        expect(
          (await graph('DELETE', `/servicePrincipals/${servicePrincipalId}/synchronization/jobs/${job.id}`))
            .status,
        ).toBe(204)
      const users = (await (await spApi('GET', '/api/v1/users?limit=1000')).json()) as {
        items: { id: string }[]
      }
      for (const user of users.items)
        expect((await spApi('DELETE', `/api/v1/users/${user.id}`)).status).toBe(204)
      Object.assign(
        scim,
        (await (await spApi('GET', '/api/v1/scim/token')).json()) as ProvisioningSandbox['scim'],
      )
      proxy.clearFaults()
      proxy.requests.length = 0
      scheduler.sleeps.length = 0
    },
    close: async () => {
      await proxy.close()
      await sandbox.close()
    },
  }
}

/**
 * Configures provisioning the way Microsoft's Graph tutorial does: the job from the
 * connector's template, the secrets (Tenant URL, Secret Token), then Start. Returns the job id.
 */
export async function configureOverGraph(
  p: ProvisioningSandbox,
  options: { tenantUrl?: string; token?: string; syncAll?: boolean; start?: boolean } = {},
): Promise<string> {
  const sp = p.servicePrincipalId
  const templates = (await (
    await p.graph('GET', `/servicePrincipals/${sp}/synchronization/templates`)
  ).json()) as {
    value: { id: string }[]
  }
  const templateId = templates.value[0]?.id ?? ''
  const created = await p.graph('POST', `/servicePrincipals/${sp}/synchronization/jobs`, { templateId })
  expect(created.status).toBe(201)
  const job = (await created.json()) as { id: string }
  const secrets = await p.graph('PUT', `/servicePrincipals/${sp}/synchronization/secrets`, {
    value: [
      { key: 'BaseAddress', value: options.tenantUrl ?? p.tenantUrl },
      { key: 'SecretToken', value: options.token ?? p.scim.token },
      ...(options.syncAll === undefined ? [] : [{ key: 'SyncAll', value: String(options.syncAll) }]),
    ],
  })
  expect(secrets.status).toBe(204)
  if (options.start !== false) {
    const started = await p.graph('POST', `/servicePrincipals/${sp}/synchronization/jobs/${job.id}/start`)
    expect(started.status).toBe(204)
  }
  return job.id
}

/** The SP's users as Control Hub lists them. */
export async function webexUsers(p: ProvisioningSandbox): Promise<
  {
    id: string
    email: string
    firstName: string
    lastName: string
    active: boolean
    source: string
    externalId: string | null
  }[]
> {
  const listed = (await (await p.spApi('GET', '/api/v1/users?limit=1000')).json()) as {
    items: {
      id: string
      email: string
      firstName: string
      lastName: string
      active: boolean
      source: string
      externalId: string | null
    }[]
  }
  return listed.items
}
