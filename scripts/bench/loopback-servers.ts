import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SERVER_NODE_FLAGS } from 'sso-rehearsal-sandbox/cli'
import type { ChildReady } from './server-child'

export { SERVER_NODE_FLAGS }

/** A server running in its own process, as the benchmark sees it. */
export interface ServerProcess extends ChildReady {
  readonly pid: number
  /** The child process (its IPC channel answers probes when started with `ipc: true`). */
  readonly child: ChildProcess
}

/** The IdP and the SP in two child processes on loopback, sharing one data directory. */
export interface LoopbackServers {
  readonly idp: ServerProcess
  readonly sp: ServerProcess
  /** Stops both processes and removes their data directory. */
  close(): Promise<void>
}

/** Starts one benchmark server process; `args` go to the child after its role and data directory. */
export function startChild(
  childScript: string,
  role: 'idp' | 'sp',
  dataDir: string,
  nodeArgs: readonly string[],
  ipc: boolean,
  args: readonly string[] = [],
): Promise<{ child: ChildProcess; ready: ServerProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...SERVER_NODE_FLAGS, ...nodeArgs, childScript, role, dataDir, ...args],
      {
        stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const line = stdout.split('\n').find((l) => l.startsWith('{'))
      if (line) resolve({ child, ready: { ...(JSON.parse(line) as ChildReady), pid: child.pid ?? 0, child } })
    })
    child.on('exit', (code) => reject(new Error(`the ${role} benchmark server exited (${code}):\n${stderr}`)))
  })
}

/** Stops a child with SIGTERM (SIGKILL after 5 s) and waits for it. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/**
 * Starts the IdP, then the SP (the IdP's first start creates the shared CA), each in its own
 * process from the bundled `server-child.mjs`, with a fresh data directory and
 * {@link SERVER_NODE_FLAGS}. `nodeArgs` go to both processes (e.g. `--cpu-prof` to profile the servers under load); `ipc` opens a channel
 * to each child for the memory probe (scripts/bench/memory-probe.ts).
 */
export async function startLoopbackServers(
  childScript: string,
  nodeArgs: (role: 'idp' | 'sp') => readonly string[] = () => [],
  options: { ipc?: boolean } = {},
): Promise<LoopbackServers> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-loopback-'))
  const children: ChildProcess[] = []
  const close = async (): Promise<void> => {
    await Promise.all(children.map(stopChild))
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const idp = await startChild(childScript, 'idp', dataDir, nodeArgs('idp'), options.ipc ?? false)
    children.push(idp.child)
    const sp = await startChild(childScript, 'sp', dataDir, nodeArgs('sp'), options.ipc ?? false)
    children.push(sp.child)
    return { idp: idp.ready, sp: sp.ready, close }
  } catch (error) {
    await close()
    throw error
  }
}
