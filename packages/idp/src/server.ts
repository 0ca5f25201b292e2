import { bootServer, type RunningServer, type Runtime } from '@sandbox/shared'
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

/** A running Entra ID emulator (by default on `http://localhost:7070`). */
export interface RunningIdp extends RunningServer {
  readonly tenantId: string
  /** Set when this start created the tenant. */
  readonly firstStart: IdpFirstStart | null
  /** The bearer token of the Graph-shaped API (`Authorization: Bearer …`), for in-process callers. */
  readonly graphApiToken: string
  /** The client credentials of the sandbox automation app (the token endpoint's client_credentials grant). */
  readonly automationClient: { readonly clientId: string; readonly clientSecret: string }
}

/** Starts the IdP on its configured port with state from its data directory (or memory). */
export async function startIdp(config: IdpConfig, runtime: Runtime): Promise<RunningIdp> {
  const server = await bootServer({
    config,
    runtime,
    label: 'The Entra ID emulator',
    state: {
      file: 'idp',
      spec: IDP_STATE_FILE,
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
    },
  })
  const { url } = server
  const deps = { config, runtime, store: server.store, url }
  const services = createIdpServices(deps)
  const app = createIdpApp(deps, services)
  server.handle((request, env) => app.fetch(request, env as IdpEnv['Bindings']))
  if (config.training) await services.training.setOn(true)
  services.provisioning.startBackground()
  const state = server.store.read()
  return {
    url,
    port: server.port,
    tenantId: state.tenant.id,
    firstStart: server.firstStart,
    graphApiToken: state.graphApiToken,
    automationClient: {
      clientId: state.automationClient.appId,
      clientSecret: state.automationClient.clientSecret,
    },
    fetch: (request) => app.fetch(request, {}),
    // Background cycles stop (the one in flight at its next object) once no request can start
    // another, and before the state is flushed.
    close: () => server.close(() => services.provisioning.stopBackground()),
  }
}
