import {
  createMemoryStore,
  encodePostBinding,
  HeadlessBrowser,
  offsetClock,
  signIn,
  type Transport,
} from '@sandbox/shared'
import { createSpApp } from '../../../packages/sp/src/app'
import type { SpConfig } from '../../../packages/sp/src/config'
import { createSpServices, type SpServices } from '../../../packages/sp/src/services'
import { createMemoryStores, type MemoryStores } from '../../../packages/sp/src/sign-in/memory-stores'
import { acsPath } from '../../../packages/sp/src/sso-setup/sp-entity'
import { createInitialSpState, type SpState } from '../../../packages/sp/src/state/sp-state'
import { createTestRuntime } from '../../support/test-runtime'
import { createResponseSource, type ResponseSource, webexIdentity } from './idp-response'

/** The base URL the test SP pretends to be served at (another origin than the IdP's). */
export const TEST_SP_URL = 'http://localhost:7080'

const SP_CONFIG: SpConfig = {
  host: '127.0.0.1',
  dataDir: null,
  reset: false,
  https: false,
  port: 0,
  publicUrl: TEST_SP_URL,
}

/** The Webex emulator in-process: app, services, store and its identifiers. */
export interface TestSp {
  readonly app: ReturnType<typeof createSpApp>
  readonly services: SpServices
  /** The services' in-memory tables (pending requests, sign-in log), for tests to inspect. */
  readonly memory: MemoryStores
  readonly store: ReturnType<typeof createMemoryStore<SpState>>
  readonly orgId: string
  readonly url: string
  readonly adminToken: string
  /** Calls the Control Hub API (`/api/v1…`) with the admin token. */
  api(method: string, path: string, body?: unknown, contentType?: string): Promise<Response>
}

/** A sign-in stopped just before the browser posted the IdP's Response to the ACS. */
export interface Intercepted {
  readonly browser: HeadlessBrowser
  /** The decoded, signed Response the IdP produced for this browser's AuthnRequest. */
  readonly responseXml: string
  readonly requestId: string
  readonly relayState: string | undefined
}

/** Both servers in one process, sharing one runtime (one CA, one clock), wired like the tutorial. */
export interface Sandbox {
  readonly idp: ResponseSource
  readonly sp: TestSp
  /**
   * Signs in at the SP with a browser (as the IdP's admin unless `username`/`password` name
   * another assigned user), stops before the ACS post, and returns what the IdP sent.
   */
  intercept(options?: {
    relayState?: string
    browser?: HeadlessBrowser
    username?: string
    password?: string
    /** Where the sign-in starts (default: the Sign-on URL), e.g. a Test SSO Connection link. */
    startUrl?: string
  }): Promise<Intercepted>
  /** Posts `xml` (base64-encoded unless `raw`) to the ACS as `browser` would. */
  postToAcs(
    browser: HeadlessBrowser | null,
    xml: string,
    options?: { relayState?: string; raw?: boolean },
  ): Promise<Response>
  /** A fresh browser whose requests go to the two apps in-process. */
  browser(): HeadlessBrowser
  /** Imports the IdP's current app metadata into Control Hub as the pending configuration. */
  importIdpMetadata(): Promise<void>
  /** Imports the IdP's current app metadata into Control Hub again, tests and enables it. */
  reimportIdpMetadata(): Promise<void>
}

/** Anything with Hono's `request` (the two apps have different route types). */
interface InProcessApp {
  request(path: string, init: RequestInit): Response | Promise<Response>
}

