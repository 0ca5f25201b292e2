import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { statePaths } from '@sandbox/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { type CliRun, runCli } from '../support/cli'
import { createPrng } from './corpus/prng'

/**
 * Server-level durability: the real `pnpm dev` entry point (scripts/start.ts) with a data
 * directory, hammered with state-changing admin API calls and SIGKILLed at seeded random
 * moments while writes are in flight. After each restart every change the server acknowledged
 * (2xx) is there, and the state file parses. Complements test/integration/state-durability
 * (the store alone).
 */
const running: CliRun[] = []
afterEach(async () => {
  for (const run of running.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL')
    await run.exited
  }
})

interface Started {
  readonly run: CliRun
  readonly idp: string
  readonly sp: string
}

async function startServer(dataDir: string): Promise<Started> {
  const run = runCli('scripts/start.ts', ['--idp-port', '0', '--sp-port', '0', '--data-dir', dataDir])
  running.push(run)
  await run.waitFor(/Sandbox ready in \d+ ms/)
  const idp = /Entra admin center\s+(http\S+?)\/\n/.exec(run.output())?.[1]
  const sp = /Webex Control Hub\s+(http\S+?)\/admin\n/.exec(run.output())?.[1]
  if (!idp || !sp) throw new Error(`no URLs in:\n${run.output()}`)
  return { run, idp, sp }
}

interface StoredIdp {
  readonly graphApiToken: string
  readonly users: ReadonlyArray<{ readonly userPrincipalName: string }>
}

function readIdpState(dataDir: string): StoredIdp {
  const envelope = JSON.parse(readFileSync(statePaths(dataDir).idp, 'utf8')) as { data: StoredIdp }
  return envelope.data
}

interface StoredSp {
  readonly adminApiToken: string
  readonly directory: { readonly users: ReadonlyArray<{ readonly userName: string }> }
}

function readSpState(dataDir: string): StoredSp {
  const envelope = JSON.parse(readFileSync(statePaths(dataDir).sp, 'utf8')) as { data: StoredSp }
  return envelope.data
}

/** One state-changing call per server: a Graph user on the IdP, a Control Hub user on the SP. */
function createCall(
  started: Started,
  tokens: { idp: string; sp: string },
  server: 'idp' | 'sp',
  name: string,
) {
  return server === 'idp'
    ? fetch(`${started.idp}/v1.0/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.idp}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          accountEnabled: true,
          displayName: name,
          mailNickname: name,
          userPrincipalName: `${name}@contoso.com`,
          passwordProfile: { password: 'Contoso1234!' },
        }),
      })
    : fetch(`${started.sp}/api/v1/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.sp}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${name}@contoso.com`, firstName: 'Kill', lastName: name }),
      })
}

/**
 * Creates users on both servers with up to six requests in flight and SIGKILLs the process right
 * after the `killAfter`-th acknowledgement, so the kill lands while other writes are under way.
 */
async function hammerUntilKilled(
  started: Started,
  tokens: { idp: string; sp: string },
  round: number,
  killAfter: number,
): Promise<{ idp: string[]; sp: string[] }> {
  const acknowledged = { idp: [] as string[], sp: [] as string[] }
  let counter = 0
  let killed = false
  const one = async (server: 'idp' | 'sp'): Promise<void> => {
    while (!killed) {
      counter += 1
      const name = `kill${round}x${counter}`
      try {
        const response = await createCall(started, tokens, server, name)
        await response.arrayBuffer()
        if (response.status === 201) acknowledged[server].push(`${name}@contoso.com`)
        else if (!killed) throw new Error(`unexpected ${response.status} creating ${name} on the ${server}`)
      } catch (error) {
        if (!killed) throw error
        return
      }
      if (!killed && acknowledged.idp.length + acknowledged.sp.length >= killAfter) {
        killed = true
        started.run.child.kill('SIGKILL')
      }
    }
  }
  await Promise.all((['idp', 'sp', 'idp', 'sp', 'idp', 'sp'] as const).map(one))
  expect(await started.run.exited).toBe('SIGKILL')
  return acknowledged
}

describe('a SIGKILLed server loses no acknowledged change', () => {
  it('keeps every 2xx user on both servers across four kills at random points; the state files always parse', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sigkill-'))
    const prng = createPrng(0x5eed)
    const expected = { idp: [] as string[], sp: [] as string[] }
    const missing = (): { idp: string[]; sp: string[] } => {
      const idpUsers = new Set(readIdpState(dataDir).users.map((u) => u.userPrincipalName))
      const spUsers = new Set(readSpState(dataDir).directory.users.map((u) => u.userName.toLowerCase()))
      return {
        idp: expected.idp.filter((upn) => !idpUsers.has(upn)),
        sp: expected.sp.filter((email) => !spUsers.has(email.toLowerCase())),
      }
    }
    for (let round = 0; round < 4; round += 1) {
      const started = await startServer(dataDir)
      // Everything acknowledged in earlier rounds survived the kill and the restart.
      expect(missing()).toEqual({ idp: [], sp: [] })
      const tokens = { idp: readIdpState(dataDir).graphApiToken, sp: readSpState(dataDir).adminApiToken }
      const acknowledged = await hammerUntilKilled(started, tokens, round, 10 + prng.int(40))
      expected.idp.push(...acknowledged.idp)
      expected.sp.push(...acknowledged.sp)
    }
    const final = await startServer(dataDir)
    expect(expected.idp.length).toBeGreaterThan(10)
    expect(expected.sp.length).toBeGreaterThan(10)
    expect(missing()).toEqual({ idp: [], sp: [] })
    // The restarted servers serve them too (not just the files).
    const tokens = { idp: readIdpState(dataDir).graphApiToken, sp: readSpState(dataDir).adminApiToken }
    const listed = await fetch(`${final.idp}/v1.0/users?$top=999`, {
      headers: { authorization: `Bearer ${tokens.idp}` },
    })
    const upns = ((await listed.json()) as { value: { userPrincipalName: string }[] }).value.map(
      (u) => u.userPrincipalName,
    )
    expect(expected.idp.filter((upn) => !upns.includes(upn))).toEqual([])
    for (const email of expected.sp.slice(-5)) {
      const found = await fetch(`${final.sp}/api/v1/users?search=${encodeURIComponent(email)}`, {
        headers: { authorization: `Bearer ${tokens.sp}` },
      })
      expect(JSON.stringify(await found.json())).toContain(email)
    }
    final.run.child.kill('SIGTERM')
    expect(await final.run.exited).toBe(0)
    // Killed writers' temp files are cleaned up by the next start.
    for (const file of [statePaths(dataDir).idp, statePaths(dataDir).sp]) {
      expect(readdirSync(dirname(file)).filter((f) => f.endsWith('.tmp')).length).toBeLessThanOrEqual(1)
    }
  }, 120_000)
})
