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
}

async function startServer(dataDir: string): Promise<Started> {
  const run = runCli('scripts/start.ts', ['--idp-port', '0', '--sp-port', '0', '--data-dir', dataDir])
  running.push(run)
  await run.waitFor(/Sandbox ready in \d+ ms/, 30_000)
  const idp = /Entra admin center\s+(http\S+?)\/\n/.exec(run.output())?.[1]
  if (!idp) throw new Error(`no IdP URL in:\n${run.output()}`)
  return { run, idp }
}

interface StoredIdp {
  readonly graphApiToken: string
  readonly users: ReadonlyArray<{ readonly userPrincipalName: string }>
}

function readIdpState(dataDir: string): StoredIdp {
  const envelope = JSON.parse(readFileSync(statePaths(dataDir).idp, 'utf8')) as { data: StoredIdp }
  return envelope.data
}

/**
 * Creates users with up to `parallel` requests in flight and SIGKILLs the server right after
 * the `killAfter`-th acknowledgement, so the kill lands while other writes are under way.
 */
async function hammerUntilKilled(
  started: Started,
  token: string,
  round: number,
  killAfter: number,
): Promise<string[]> {
  const acknowledged: string[] = []
  let counter = 0
  let killed = false
  const one = async (): Promise<void> => {
    while (!killed) {
      counter += 1
      const upn = `kill${round}-${counter}@contoso.com`
      try {
        const response = await fetch(`${started.idp}/v1.0/users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            accountEnabled: true,
            displayName: `Kill ${round} ${counter}`,
            mailNickname: `kill${round}x${counter}`,
            userPrincipalName: upn,
            passwordProfile: { password: 'Contoso1234!' },
          }),
        })
        await response.arrayBuffer()
        if (response.status === 201) acknowledged.push(upn)
        else if (!killed) throw new Error(`unexpected ${response.status} creating ${upn}`)
      } catch (error) {
        if (!killed) throw error
        return
      }
      if (!killed && acknowledged.length >= killAfter) {
        killed = true
        started.run.child.kill('SIGKILL')
      }
    }
  }
  await Promise.all(Array.from({ length: 6 }, one))
  expect(await started.run.exited).toBe('SIGKILL')
  return acknowledged
}

describe('a SIGKILLed server loses no acknowledged change', () => {
  it('keeps every 2xx user across four kills at random points, and the state file always parses', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sigkill-'))
    const prng = createPrng(0x5eed)
    const expected: string[] = []
    for (let round = 0; round < 4; round += 1) {
      const started = await startServer(dataDir)
      const before = readIdpState(dataDir)
      // Everything acknowledged in earlier rounds survived the kill and the restart.
      const stored = new Set(before.users.map((u) => u.userPrincipalName))
      expect(expected.filter((upn) => !stored.has(upn))).toEqual([])
      expected.push(...(await hammerUntilKilled(started, before.graphApiToken, round, 5 + prng.int(30))))
    }
    const final = await startServer(dataDir)
    const state = readIdpState(dataDir)
    const stored = new Set(state.users.map((u) => u.userPrincipalName))
    expect(expected.length).toBeGreaterThan(20)
    expect(expected.filter((upn) => !stored.has(upn))).toEqual([])
    // The restarted server serves them too (not just the file).
    const listed = await fetch(`${final.idp}/v1.0/users?$top=999`, {
      headers: { authorization: `Bearer ${state.graphApiToken}` },
    })
    const names = ((await listed.json()) as { value: { userPrincipalName: string }[] }).value.map(
      (u) => u.userPrincipalName,
    )
    expect(expected.filter((upn) => !names.includes(upn))).toEqual([])
    final.run.child.kill('SIGTERM')
    expect(await final.run.exited).toBe(0)
    // Killed writers' temp files are cleaned up by the next start.
    const idpDir = dirname(statePaths(dataDir).idp)
    expect(readdirSync(idpDir).filter((f) => f.endsWith('.tmp')).length).toBeLessThanOrEqual(1)
  }, 120_000)
})
