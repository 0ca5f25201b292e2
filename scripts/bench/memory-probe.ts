// `pnpm exec tsx scripts/bench/memory-probe.ts [--checkpoints 2000,5000,10000] [--snapshots DIR] [--spaces] [--passive]
//  [--node-arg FLAG]...`: the benchmark's memory run with a probe. Both servers run in child
// processes as in `pnpm bench` (bundled, `--expose-gc`, an IPC channel), and at each checkpoint
// every server reports RSS and, after a forced full GC, heapUsed / external / arrayBuffers, so
// that retention (heap after GC grows with sign-ins) can be told apart from GC slack (RSS grows,
// heap after GC does not). With --snapshots, each server also writes a heap snapshot there at
// every checkpoint (open two in DevTools, Comparison view). --passive skips the forced GC (the
// figures are then what `pnpm bench` sees: a forced GC also resets V8's heap growth). --spaces
// adds the physical size of each V8 heap space. Load goes to 127.0.0.1 only.
import type { ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createNodeTransport } from '@sandbox/shared'
import { bundleBenchEntries } from './bundle'
import { startLoopbackServers } from './loopback-servers'
import { prepareSignIn } from './prepare'
import { readCpuMs, readRssMb } from './process-stats'
import type { ProbeReply, ProbeRequest } from './server-child'
import { signInMany } from './sign-in-load'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const MB = 1024 * 1024

interface ProbeOptions {
  readonly checkpoints: readonly number[]
  readonly concurrency: number
  readonly snapshotDir: string | null
  readonly nodeArgs: readonly string[]
  readonly spaces: boolean
  /** No forced GC: what the benchmark sees (a forced GC also resets V8's heap growth). */
  readonly passive: boolean
}

function parseArgs(argv: readonly string[]): ProbeOptions {
  let checkpoints = [2000, 5000, 10_000]
  let concurrency = 8
  let snapshotDir: string | null = null
  const nodeArgs: string[] = []
  let spaces = false
  let passive = false
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (arg === '--spaces' || arg === '--passive') {
      if (arg === '--spaces') spaces = true
      else passive = true
      continue
    }
    if (arg === '--checkpoints' && value) {
      checkpoints = value.split(',').map(Number)
      if (checkpoints.some((n) => !Number.isInteger(n) || n <= 0))
        throw new Error(`--checkpoints takes increasing positive counts, e.g. 2000,5000; got ${value}`)
    } else if (arg === '--concurrency' && value) concurrency = Number(value)
    else if (arg === '--snapshots' && value) snapshotDir = resolve(value)
    else if (arg === '--node-arg' && value) nodeArgs.push(value)
    else
      throw new Error(
        `Unknown option ${arg}. Options: --checkpoints N,N,.. --concurrency N --snapshots DIR --node-arg FLAG --spaces --passive`,
      )
    i += 1
  }
  return { checkpoints, concurrency, snapshotDir, nodeArgs, spaces, passive }
}

function ask(child: ChildProcess, request: ProbeRequest): Promise<ProbeReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not answer the probe in 60 s')), 60_000)
    child.once('message', (reply: ProbeReply) => {
      clearTimeout(timer)
      resolve(reply)
    })
    child.send(request)
  })
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const childScript = await bundleBenchEntries(ROOT, { rebuildDist: false })
  if (options.snapshotDir) mkdirSync(options.snapshotDir, { recursive: true })
  const servers = await startLoopbackServers(childScript, () => ['--expose-gc', ...options.nodeArgs], {
    ipc: true,
  })
  try {
    const prepared = await prepareSignIn({
      idp: { baseUrl: servers.idp.url, token: servers.idp.token },
      sp: { baseUrl: servers.sp.url, token: servers.sp.token },
    })
    const target = { ...prepared, transport: createNodeTransport() }
    let total = 0
    process.stdout.write(
      'sign-ins  server  RSS MB  RSS after GC  heapUsed  heapTotal  external  arrayBuffers\n',
    )
    for (const checkpoint of [0, ...options.checkpoints]) {
      const began = performance.now()
      const cpuBefore = readCpuMs(servers.idp.pid) + readCpuMs(servers.sp.pid)
      const count = checkpoint - total
      await signInMany(target, count, options.concurrency)
      const took = performance.now() - began
      const cpuMs = readCpuMs(servers.idp.pid) + readCpuMs(servers.sp.pid) - cpuBefore
      total = checkpoint
      for (const server of [servers.idp, servers.sp]) {
        const rssBefore = readRssMb(server.pid)
        const request: ProbeRequest = options.snapshotDir
          ? { type: 'snapshot', file: join(options.snapshotDir, `${server.role}-${checkpoint}.heapsnapshot`) }
          : { type: 'memory', gc: !options.passive }
        const reply = await ask(server.child, request)
        process.stdout.write(
          `${String(total).padStart(8)}  ${server.role.padEnd(6)}  ${rssBefore.toFixed(1).padStart(6)}  ${(reply.rss / MB).toFixed(1).padStart(12)}  ${(reply.heapUsed / MB).toFixed(1).padStart(8)}  ${(reply.heapTotal / MB).toFixed(1).padStart(9)}  ${(reply.external / MB).toFixed(1).padStart(8)}  ${(reply.arrayBuffers / MB).toFixed(1).padStart(12)}${reply.snapshot ? `  ${reply.snapshot}` : ''}\n`,
        )
        if (options.spaces)
          process.stdout.write(
            `          spaces (physical MB): ${Object.entries(reply.spaces)
              .map(([name, bytes]) => `${name.replace(/_space$/, '')} ${(bytes / MB).toFixed(1)}`)
              .join(', ')}\n`,
          )
      }
      if (count > 0)
        process.stdout.write(
          `          (${((count * 1000) / took).toFixed(0)} sign-ins/s, server CPU ${(cpuMs / count).toFixed(2)} ms per sign-in)\n`,
        )
    }
  } finally {
    await servers.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `memory probe failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
