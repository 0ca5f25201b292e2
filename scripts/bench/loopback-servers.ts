import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildReady } from './server-child'

/**
 * The V8 flags the servers run with, as `pnpm start`, `pnpm start:idp` and `pnpm start:sp` pass
 * them (package.json; a test keeps the two in step). Measured with scripts/bench/memory-probe.ts
 * (issue 7): each server's heap after a full GC is flat at ~26 MB (IdP) / ~31 MB (SP), but by
 * default V8 lets garbage take up to ~4× that before collecting it:
 * - `--max-semi-space-size=4`: the young generation stays at 8 MB instead of growing to 32 MB
 *   of RSS under sign-in load, with no measurable change in throughput;
 * - `--heap-growing-percent=35`: a full GC when the old generation has grown 35 % past what
 *   survived the last one, instead of V8's dynamic 1.1–4× (the SP sat at 120–200 MB of RSS
 *   depending on where in that cycle it was read); it costs ~0.2 ms of server CPU per sign-in.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=35']

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

function startChild(
  childScript: string,
  role: 'idp' | 'sp',
  dataDir: string,
  nodeArgs: readonly string[],
  ipc: boolean,
): Promise<{ child: ChildProcess; ready: ServerProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, childScript, role, dataDir], {
      stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    })
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

function stop(child: ChildProcess): Promise<void> {
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
    await Promise.all(children.map(stop))
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
