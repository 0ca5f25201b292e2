import {
  listen,
  loadTlsIdentity,
  openServerState,
  publicUrlFor,
  type Runtime,
  statePaths,
} from '@sandbox/shared'
import { createSpApp } from './app'
import type { SpConfig } from './config'
import type { SpEnv } from './http/env'
import { createInitialSpState, SP_STATE_FILE } from './state/sp-state'

/** A running Webex emulator. */
export interface RunningSp {
  /** Base URL browsers use, e.g. `http://localhost:7080`. */
  readonly url: string
  readonly port: number
  readonly orgId: string
  /** True when this start created the organization. */
  readonly firstStart: boolean
  /** Bearer token of the Control Hub JSON API (`/api/v1`). */
  readonly adminApiToken: string
  /** Bearer token of the SCIM API. */
  readonly scimToken: string
  /** The app's handler, for in-process callers that skip the socket (benchmarks, embedding tests). */
  readonly fetch: (request: Request) => Response | Promise<Response>
  /** Stops accepting requests, finishes in-flight ones, flushes state. */
  close(): Promise<void>
}

/** Starts the SP on its configured port with state from its data directory (or memory). */
export async function startSp(config: SpConfig, runtime: Runtime): Promise<RunningSp> {
  const opened = await openServerState({
    path: config.dataDir === null ? null : statePaths(config.dataDir).sp,
    spec: SP_STATE_FILE,
    reset: config.reset,
    create: async () => ({ state: await createInitialSpState(runtime), firstStart: true }),
  })
  const tls = config.https ? await loadTlsIdentity(runtime, config.dataDir) : undefined
  const server = await listen(
    { host: config.host, port: config.port, ...(tls ? { tls } : {}) },
    'The Webex emulator',
  )
  const url = publicUrlFor(config, server.port, config.publicUrl)
  const app = createSpApp({ config, runtime, store: opened.store, url })
  server.handle((request, env) => app.fetch(request, env as SpEnv['Bindings']))
  return {
    url,
    port: server.port,
    orgId: opened.store.read().organization.id,
    firstStart: opened.created === true,
    adminApiToken: opened.store.read().adminApiToken,
    scimToken: opened.store.read().scimToken,
    fetch: (request) => app.fetch(request),
    close: async () => {
      await server.close()
      await opened.store.close()
    },
  }
}
