import { type Clock, createMemoryStore, type IdGenerator, type Runtime } from '@sandbox/shared'
import { createTestRuntime } from '../../../../test/support/test-runtime'
import { createIdpServices, type IdpServices } from '../services'
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

/** Builds a fresh tenant in memory with cached test keys (milliseconds, no key generation). */
export async function createTestServices(
  options: { clock?: Clock; ids?: IdGenerator } = {},
): Promise<TestServices> {
  const runtime = await createTestRuntime(options)
  const initial = await createInitialIdpState(runtime)
  const store = createMemoryStore<IdpState>(initial.state)
  const services = createIdpServices({ store, runtime, url: TEST_IDP_URL })
  return {
    runtime,
    store,
    services,
    adminPassword: initial.adminPassword,
    tenantId: initial.state.tenant.id,
    url: TEST_IDP_URL,
  }
}
