// test-support/: what tests build on: an IdP in memory, SAML apps, an xmlsec1 runner, XML shape helpers.
import {
  type Clock,
  createMemoryStore,
  HeadlessBrowser,
  type IdGenerator,
  type Runtime,
  type Scheduler,
  type Transport,
} from '@sandbox/shared'
import { createTestRuntime } from '../../../../test/support/test-runtime'
import { createIdpApp } from '../app'
import type { IdpConfig } from '../config'
import { createIdpServices, type IdpServices, type ServiceDeps } from '../services'
import type { IdpState } from '../state/idp-state'
import { createInitialIdpState } from '../state/initial-state'

/** The base URL test IdPs pretend to be served at. */
export const TEST_IDP_URL = 'http://localhost:7070'

/** An IdP's services over an in-memory state, for tests. */
export interface TestServices {
  readonly runtime: Runtime
  readonly store: ReturnType<typeof createMemoryStore<IdpState>>
  readonly services: IdpServices
  readonly adminPassword: string
  readonly tenantId: string
  readonly url: string
}

/** What a test IdP can be built with: a clock, ids, small bounds for the in-memory tables. */
export interface TestIdpOptions {
  readonly clock?: Clock
  readonly ids?: IdGenerator
  readonly memoryBounds?: ServiceDeps['memoryBounds']
  /** How background work waits (provisioning); default: real timers. */
  readonly scheduler?: Scheduler
}

/** Builds a fresh tenant in memory with cached test keys (milliseconds, no key generation). */
export async function createTestServices(options: TestIdpOptions = {}): Promise<TestServices> {
  const base = await createTestRuntime(options)
  const runtime: Runtime = options.scheduler ? { ...base, scheduler: options.scheduler } : base
  const initial = await createInitialIdpState(runtime)
  const store = createMemoryStore<IdpState>(initial.state)
  const services = createIdpServices({
    store,
    runtime,
    url: TEST_IDP_URL,
    ...(options.memoryBounds ? { memoryBounds: options.memoryBounds } : {}),
  })
  return {
    runtime,
    store,
    services,
    adminPassword: initial.adminPassword,
    tenantId: initial.state.tenant.id,
    url: TEST_IDP_URL,
  }
}

/** A test IdP: its Hono app over in-memory state, plus the services behind it. */
export interface TestIdp extends TestServices {
  readonly app: ReturnType<typeof createIdpApp>
  /** A headless browser whose requests to the IdP go to `app` in-process and to any other origin to a stub SP page. */
  browser(): HeadlessBrowser
}

/** The config a test IdP pretends to have been started with. */
export const TEST_IDP_CONFIG: IdpConfig = {
  host: '127.0.0.1',
  dataDir: null,
  reset: false,
  https: false,
  port: 0,
  publicUrl: TEST_IDP_URL,
}

/** Sends the browser's requests for the IdP's origin to `app.request`; other origins get a stub page. */
export function inProcessTransport(
  app: { request: (input: string, init: RequestInit) => Response | Promise<Response> },
  origin: string,
): Transport {
  return async (request) => {
    if (request.url.origin !== origin) {
      return {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html><body><h1>Service provider page</h1></body></html>',
      }
    }
    const response = await app.request(`${request.url.pathname}${request.url.search}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    })
    const headers: Record<string, string | string[]> = {}
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value
    })
    headers['set-cookie'] = response.headers.getSetCookie()
    return { status: response.status, headers, body: await response.text() }
  }
}

/** A fresh tenant served by the IdP's app (no socket). */
export async function createTestIdp(options: TestIdpOptions = {}): Promise<TestIdp> {
  const t = await createTestServices(options)
  const app = createIdpApp(
    { config: TEST_IDP_CONFIG, runtime: t.runtime, store: t.store, url: t.url },
    t.services,
  )
  return {
    ...t,
    app,
    browser: () => new HeadlessBrowser({ transport: inProcessTransport(app, new URL(t.url).origin) }),
  }
}
