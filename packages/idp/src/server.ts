import {
  listen,
  loadTlsIdentity,
  openServerState,
  publicUrlFor,
  type Runtime,
  statePaths,
} from '@sandbox/shared'
import { createIdpApp } from './app'
import type { IdpConfig } from './config'
import { IDP_STATE_FILE } from './state/idp-state'
import { createInitialIdpState } from './state/initial-state'

/** Secrets generated on a first start, shown once to the person who started the sandbox. */
export interface IdpFirstStart {
  readonly adminUserPrincipalName: string
  readonly adminPassword: string
}

/** A running Entra ID emulator. */
export interface RunningIdp {
  /** Base URL browsers use, e.g. `http://localhost:7070`. */
  readonly url: string
  readonly port: number
  readonly tenantId: string
  /** Set when this start created the tenant. */
  readonly firstStart: IdpFirstStart | null
  /** Stops accepting requests, finishes in-flight ones, flushes state. */
  close(): Promise<void>
}

/** Starts the IdP on its configured port with state from its data directory (or memory). */
export async function startIdp(config: IdpConfig, runtime: Runtime): Promise<RunningIdp> {
  const opened = await openServerState({
    path: config.dataDir === null ? null : statePaths(config.dataDir).idp,
    spec: IDP_STATE_FILE,
    reset: config.reset,
    create: async () => {
      const initial = await createInitialIdpState(runtime)
      const admin = initial.state.users[0]
      return {
        state: initial.state,
        firstStart: {
          adminUserPrincipalName: admin?.userPrincipalName ?? '',
          adminPassword: initial.adminPassword,
        },
      }
    },
  })
  const tls = config.https ? await loadTlsIdentity(runtime, config.dataDir) : undefined
  const server = await listen(
    { host: config.host, port: config.port, ...(tls ? { tls } : {}) },
    'The Entra ID emulator',
  )
  const url = publicUrlFor(config, server.port, config.publicUrl)
  const app = createIdpApp({ config, runtime, store: opened.store, url })
  server.handle(app.fetch)
  return {
    url,
    port: server.port,
    tenantId: opened.store.read().tenant.id,
    firstStart: opened.created,
    close: async () => {
      await server.close()
      await opened.store.close()
    },
  }
}
