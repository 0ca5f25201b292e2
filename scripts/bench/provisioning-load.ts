import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { statePaths, writeStateFile } from '@sandbox/shared'
import { type ServerProcess, startChild, stopChild } from './loopback-servers'
import { readCpuMs } from './process-stats'

/** How many users the initial cycle provisions. */
export interface ProvisioningLimits {
  readonly users: number
}

/** One initial provisioning cycle, measured from the IdP's answer to "run a cycle now". */
export interface ProvisioningResult {
  /** Users the cycle created in Webex (the directory's, plus its admin: the scope is Sync all). */
  readonly users: number
  readonly wallMs: number
  /** Users created per second of the cycle. */
  readonly perSecond: number
  /** SCIM requests the engine sent (a query and a create per user). */
  readonly requests: number
  readonly idpCpuMs: number
  readonly spCpuMs: number
}

async function call(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`)
  return text === '' ? null : JSON.parse(text)
}

/**
 * Adds `count` users to the IdP's state file while the IdP is stopped: creating them through
 * Graph would measure password hashing and 5 000 rewrites of the state file, not provisioning.
 */
async function seedUsers(dataDir: string, count: number): Promise<void> {
  const path = statePaths(dataDir).idp
  const envelope = JSON.parse(readFileSync(path, 'utf8')) as {
    format: string
    version: number
    // The IdP's directory users, copied field by field from its admin (the file's own shape).
    data: { users: Record<string, unknown>[] }
  }
  const admin = envelope.data.users[0]
  if (!admin) throw new Error('the IdP state has no admin user')
  for (let i = 0; i < count; i += 1) {
    const n = String(i).padStart(5, '0')
    envelope.data.users.push({
      ...admin,
      id: `00000000-0000-4000-8000-0000000${n}`,
      userPrincipalName: `load${n}@contoso.com`,
      displayName: `Load User ${n}`,
      mailNickname: `load${n}`,
      givenName: 'Load',
      surname: `User ${n}`,
      mail: `load${n}@contoso.com`,
      directoryRoles: [],
    })
  }
  await writeStateFile(path, envelope, envelope.data)
}

/**
 * The initial cycle of a provisioning job over `limits.users` users, the IdP (with its data
 * directory: the engine's progress writes are measured) and the SP (state in memory, as
 * startSandbox() runs it) each in its own process on loopback. Scope: Sync all users.
 */
export async function measureProvisioning(
  childScript: string,
  limits: ProvisioningLimits,
  /** Extra V8 flags per server (e.g. `--cpu-prof` to profile the servers under this load). */
  nodeArgs: (role: 'idp' | 'sp') => readonly string[] = () => [],
): Promise<ProvisioningResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-provisioning-'))
  const children: ServerProcess[] = []
  const start = async (role: 'idp' | 'sp', args: readonly string[] = []) => {
    const started = await startChild(childScript, role, dataDir, nodeArgs(role), false, args)
    children.push(started.ready)
    return started.ready
  }
  try {
    // First start: the tenant, the CA and the Cisco Webex app; then the users, written in.
    let idp = await start('idp')
    const templates = (await call(
      idp.url,
      idp.token,
      'GET',
      "/v1.0/applicationTemplates?$filter=displayName eq 'Cisco Webex'",
    )) as {
      value: { id: string }[]
    }
    const app = (await call(
      idp.url,
      idp.token,
      'POST',
      `/v1.0/applicationTemplates/${templates.value[0]?.id}/instantiate`,
      {
        displayName: 'Cisco Webex',
      },
    )) as { servicePrincipal: { id: string } }
    const spId = app.servicePrincipal.id
    await stopChild(idp.child)
    await seedUsers(dataDir, limits.users)
    idp = await start('idp')
    const sp = await start('sp', ['ephemeral'])
    const scim = (await call(sp.url, sp.token, 'GET', '/api/v1/scim/token')) as {
      token: string
      legacyScimBaseUrl: string
    }
    await call(idp.url, idp.token, 'POST', `/v1.0/servicePrincipals/${spId}/synchronization/jobs`, {
      templateId: 'ciscoWebex',
    })
    await call(idp.url, idp.token, 'PUT', `/v1.0/servicePrincipals/${spId}/synchronization/secrets`, {
      value: [
        { key: 'BaseAddress', value: scim.legacyScimBaseUrl },
        { key: 'SecretToken', value: scim.token },
        { key: 'SyncAll', value: 'true' },
      ],
    })
    const cpuBefore = { idp: readCpuMs(idp.pid), sp: readCpuMs(sp.pid) }
    const began = performance.now()
    const summary = (await call(
      idp.url,
      idp.token,
      'POST',
      `/sandbox/api/servicePrincipals/${spId}/provisioning/cycles`,
    )) as {
      state: string
      counts: { created: number; failed: number; requests: number }
    }
    const wallMs = performance.now() - began
    if (summary.counts.failed > 0 || summary.counts.created < limits.users)
      throw new Error(`the benchmark cycle did not provision every user: ${JSON.stringify(summary)}`)
    return {
      users: summary.counts.created,
      wallMs,
      perSecond: (summary.counts.created * 1000) / wallMs,
      requests: summary.counts.requests,
      idpCpuMs: readCpuMs(idp.pid) - cpuBefore.idp,
      spCpuMs: readCpuMs(sp.pid) - cpuBefore.sp,
    }
  } finally {
    await Promise.all(children.map((c) => stopChild(c.child)))
    rmSync(dataDir, { recursive: true, force: true })
  }
}
