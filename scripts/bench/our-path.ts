import { createInProcessTransport, createNodeTransport, type SignInSuccess } from '@sandbox/shared'
import { startSandbox } from 'sso-rehearsal-sandbox'
import { startLoopbackServers } from './loopback-servers'
import { type PreparedSignIn, prepareSignIn } from './prepare'
import { readCpuMs, readRssMb } from './process-stats'
import { type LoadResult, runSignInLoad, type SignInTarget, signInMany } from './sign-in-load'

/** How much load each run may send. */
export interface PathLimits {
  readonly concurrencies: readonly number[]
  /** Unmeasured sign-ins first (JIT warm-up, caches). */
  readonly warmup: number
  /** Per concurrency level. */
  readonly maxSignIns: number
  readonly maxMs: number
}

/** One concurrency level, with the servers' CPU time per sign-in when they run in child processes. */
export interface LevelResult extends LoadResult {
  /** IdP + SP CPU time per sign-in, ms (loopback only: read from /proc). */
  readonly serverCpuMsPerSignIn?: number
}

/** RSS of each server process after a number of sign-ins. */
export interface MemoryPoint {
  readonly afterSignIns: number
  readonly idpRssMb: number
  readonly spRssMb: number
}

export interface PathResult {
  readonly levels: LevelResult[]
  readonly memory?: MemoryPoint[]
}

function landsOnSp(spUrl: string): (success: SignInSuccess) => string | null {
  const origin = new URL(spUrl).origin
  return (success) =>
    success.page.url.origin === origin && success.page.status === 200
      ? null
      : `landed on ${success.page.url.href} (HTTP ${success.page.status}), not on the Webex site`
}

function target(prepared: PreparedSignIn, transport: SignInTarget['transport'], spUrl: string): SignInTarget {
  return { ...prepared, transport, check: landsOnSp(spUrl) }
}

/** Our sign-in path with both servers in this process, requests passed to the apps without sockets. */
export async function measureInProcess(limits: PathLimits): Promise<PathResult> {
  const sandbox = await startSandbox()
  try {
    const prepared = await prepareSignIn({
      idp: { baseUrl: sandbox.idp.url, token: sandbox.idp.graphApiToken },
      sp: { baseUrl: sandbox.sp.url, token: sandbox.sp.adminApiToken },
    })
    const transport = createInProcessTransport({
      [new URL(sandbox.idp.url).origin]: sandbox.idp.fetch,
      [new URL(sandbox.sp.url).origin]: sandbox.sp.fetch,
    })
    const signInTarget = target(prepared, transport, sandbox.sp.url)
    await signInMany(signInTarget, limits.warmup, 4)
    const levels: LevelResult[] = []
    for (const concurrency of limits.concurrencies)
      levels.push(await runSignInLoad(signInTarget, { ...limits, concurrency }))
    return { levels }
  } finally {
    await sandbox.close()
  }
}

/** Memory checkpoints: RSS is read once the total number of sign-ins reaches each. */
export interface MemoryLimits {
  readonly checkpoints: readonly number[]
  readonly concurrency: number
  /** Time allowed for the whole memory run (it reports the count it reached). */
  readonly maxMs: number
}

/**
 * Our sign-in path over loopback HTTP: the IdP and the SP each in its own child process (so
 * client and servers never share an event loop), then the memory run.
 */
export async function measureLoopback(
  childScript: string,
  limits: PathLimits,
  memoryLimits: MemoryLimits,
): Promise<PathResult> {
  const servers = await startLoopbackServers(childScript)
  try {
    const prepared = await prepareSignIn({
      idp: { baseUrl: servers.idp.url, token: servers.idp.token },
      sp: { baseUrl: servers.sp.url, token: servers.sp.token },
    })
    const signInTarget = target(prepared, createNodeTransport(), servers.sp.url)
    const serverCpuMs = (): number => readCpuMs(servers.idp.pid) + readCpuMs(servers.sp.pid)
    await signInMany(signInTarget, limits.warmup, 4)
    let total = limits.warmup
    const levels: LevelResult[] = []
    for (const concurrency of limits.concurrencies) {
      const cpuBefore = serverCpuMs()
      const level = await runSignInLoad(signInTarget, { ...limits, concurrency })
      levels.push({ ...level, serverCpuMsPerSignIn: (serverCpuMs() - cpuBefore) / level.signIns })
      total += level.signIns
    }
    const memory: MemoryPoint[] = []
    const deadline = performance.now() + memoryLimits.maxMs
    for (const checkpoint of memoryLimits.checkpoints) {
      if (total < checkpoint) {
        const run = await runSignInLoad(signInTarget, {
          concurrency: memoryLimits.concurrency,
          maxSignIns: checkpoint - total,
          maxMs: Math.max(0, deadline - performance.now()),
        })
        total += run.signIns
      }
      memory.push({
        afterSignIns: total,
        idpRssMb: readRssMb(servers.idp.pid),
        spRssMb: readRssMb(servers.sp.pid),
      })
    }
    return { levels, memory }
  } finally {
    await servers.close()
  }
}
