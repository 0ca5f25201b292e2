// test-support/: an in-memory SP and a stand-in IdP for tests, never imported by the server.
import {
  type Clock,
  createMemoryStore,
  decodeRedirectBinding,
  encodePostBinding,
  type IdGenerator,
  type Runtime,
} from '@sandbox/shared'
import { createTestRuntime } from '../../../../test/support/test-runtime'
import { createSpApp } from '../app'
import type { SpConfig } from '../config'
import { BROWSER_COOKIE, SESSION_COOKIE } from '../http/cookies'
import type { SpEnv } from '../http/env'
import { createSpServices, type SpServices } from '../services'
import { createMemoryStores, type MemoryStores, type SpMemoryBounds } from '../sign-in/memory-stores'
import { acsPath, spEntityOf } from '../sso-setup/sp-entity'
import { createInitialSpState, type SpState } from '../state/sp-state'
import type { IdpSide } from './idp-side'

/** The base URL test SPs pretend to be served at. */
export const TEST_SP_URL = 'http://localhost:7080'

const TEST_SP_CONFIG: SpConfig = {
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
  /** The services' in-memory tables (pending requests, sessions, replay cache), for tests to inspect. */
  readonly memory: MemoryStores
  readonly app: ReturnType<typeof createSpApp>
  readonly orgId: string
  readonly url: string
  /** Calls the Control Hub API with the admin token. */
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect answers with matchers
  api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>
  /** The SP's entityID and ACS as its current settings make them. */
  entity(): { entityId: string; acsUrl: string }
  /**
   * Opens `path` (the Sign-on URL by default) in a fresh browser (or `browser`) and follows the
   * redirect to the IdP: the AuthnRequest's ID, the browser's cookie and the RelayState sent.
   * `address` is the socket address the request comes from (none by default).
   */
  startSignIn(options?: { path?: string; browser?: string; address?: string }): Promise<StartedSignIn>
  /** Posts a Response (XML, base64-encoded here) to the ACS as `browser` would. */
  postToAcs(xml: string, options?: { browser?: string | null; relayState?: string }): Promise<Response>
}

/** A sign-in as far as the IdP: what the browser carries back to the ACS. */
export interface StartedSignIn {
  readonly requestId: string
  /** The `webex_sandbox_browser` cookie value. */
  readonly browser: string
  readonly relayState: string | undefined
  /** The AuthnRequest XML. */
  readonly xml: string
  readonly signed: boolean
}

/** The session cookie a response sets (`name=value`), or null. */
export function sessionCookieOf(response: Response): string | null {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))
  return cookie ? (cookie.split(';')[0] ?? null) : null
}

/** Builds a fresh org in memory with cached test keys (milliseconds, no key generation). */
export async function createTestSp(
  options: {
    clock?: Clock
    ids?: IdGenerator
    memoryBounds?: SpMemoryBounds
    log?: (line: string) => void
  } = {},
): Promise<TestSp> {
  const runtime = await createTestRuntime(options)
  const store = createMemoryStore<SpState>(await createInitialSpState(runtime))
  const memory = createMemoryStores(runtime.clock, options.memoryBounds)
  const deps = { config: TEST_SP_CONFIG, runtime, store, url: TEST_SP_URL, memory }
  const services = createSpServices(deps)
  const app = createSpApp(deps, services)
  return {
    runtime,
    store,
    services,
    memory,
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
    entity() {
      const entity = spEntityOf(store.read(), TEST_SP_URL)
      return { entityId: entity.entityId, acsUrl: entity.acsUrl }
    },
    async startSignIn(start = {}) {
      const path = start.path ?? acsPath(store.read().organization.id)
      const headers: Record<string, string> = start.browser
        ? { cookie: `${BROWSER_COOKIE}=${start.browser}` }
        : {}
      const env = start.address ? { incoming: { socket: { remoteAddress: start.address } } } : undefined
      const response = await app.request(path, { headers }, env as SpEnv['Bindings'] | undefined)
      if (response.status !== 302)
        throw new Error(`sign-in did not start: ${response.status} ${await response.text()}`)
      const location = new URL(response.headers.get('location') ?? '')
      const decoded = decodeRedirectBinding(location.search)
      if (!decoded.ok) throw new Error(decoded.error.message)
      const requestId = /\sID="([^"]+)"/.exec(decoded.value.xml)?.[1]
      if (!requestId) throw new Error('the AuthnRequest has no ID')
      const set = response.headers.getSetCookie().find((c) => c.startsWith(`${BROWSER_COOKIE}=`))
      const browser = start.browser ?? set?.split(';')[0]?.split('=')[1]
      if (!browser) throw new Error('no browser cookie was set')
      return {
        requestId,
        browser,
        relayState: decoded.value.relayState,
        xml: decoded.value.xml,
        signed: decoded.value.signature !== undefined,
      }
    },
    postToAcs(xml, post = {}) {
      const form = new URLSearchParams({ SAMLResponse: encodePostBinding(xml) })
      if (post.relayState !== undefined) form.set('RelayState', post.relayState)
      return Promise.resolve(
        app.request(acsPath(store.read().organization.id), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...(post.browser ? { cookie: `${BROWSER_COOKIE}=${post.browser}` } : {}),
          },
          body: form.toString(),
        }),
      )
    },
  }
}

/**
 * The wizard, done right: imports `idp`'s metadata, runs Test SSO Connection with a Response
 * from `idp`, and enables SSO. Throws when a step fails (tests of the wizard itself call the
 * steps one by one).
 */
export async function enableSsoWith(
  sp: TestSp,
  idp: IdpSide,
  options: { trustMode?: 'ca-signed' | 'self-signed-allowed'; chain?: boolean } = {},
): Promise<void> {
  const imported = await sp.api('POST', '/api/v1/sso/idp-metadata', {
    xml: idp.metadata({ chain: options.chain ?? false }),
    trustMode: options.trustMode ?? 'ca-signed',
  })
  if (imported.status !== 200) throw new Error(`import: ${JSON.stringify(imported.json)}`)
  const test = await sp.api('POST', '/api/v1/sso/test')
  const started = await sp.startSignIn({ path: new URL(test.json.url).pathname })
  const page = await sp.postToAcs(idp.response({ inResponseTo: started.requestId }), {
    browser: started.browser,
  })
  if (page.status !== 200) throw new Error(`test: ${page.status}`)
  const enabled = await sp.api('POST', '/api/v1/sso/enable')
  if (enabled.status !== 200) throw new Error(`enable: ${JSON.stringify(enabled.json)}`)
}
