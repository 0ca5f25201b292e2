import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SERVER_NODE_FLAGS } from './loopback-servers'
import { readRssMb } from './process-stats'
import { type Summary, summarize } from './stats'

/** Which entry point to start, and the line that says it is ready. */
interface Entry {
  readonly label: string
  readonly script: string
  readonly args: readonly string[]
  readonly ready: RegExp
}

const STARTUP_ENTRIES: readonly Entry[] = [
  {
    label: 'IdP alone',
    script: 'dist/start-idp.mjs',
    args: ['--port', '0'],
    ready: /Entra ID emulator ready/,
  },
  { label: 'SP alone', script: 'dist/start-sp.mjs', args: ['--port', '0'], ready: /Webex emulator ready/ },
  {
    label: 'both (pnpm start)',
    script: 'dist/start.mjs',
    args: ['--idp-port', '0', '--sp-port', '0'],
    ready: /Sandbox ready/,
  },
]

/** Wall time from spawn to the ready line, in ms, and the process's RSS then (MB). */
function timeToReady(root: string, entry: Entry, dataDir: string): Promise<{ ms: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [...SERVER_NODE_FLAGS, join(root, entry.script), ...entry.args, '--data-dir', dataDir],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      if (entry.ready.test(output)) {
        const ms = performance.now() - started
        const rssMb = readRssMb(child.pid ?? 0)
        child.kill('SIGKILL')
        resolve({ ms, rssMb })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => {
      if (!entry.ready.test(output))
        reject(new Error(`${entry.script} exited (${code}) before ready:\n${output}`))
    })
  })
}

/** Cold (empty data dir: CA and keys generated) and warm (state present) start-up of one entry. */
export interface StartupResult {
  readonly label: string
  readonly cold: Summary
  readonly warm: Summary
  readonly warmRssMb: number
}

/** Starts each entry `runs` times cold and warm, as separate processes. */
export async function measureStartup(root: string, runs: number): Promise<StartupResult[]> {
  const results: StartupResult[] = []
  for (const entry of STARTUP_ENTRIES) {
    const cold: number[] = []
    const warm: number[] = []
    let rss = 0
    for (let i = 0; i < runs; i += 1) {
      const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'))
      try {
        cold.push((await timeToReady(root, entry, dataDir)).ms)
        const again = await timeToReady(root, entry, dataDir)
        warm.push(again.ms)
        rss = again.rssMb
      } finally {
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
    results.push({ label: entry.label, cold: summarize(cold), warm: summarize(warm), warmRssMb: rss })
  }
  return results
}

/** `startSandbox()` in this process (modules already loaded, as in a CI suite that starts it per test file). */
export interface SandboxStartResult {
  /** Ephemeral with the key cache filled (the default after a first run): no key generated. */
  readonly cachedKeys: Summary
  /** Ephemeral with `keyCache: false`: the CA and every key generated (the baseline of the same run). */
  readonly ephemeral: Summary
}

/** Times `startSandbox()` until ready (both servers listening), then closes it. */
export async function measureSandboxStart(runs: number): Promise<SandboxStartResult> {
  const { startSandbox } = await import('sso-rehearsal-sandbox')
  const timeOne = async (keyCache: string | false): Promise<number> => {
    const started = performance.now()
    const sandbox = await startSandbox({ keyCache })
    const ms = performance.now() - started
    await sandbox.close()
    return ms
  }
  const keyCache = mkdtempSync(join(tmpdir(), 'bench-key-cache-'))
  try {
    // The first start fills the cache; later ones read it.
    await timeOne(keyCache)
    const cached: number[] = []
    const ephemeral: number[] = []
    for (let i = 0; i < runs; i += 1) {
      cached.push(await timeOne(keyCache))
      ephemeral.push(await timeOne(false))
    }
    return { cachedKeys: summarize(cached), ephemeral: summarize(ephemeral) }
  } finally {
    rmSync(keyCache, { recursive: true, force: true })
  }
}
