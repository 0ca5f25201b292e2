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
import type { IdpEnv } from './http/env'
import { createIdpServices } from './services'
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
  /** The bearer token of the Graph-shaped API (`Authorization: Bearer …`), for in-process callers. */
  readonly graphApiToken: string
  /** The client credentials of the sandbox automation app (the token endpoint's client_credentials grant). */
  readonly automationClient: { readonly clientId: string; readonly clientSecret: string }
  /** The app's handler, for in-process callers that skip the socket (benchmarks, embedding tests). */
  readonly fetch: (request: Request) => Response | Promise<Response>
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
  const deps = { config, runtime, store: opened.store, url }
  const services = createIdpServices(deps)
  const app = createIdpApp(deps, services)
  server.handle((request, env) => app.fetch(request, env as IdpEnv['Bindings']))
  services.provisioning.startBackground()
  const state = opened.store.read()
  return {
    url,
    port: server.port,
    tenantId: state.tenant.id,
    firstStart: opened.created,
    graphApiToken: state.graphApiToken,
    automationClient: {
      clientId: state.automationClient.appId,
      clientSecret: state.automationClient.clientSecret,
    },
    fetch: (request) => app.fetch(request, {}),
    close: async () => {
      await server.close()
      await services.provisioning.stopBackground()
      await opened.store.close()
    },
  }
}
