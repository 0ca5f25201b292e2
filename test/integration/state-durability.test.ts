import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StartupError, statePaths } from '@sandbox/shared'
import { startSandbox } from 'sso-rehearsal-sandbox'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const WRITER = join(ROOT, 'test/support/children/store-writer.ts')

function lastCommitted(child: ChildProcess, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let last = 0
    let buffered = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) last = Number(line.replace('committed ', ''))
      if (last >= atLeast) {
        child.kill('SIGKILL')
      }
    })
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(last) : reject(new Error(`writer exited: ${signal}`)),
    )
  })
}

describe('durable state', () => {
  it('keeps the last committed state intact when the writer is SIGKILLed mid-write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'durability-'))
    const path = join(dir, 'state.json')
    for (let round = 0; round < 4; round += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      const acknowledged = await lastCommitted(child, 10 + Math.floor(Math.random() * 40))
      const envelope = JSON.parse(readFileSync(path, 'utf8')) as {
        data: { sequence: number; padding: string }
      }
      // Every acknowledged commit is on disk; at most the one in flight may also have landed.
      expect(envelope.data.sequence).toBeGreaterThanOrEqual(acknowledged)
      expect(envelope.data.sequence).toBeLessThanOrEqual(acknowledged + 1)
      expect(envelope.data.padding.startsWith(String(envelope.data.sequence))).toBe(true)
    }
    // The next start cleans up the killed writers' temp files and the stale lock.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await lastCommitted(child, 1)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')).length).toBeLessThanOrEqual(1)
  }, 60_000)
})

describe('one owner per state file', () => {
  it('refuses a second sandbox in this process on the same data directory, and keeps the first one working', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'two-sandboxes-'))
    const first = await startSandbox({ dataDir })
    const idpState = readFileSync(statePaths(dataDir).idp, 'utf8')
    const spState = readFileSync(statePaths(dataDir).sp, 'utf8')
    try {
      const second = await startSandbox({ dataDir }).then(
        async (started) => {
          await started.close()
          return null
        },
        (error: unknown) => error,
      )
      expect(second).toBeInstanceOf(StartupError)
      expect((second as Error).message).toContain(
        `The state file ${statePaths(dataDir).idp} is already open in this process`,
      )
      expect(readFileSync(statePaths(dataDir).idp, 'utf8')).toBe(idpState)
      expect(readFileSync(statePaths(dataDir).sp, 'utf8')).toBe(spState)
      const health = await fetch(`${first.idp.url}/healthz`)
      expect(health.status).toBe(200)
    } finally {
      await first.close()
    }
    // Closing releases the lock: the data directory opens again.
    const again = await startSandbox({ dataDir })
    expect(again.idp.tenantId).toBe(first.idp.tenantId)
    await again.close()
  }, 30_000)
})
