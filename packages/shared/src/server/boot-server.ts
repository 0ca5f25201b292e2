// server/: a server process's life: booting with its state, listening, heap tuning, shutdown.
import type { ServerConfig } from '../config/server-options'
import { publicUrlFor } from '../config/server-options'
import { openTlsIdentity, type TlsIdentity } from '../pki/ca-store'
import type { Runtime } from '../runtime'
import { StartupError } from '../startup-error'
import type { DocumentStore } from '../store/document-store'
import { openServerState } from '../store/open-store'
import type { StateFileSpec } from '../store/state-file'
import { statePaths } from '../store/state-paths'
import { type FetchHandler, listen } from './http-server'

/**
 * The TLS identity for `--https`, shared by both servers (issued for localhost, 127.0.0.1
 * and ::1 by the sandbox CA on first use).
 */
async function loadTlsIdentity(runtime: Runtime, dataDir: string | null): Promise<TlsIdentity> {
  const identity = await openTlsIdentity({
    path: dataDir === null ? null : statePaths(dataDir).tls,
    ca: runtime.ca,
    now: runtime.clock.now(),
    generateKey: () => runtime.keys.take(),
  })
  if (!identity.ok) throw new StartupError(identity.error.message)
  return identity.value
}

/** What every running server offers its embedder, whatever it emulates. */
export interface RunningServer {
  /** Base URL browsers use, e.g. `http://localhost:7070`. */
  readonly url: string
  readonly port: number
  /** The app's handler, for in-process callers that skip the socket (benchmarks, embedding tests). */
  readonly fetch: (request: Request) => Response | Promise<Response>
  /** Stops accepting requests, finishes in-flight ones, flushes state. */
  close(): Promise<void>
}

/** What {@link bootServer} needs to know about one server. */
export interface ServerBoot<T, F> {
  readonly config: ServerConfig
  readonly runtime: Runtime
  /** Names the server in a listen error, e.g. `The Entra ID emulator`. */
  readonly label: string
  /** Its state: which file under the data directory, its format, and how a first start makes it. */
  readonly state: {
    readonly file: 'idp' | 'sp'
    readonly spec: StateFileSpec<T>
    readonly create: () => Promise<{ state: T; firstStart: F }>
  }
}

/** A server whose state is open and whose socket listens, waiting for its app. */
export interface BootedServer<T, F> {
  readonly store: DocumentStore<T>
  /** What the first start produced (one-time secrets to show); null when the state existed. */
  readonly firstStart: F | null
  /** The base URL browsers use: `--public-url`, or `http(s)://localhost:{port}`. */
  readonly url: string
  readonly port: number
  /** Installs the app's fetch; requests get 503 until then. */
  handle(fetch: FetchHandler): void
  /**
   * Stops accepting requests, finishes in-flight ones, then flushes and closes the state.
   * `drain` runs in between: background work that still writes state (a provisioning cycle)
   * stops there, after the last request and before the state closes.
   */
  close(drain?: () => Promise<void>): Promise<void>
}

/**
 * The start-up both servers share: opens the state (creating it on a first start), loads the
 * TLS identity for `--https`, listens on the configured loopback port, and works out the public
 * URL. The app is built afterwards, once its URL is known (port 0 picks one), and plugged in
 * with `handle`. When listening fails, the state is closed again, so its lock does not outlive
 * a start that never happened.
 */
export async function bootServer<T, F>(boot: ServerBoot<T, F>): Promise<BootedServer<T, F>> {
  const { config, runtime } = boot
  const opened = await openServerState({
    path: config.dataDir === null ? null : statePaths(config.dataDir)[boot.state.file],
    spec: boot.state.spec,
    reset: config.reset,
    create: boot.state.create,
  })
  try {
    const tls = config.https ? await loadTlsIdentity(runtime, config.dataDir) : undefined
    const server = await listen({ host: config.host, port: config.port, ...(tls ? { tls } : {}) }, boot.label)
    return {
      store: opened.store,
      firstStart: opened.firstStart,
      url: publicUrlFor(config, server.port, config.publicUrl),
      port: server.port,
      handle: (fetch) => server.handle(fetch),
      close: async (drain) => {
        await server.close()
        await drain?.()
        await opened.store.close()
      },
    }
  } catch (error) {
    await opened.store.close()
    throw error
  }
}
