import { bootServer, type RunningServer, type Runtime } from '@sandbox/shared'
import { createSpApp } from './app'
import type { SpConfig } from './config'
import type { SpEnv } from './http/env'
import { createSpServices } from './services'
import { createInitialSpState, SP_STATE_FILE } from './state/sp-state'

/** A running Webex emulator (by default on `http://localhost:7080`). */
export interface RunningSp extends RunningServer {
  readonly orgId: string
  /** True when this start created the organization. */
  readonly firstStart: boolean
  /** Bearer token of the Control Hub JSON API (`/api/v1`). */
  readonly adminApiToken: string
  /** Bearer token of the SCIM API. */
  readonly scimToken: string
  /** The built-in Control Hub administrator (in running.json; it keeps working under SSO). */
  readonly controlHubAdmin: { readonly email: string; readonly password: string }
  /** True when this start created the administrator (the banner shows its password then). */
  readonly controlHubAdminCreated: boolean
}

/** Starts the SP on its configured port with state from its data directory (or memory). */
export async function startSp(config: SpConfig, runtime: Runtime): Promise<RunningSp> {
  const server = await bootServer({
    config,
    runtime,
    label: 'The Webex emulator',
    state: {
      file: 'sp',
      spec: SP_STATE_FILE,
      create: async () => ({ state: await createInitialSpState(runtime), firstStart: true }),
    },
  })
  const { url, store } = server
  const deps = { config, runtime, store, url }
  const services = createSpServices(deps)
  const adminCreated = services.controlHub.admin.credentials() === null
  const admin = await services.controlHub.admin.ensure()
  const app = createSpApp(deps, services)
  server.handle((request, env) => app.fetch(request, env as SpEnv['Bindings']))
  if (config.training) await services.training.setOn(true)
  return {
    url,
    port: server.port,
    orgId: store.read().organization.id,
    firstStart: server.firstStart === true,
    adminApiToken: store.read().adminApiToken,
    scimToken: store.read().scimToken,
    controlHubAdmin: { email: admin.email, password: admin.password },
    controlHubAdminCreated: adminCreated || server.firstStart === true,
    fetch: (request) => app.fetch(request),
    close: () => server.close(),
  }
}
