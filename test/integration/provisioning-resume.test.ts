import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningSp, startSp } from '@sandbox/sp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CYCLE_CONCURRENCY } from '../../packages/idp/src/provisioning/cycle-runner'
import { type CliRun, runCli } from '../support/cli'
import { type ScimProxy, startScimProxy } from '../support/scim-proxy'
import { createTestRuntime } from '../support/test-runtime'

/**
 * An IdP killed in the middle of a provisioning cycle, in its own process with a data
 * directory, while SCIM requests it sent are still on their way to Webex. Restarted, it
 * finishes the cycle without creating anything twice.
 */
const USERS = 120
const dataDir = mkdtempSync(join(tmpdir(), 'provisioning-resume-'))
const runs: CliRun[] = []
let sp: RunningSp
let proxy: ScimProxy
let scim: { token: string; legacyScimBaseUrl: string }

interface Idp {
  readonly run: CliRun
  readonly url: string
  graph(method: string, path: string, body?: unknown): Promise<Response>
}

async function startIdp(): Promise<Idp> {
  const run = runCli('packages/idp/src/main.ts', ['--port', '0', '--data-dir', dataDir])
  runs.push(run)
  const ready = await run.waitFor(/ready in \d+ ms: (http\S+?)\/ \(tenant/)
  const token = (await run.waitFor(/Authorization: Bearer (\S+)\)/))[1] ?? ''
  const url = ready[1] ?? ''
  return {
    run,
    url,
    graph: (method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  }
}

beforeAll(async () => {
  const runtime = await createTestRuntime()
  sp = await startSp(
    { host: '127.0.0.1', port: 0, dataDir: null, reset: false, https: false, publicUrl: undefined },
    runtime,
  )
  scim = (await (
    await fetch(`${sp.url}/api/v1/scim/token`, { headers: { authorization: `Bearer ${sp.adminApiToken}` } })
  ).json()) as typeof scim
  proxy = await startScimProxy(sp.url)
}, 60_000)
afterAll(async () => {
  for (const run of runs)
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL')
  await Promise.all(runs.map((r) => r.exited))
  await proxy?.close()
  await sp?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('an IdP killed mid-cycle', () => {
  it('resumes after a restart and creates every user and the group exactly once', async () => {
    const first = await startIdp()
    const templates = (await (
      await first.graph('GET', "/v1.0/applicationTemplates?$filter=displayName eq 'Cisco Webex'")
    ).json()) as { value: { id: string }[] }
    const app = (await (
      await first.graph('POST', `/v1.0/applicationTemplates/${templates.value[0]?.id}/instantiate`, {
        displayName: 'Cisco Webex',
      })
    ).json()) as {
      servicePrincipal: { id: string }
    }
    const spId = app.servicePrincipal.id
    const ids: string[] = []
    for (let i = 0; i < USERS; i += 1) {
      const created = await first.graph('POST', '/v1.0/users', {
        accountEnabled: true,
        displayName: `Kill ${i}`,
        mailNickname: `kill${i}`,
        userPrincipalName: `kill${i}@contoso.com`,
        passwordProfile: { password: 'Contoso1234!' },
      })
      expect(created.status).toBe(201)
      ids.push(((await created.json()) as { id: string }).id)
    }
    const group = (await (
      await first.graph('POST', '/v1.0/groups', {
        displayName: 'Everyone',
        mailNickname: 'everyone',
        securityEnabled: true,
        mailEnabled: false,
      })
    ).json()) as { id: string }
    for (const id of ids.slice(0, 10))
      await first.graph('POST', `/v1.0/groups/${group.id}/members/$ref`, {
        '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}`,
      })
    const job = (await (
      await first.graph('POST', `/v1.0/servicePrincipals/${spId}/synchronization/jobs`, {
        templateId: 'ciscoWebex',
      })
    ).json()) as { id: string }
    const secrets = await first.graph('PUT', `/v1.0/servicePrincipals/${spId}/synchronization/secrets`, {
      value: [
        { key: 'BaseAddress', value: proxy.via(scim.legacyScimBaseUrl) },
        { key: 'SecretToken', value: scim.token },
        { key: 'SyncAll', value: 'true' },
      ],
    })
    expect(secrets.status).toBe(204)

    // Hold every create after the 60th, so the kill lands with creates in flight.
    proxy.holdAfter(60, (r) => r.method === 'POST' && r.path.endsWith('/Users'))
    expect(
      (await first.graph('POST', `/v1.0/servicePrincipals/${spId}/synchronization/jobs/${job.id}/start`))
        .status,
    ).toBe(204)
    await proxy.whenHeld(CYCLE_CONCURRENCY)
    first.run.child.kill('SIGKILL')
    expect(await first.run.exited).toBe('SIGKILL')
    // The creates the dead IdP sent still reach Webex: users it never learnt the ids of.
    await proxy.release()
    const createdBeforeRestart = proxy.matching('POST', /\/Users$/).filter((r) => r.status === 201).length
    expect(createdBeforeRestart).toBe(60 + CYCLE_CONCURRENCY)

    const second = await startIdp()
    // Waits for the cycle the restart resumed, then runs one more.
    const ran = await second.graph('POST', `/sandbox/api/servicePrincipals/${spId}/provisioning/cycles`)
    expect(ran.status).toBe(200)
    const last = (await ran.json()) as { kind: string; counts: { requests: number; failed: number } }
    expect(last).toMatchObject({ kind: 'Incremental', counts: { requests: 0, failed: 0 } })
    const status = (await (
      await second.graph('GET', `/v1.0/servicePrincipals/${spId}/synchronization/jobs/${job.id}`)
    ).json()) as {
      status: { code: string; lastExecution: { state: string } }
    }
    expect(status.status.lastExecution.state).toBe('Succeeded')
    const page = (await (
      await second.graph('GET', `/sandbox/api/servicePrincipals/${spId}/provisioning`)
    ).json()) as {
      job: {
        status: { cycles: { kind: string; trigger: string; resumed: boolean; state: string }[] }
        provisioned: { users: number; groups: number }
      }
    }
    expect(page.job.status.cycles[0]).toMatchObject({
      kind: 'Initial',
      trigger: 'resume',
      resumed: true,
      state: 'Succeeded',
    })
    expect(page.job.provisioned).toEqual({ users: USERS + 1, groups: 1 })

    // Every user exactly once in Webex (the admin too: Sync all), each created by exactly one POST.
    const users = (await (
      await fetch(`${sp.url}/api/v1/users?limit=1000`, {
        headers: { authorization: `Bearer ${sp.adminApiToken}` },
      })
    ).json()) as {
      items: { email: string }[]
    }
    const emails = users.items.map((u) => u.email)
    expect(emails).toHaveLength(USERS + 1)
    expect(new Set(emails).size).toBe(USERS + 1)
    const posts = proxy.matching('POST', /\/Users$/)
    expect(posts.filter((r) => r.status !== 201)).toEqual([])
    const perUser = new Map<string, number>()
    for (const r of posts) {
      const name = String((r.body as { userName: string }).userName).toLowerCase()
      perUser.set(name, (perUser.get(name) ?? 0) + 1)
    }
    expect([...perUser.values()].every((n) => n === 1)).toBe(true)
    expect(proxy.matching('POST', /\/Groups$/).map((r) => r.status)).toEqual([201])
    second.run.child.kill('SIGTERM')
    expect(await second.run.exited).toBe(0)
  }, 120_000)
})
