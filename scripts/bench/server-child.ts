// A benchmark server process: one of the two servers, started the way `pnpm start:idp` and
// `pnpm start:sp` start them, that reports its URL and admin token as one JSON line on stdout
// so the benchmark can set it up and load it from another process. Bundled by bundle.ts.
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8'
import { startIdp } from '@sandbox/idp'
import { createRuntime, runCommand, stopOnSignals, tuneServerHeap } from '@sandbox/shared'
import { startSp } from '@sandbox/sp'

/** What a parent with an IPC channel (the memory probe) may ask of a benchmark server. */
export type ProbeRequest =
  | { readonly type: 'memory'; readonly gc: boolean }
  | { readonly type: 'snapshot'; readonly file: string }

/** The answer to a {@link ProbeRequest}: memory, after a full GC unless asked not to (bytes). */
export interface ProbeReply {
  readonly rss: number
  readonly heapUsed: number
  readonly heapTotal: number
  readonly external: number
  readonly arrayBuffers: number
  /** Physical size of each V8 heap space (new_space is the young generation's GC slack). */
  readonly spaces: Readonly<Record<string, number>>
  readonly snapshot?: string
}

/**
 * Answers {@link ProbeRequest}s when started with an IPC channel (never by the benchmark
 * itself, which reads RSS from /proc): forced GC, then `process.memoryUsage()`, and heap
 * snapshots on request, so retention can be told apart from GC slack.
 */
function answerProbes(): void {
  const send = process.send?.bind(process)
  if (!send) return
  process.on('message', (request: ProbeRequest) => {
    const gc = request.type === 'snapshot' || request.gc ? (globalThis as { gc?: () => void }).gc : undefined
    gc?.()
    gc?.()
    const snapshot = request.type === 'snapshot' ? writeHeapSnapshot(request.file) : undefined
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage()
    const spaces = Object.fromEntries(
      getHeapSpaceStatistics().map((s) => [s.space_name, s.physical_space_size]),
    )
    const reply: ProbeReply = {
      rss,
      heapUsed,
      heapTotal,
      external,
      arrayBuffers,
      spaces,
      ...(snapshot ? { snapshot } : {}),
    }
    send(reply)
  })
  // The channel must not keep the server alive once it is told to stop.
  process.channel?.unref()
}

/** The line a {@link main} prints once its server listens. */
export interface ChildReady {
  readonly role: 'idp' | 'sp'
  readonly url: string
  readonly token: string
}

async function main(): Promise<undefined> {
  tuneServerHeap()
  const [role, dataDir, mode] = process.argv.slice(2)
  if ((role !== 'idp' && role !== 'sp') || !dataDir)
    throw new Error('usage: server-child.mjs idp|sp DATA_DIR [ephemeral]')
  // `ephemeral`: the server's state in memory (the CA still comes from DATA_DIR), as startSandbox() runs it.
  const stateDir = mode === 'ephemeral' ? null : dataDir
  const config = {
    host: '127.0.0.1',
    dataDir: stateDir,
    reset: false,
    https: false,
    port: 0,
    publicUrl: undefined,
  }
  const runtime = await createRuntime({
    dataDir,
    reset: false,
    prefetchKeys: role === 'idp' ? 1 : 2,
    log: () => undefined,
  })
  const ready: ChildReady =
    role === 'idp'
      ? await startIdp(config, runtime).then((idp) => {
          stopOnSignals(() => idp.close())
          return { role, url: idp.url, token: idp.graphApiToken }
        })
      : await startSp(config, runtime).then((sp) => {
          stopOnSignals(() => sp.close())
          return { role, url: sp.url, token: sp.adminApiToken }
        })
  answerProbes()
  process.stdout.write(`${JSON.stringify(ready)}\n`)
  return undefined
}

runCommand(main)
