import { type Clock, createMemoryStore, type IdGenerator, type Runtime } from '@sandbox/shared'
import { createTestRuntime } from '../../../../test/support/test-runtime'
import { createSpApp } from '../app'
import type { SpConfig } from '../config'
import { createSpServices, type SpServices } from '../services'
import { createInitialSpState, type SpState } from '../state/sp-state'

/** The base URL test SPs pretend to be served at. */
export const TEST_SP_URL = 'http://localhost:7080'

export const TEST_SP_CONFIG: SpConfig = {
  host: '127.0.0.1',
  dataDir: null,
  reset: false,
  https: false,
  port: 0,
  publicUrl: undefined,
}

/** A test SP: its Hono app over in-memory state, the services behind it, and request helpers. */
export interface TestSp {
  readonly runtime: Runtime
  readonly store: ReturnType<typeof createMemoryStore<SpState>>
  readonly services: SpServices
  readonly app: ReturnType<typeof createSpApp>
  readonly orgId: string
  readonly url: string
  /** Calls the Control Hub API with the admin token. */
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect answers with matchers
  api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>
}

/** Builds a fresh org in memory with cached test keys (milliseconds, no key generation). */
export async function createTestSp(options: { clock?: Clock; ids?: IdGenerator } = {}): Promise<TestSp> {
  const runtime = await createTestRuntime(options)
  const store = createMemoryStore<SpState>(await createInitialSpState(runtime))
  const deps = { config: TEST_SP_CONFIG, runtime, store, url: TEST_SP_URL }
  const services = createSpServices(deps)
  const app = createSpApp(deps, services)
  return {
    runtime,
    store,
    services,
    app,
    orgId: store.read().organization.id,
    url: TEST_SP_URL,
    async api(method, path, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${store.read().adminApiToken}` }
      let payload: string | undefined
      if (typeof body === 'string') {
        headers['content-type'] = 'application/xml'
        payload = body
      } else if (body !== undefined) {
        headers['content-type'] = 'application/json'
        payload = JSON.stringify(body)
      }
      const response = await app.request(path, { method, headers, body: payload })
      const text = await response.text()
      let json: unknown = text
      try {
        json = JSON.parse(text)
      } catch {
        /* XML or empty */
      }
      return { status: response.status, json }
    },
  }
}