function transportFor(apps: ReadonlyArray<readonly [string, InProcessApp]>, hold: () => boolean): Transport {
  return async (request) => {
    const entry = apps.find(([origin]) => request.url.origin === origin)
    if (!entry) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'no such site' }
    if (hold() && request.method === 'POST' && request.url.pathname.startsWith('/idb/Consumer/')) {
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>held</body></html>' }
    }
    const response = await entry[1].request(`${request.url.pathname}${request.url.search}`, {
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

/**
 * Starts the IdP and the SP in-process and performs the tutorial: SP metadata into Entra,
 * Entra's app metadata into Control Hub (CA-signed trust), Test SSO, enable, and a Webex user
 * for the IdP's admin. Every corpus case then starts from a real, working SSO setup.
 */
export async function createSandbox(
  options: { trustMode?: 'ca-signed' | 'self-signed-allowed'; https?: boolean } = {},
): Promise<Sandbox> {
  const spUrl = options.https ? TEST_SP_URL.replace('http:', 'https:') : TEST_SP_URL
  const idpUrl = options.https ? 'https://localhost:7070' : 'http://localhost:7070'
  const spConfig: SpConfig = { ...SP_CONFIG, publicUrl: spUrl, https: options.https === true }
  const clock = offsetClock()
  const runtime = await createTestRuntime({ clock })
  const initial = await createInitialSpState(runtime)
  const spStore = createMemoryStore<SpState>(initial)
  const spMemory = createMemoryStores(runtime.clock)
  const spServices = createSpServices({ store: spStore, runtime, url: spUrl, memory: spMemory })
  const spApp = createSpApp({ config: spConfig, runtime, store: spStore, url: spUrl }, spServices)
  const orgId = initial.organization.id
  const adminToken = initial.adminApiToken
  const sp: TestSp = {
    app: spApp,
    services: spServices,
    memory: spMemory,
    store: spStore,
    orgId,
    url: spUrl,
    adminToken,
    api: async (method, path, body, contentType = 'application/json') =>
      spApp.request(path, {
        method,
        headers: {
          authorization: `Bearer ${adminToken}`,
          ...(body === undefined ? {} : { 'content-type': contentType }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  }
  const idp = await createResponseSource(webexIdentity(orgId, spUrl), { runtime, clock, url: idpUrl })

  let holding = false
  const apps: ReadonlyArray<readonly [string, InProcessApp]> = [
    [new URL(spUrl).origin, spApp],
    [new URL(idp.idp.url).origin, idp.idp.app],
  ]
  const browser = (): HeadlessBrowser => new HeadlessBrowser({ transport: transportFor(apps, () => holding) })

  const spMetadata = await (await sp.api('GET', '/api/v1/sso/sp-metadata')).text()
  const uploaded = await idp.idp.services.samlConfig.uploadSpMetadata(idp.spId, spMetadata)
  if (!uploaded.ok) throw new Error(`SP metadata upload: ${uploaded.error.message}`)
  const importIdpMetadata = async (): Promise<void> => {
    const appId = idp.idp.store.read().apps.find((a) => a.servicePrincipal.id === idp.spId)?.application.appId
    const federation = await idp.idp.app.request(
      `/${idp.idp.tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${appId}`,
    )
    const imported = await sp.api(
      'POST',
      `/api/v1/sso/idp-metadata?trustMode=${options.trustMode ?? 'ca-signed'}`,
      await federation.text(),
      'application/xml',
    )
    if (imported.status !== 200)
      throw new Error(`IdP metadata import: ${imported.status} ${await imported.text()}`)
  }
  /** Entra's app metadata into Control Hub, Test SSO Connection, enable: the tutorial's last steps. */
  const reimportIdpMetadata = async (): Promise<void> => {
    await importIdpMetadata()
    const test = (await (await sp.api('POST', '/api/v1/sso/test')).json()) as { url: string }
    const tested = await signIn({
      startUrl: test.url,
      username: idp.adminUpn,
      password: idp.adminPassword,
      browser: browser(),
    })
    if (!tested.ok) throw new Error(`Test SSO: ${tested.error.message}`)
    const enabled = await sp.api('POST', '/api/v1/sso/enable')
    if (enabled.status !== 200) throw new Error(`enable SSO: ${enabled.status} ${await enabled.text()}`)
  }
  const added = await spServices.users.add({ email: idp.adminUpn, firstName: 'Sandbox', lastName: 'Admin' })
  if (!added.ok) throw new Error(added.error.code)
  await reimportIdpMetadata()

  return {
    idp,
    sp,
    browser,
    importIdpMetadata,
    reimportIdpMetadata,
    intercept: async (request = {}) => {
      const b = request.browser ?? browser()
      const query =
        request.relayState === undefined ? '' : `?RelayState=${encodeURIComponent(request.relayState)}`
      holding = true
      try {
        const result = await signIn({
          startUrl: request.startUrl ?? `${spUrl}${acsPath(orgId)}${query}`,
          username: request.username ?? idp.adminUpn,
          password: request.password ?? idp.adminPassword,
          browser: b,
        })
        if (!result.ok)
          throw new Error(`intercepted sign-in failed: ${result.error.code} ${result.error.message}`)
        const requestId = /\bID="([^"]+)"/.exec(result.value.authnRequest?.xml ?? '')?.[1]
        if (!requestId) throw new Error('the SP sent no AuthnRequest')
        return {
          browser: b,
          responseXml: result.value.samlResponse.xml,
          requestId,
          relayState: result.value.samlResponse.relayState,
        }
      } finally {
        holding = false
      }
    },
    postToAcs: async (b, xml, post = {}) => {
      const cookie = b
        ? b.jar
            .cookiesFor(new URL(`${spUrl}${acsPath(orgId)}`))
            .map((c) => `${c.name}=${c.value}`)
            .join('; ')
        : ''
      const fields = new URLSearchParams({ SAMLResponse: post.raw ? xml : encodePostBinding(xml) })
      if (post.relayState !== undefined) fields.set('RelayState', post.relayState)
      const response = await spApp.request(acsPath(orgId), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: new URL(idp.idp.url).origin,
          ...(cookie ? { cookie } : {}),
        },
        body: fields.toString(),
      })
      // As a browser would: the answer's cookies (a new session) go into its jar.
      for (const line of response.headers.getSetCookie())
        b?.jar.store(new URL(`${spUrl}${acsPath(orgId)}`), line)
      return response
    },
  }
}
