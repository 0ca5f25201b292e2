import type { Clock, IdGenerator, Log, SignInSuccess } from '@sandbox/shared'
import { createIdpClient, type IdpClient } from './clients/idp-client'
import { createSpClient, type SpClient } from './clients/sp-client'
import { seededSources } from './deterministic'
import {
  type RegisteredServiceProvider,
  type RegisterServiceProviderRequest,
  registerServiceProvider,
} from './entra-registration'
import { type CreatedUser, type CreateUserRequest, createEntraUser } from './entra-users'
import { type EntraFaults, entraFaults, type WebexFaults, webexFaults } from './faults'
import { createCachedKeyPool, defaultKeyCacheDir } from './key-cache'
import { type SandboxClock, type SandboxClockSpec, sandboxClockFrom } from './sandbox-clock'
import {
  exportScenarioText,
  type LoadedScenario,
  loadScenario,
  type ScenarioSandbox,
} from './scenario/load-scenario'
import type { ScenarioSource } from './scenario/read-scenario'
import { type RunningSandbox, startSandboxServers } from './servers'
import { type SandboxSignInRequest, signInHeadless } from './sign-in'
import { setUpTutorial, type TutorialSetUp } from './tutorial-setup'
import {
  type RegisteredIdentityProvider,
  type RegisterIdentityProviderRequest,
  registerIdentityProvider,
} from './webex-registration'

/** Options of {@link startSandbox}. Every one has a default suited to a test suite. */
export interface StartSandboxOptions {
  /** A directory to keep state in across starts; `null` or absent keeps everything in memory. */
  readonly dataDir?: string | null
  /** Wipe the data directory's state first. */
  readonly reset?: boolean
  /** Serve https with certificates from the sandbox CA (the headless `signIn` trusts it). */
  readonly https?: boolean
  /** Loopback host to listen on (default `localhost`). */
  readonly host?: string
  /** The Entra emulator's port (as `--idp-port`); 0, the default, picks a free one. */
  readonly idpPort?: number
  /** The Webex emulator's port (as `--sp-port`); 0, the default, picks a free one. */
  readonly spPort?: number
  /** The URLs browsers use, when not `http(s)://host:port` (behind a proxy). */
  readonly idpPublicUrl?: string
  readonly spPublicUrl?: string
  /**
   * Where RSA keys are cached between runs (default: `SSO_SANDBOX_KEY_CACHE`, else
   * `$XDG_CACHE_HOME/sso-rehearsal-sandbox/keys`, else `~/.cache/sso-rehearsal-sandbox/keys`),
   * or `false` to generate every key. The first run fills it; later starts generate none.
   */
  readonly keyCache?: string | false
  /** Turn training mode on: both consoles show the tutorial's progress panel. */
  readonly training?: boolean
  /**
   * The time both servers read: the wall clock (default), your own `Clock`, or a pinned one,
   * `{ mode: 'fixed', at }` or `{ mode: 'manual', at }`. `sandbox.clock.advance()` moves it
   * (except a fixed one).
   */
  readonly clock?: Clock | SandboxClockSpec
  /**
   * Deterministic mode: every id, GUID, token, session id and certificate serial is derived
   * from this seed, and RSA keys come from the key cache under it, so that with the same seed
   * and a pinned `clock` the SAML Responses and metadata are byte-identical from run to run.
   * The ids are predictable by design: for tests only. Needs the key cache (not `keyCache: false`).
   */
  readonly seed?: string | number
  /** The source of every id (default: cryptographically random); not together with `seed`. */
  readonly ids?: IdGenerator
  /** Where operational messages go (default: nowhere). */
  readonly log?: Log
  /**
   * A scenario to load once both servers are up: a file path, YAML or JSON text, or an object
   * (see "Scenario files" in the README). An invalid one fails the start with line and column.
   */
  readonly scenario?: ScenarioSource
}

/** The Entra ID emulator of a running sandbox. */
export interface SandboxEntra {
  /** Base URL, e.g. `http://localhost:41234`. */
  readonly url: string
  readonly tenantId: string
  /** Bearer token of the Graph-shaped API (`/v1.0`) and the sandbox API (`/sandbox/api`). */
  readonly graphToken: string
  /** The tenant's Global Administrator, as the admin center signs in. */
  readonly admin: { readonly userPrincipalName: string; readonly password: string } | null
  /** A typed client of the Graph-shaped and sandbox APIs. */
  readonly client: IdpClient
  /**
   * Registers your SAML SP in one call: a non-gallery app with SAML, Identifier and Reply URLs
   * from your metadata, the users assigned (created when missing). Resolves with what your SP
   * needs: the Entra Identifier, Login URL, federation metadata and signing certificate.
   */
  registerServiceProvider(request: RegisterServiceProviderRequest): Promise<RegisteredServiceProvider>
  /** Creates a user (`persona` picks an attribute shape); resolves with its id and password. */
  createUser(request: CreateUserRequest): Promise<CreatedUser>
  /**
   * Sign-in faults: `add({ preset: 'wrong-audience', appId?, count? })` answers the next
   * sign-ins (or every sign-in to one app) wrongly on purpose; `list()`, `remove(id)`, `clear()`.
   */
  readonly faults: EntraFaults
}

/** The Webex emulator of a running sandbox. */
export interface SandboxWebex {
  readonly url: string
  readonly orgId: string
  /** Bearer token of the Control Hub API (`/api/v1`). */
  readonly adminToken: string
  /** The SCIM 2.0 base URL (`…/identity/scim/{orgId}/v2`) and its bearer token. */
  readonly scimBaseUrl: string
  readonly scimToken: string
  /** Where an SP-initiated sign-in to Webex starts. */
  readonly signOnUrl: string
  /** The JSON description of the session a Webex cookie opens. */
  readonly sessionInfoUrl: string
  /** A typed client of the Control Hub API. */
  readonly client: SpClient
  /**
   * Imports your IdP's metadata into Control Hub (`trust`: `ca-signed` or `self-signed`) and,
   * given `testWith` credentials, runs Test SSO Connection and enables SSO when it passes.
   */
  registerIdentityProvider(request: RegisterIdentityProviderRequest): Promise<RegisteredIdentityProvider>
  /** SCIM faults: `add({ preset: 'rate-limited', count?, retryAfterSeconds? })`, `list()`, `remove(id)`, `clear()`. */
  readonly faults: WebexFaults
}

/** A running sandbox: both emulators in this process, their clients, and the test helpers. */
export interface Sandbox extends RunningSandbox {
  readonly entra: SandboxEntra
  readonly webex: SandboxWebex
  readonly clock: SandboxClock
  /**
   * Signs in without a browser, SP-initiated: at Webex by default, or at any SP's sign-on URL
   * (`startUrl`). Resolves with the landing page, the SAML messages and the SP's cookies;
   * rejects with a {@link SignInError} that says why it stopped.
   */
  signIn(request: SandboxSignInRequest): Promise<SignInSuccess>
  /**
   * Performs the whole tutorial's set-up through both servers' APIs: the Cisco Webex gallery
   * app with SAML, Webex's SP metadata uploaded, B.Simon created and assigned, Entra's
   * metadata imported into Webex, the SSO test passed and SSO enabled. Resolves with where
   * and as whom to sign in; rejects with a `TutorialStepError` naming the failed step.
   */
  setupTutorial(): Promise<TutorialSetUp>
  /** Back to a fresh tenant and org (same ids and tokens): no apps, no users but the admin, no SSO, no sessions, no faults. */
  reset(): Promise<void>
  /**
   * Replaces both servers' state with a scenario's (a file path, YAML or JSON text, or an
   * object). Validates it completely first: an invalid one throws a `ScenarioError` listing
   * each problem with its line and column, and changes nothing. If a server refuses a step,
   * throws a `ScenarioApplyError` after putting both servers back as they were.
   */
  loadScenario(source: ScenarioSource): Promise<LoadedScenario>
  /** Both servers' state as scenario YAML (written to `file` too, when given); loading it rebuilds this state. */
  exportScenario(file?: string): Promise<string>
}

/**
 * Starts the Entra ID emulator and the Webex emulator in this process, on free loopback ports,
 * with state in memory unless `dataDir` is given, and resolves once both answer.
 *
 * @example
 * const sandbox = await startSandbox()
 * try { … } finally { await sandbox.close() }
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const clock = sandboxClockFrom(options.clock)
  const keyCache = options.keyCache ?? defaultKeyCacheDir()
  const seeded = seededSourcesOf(options, keyCache)
  const cachedKeys = keyCache === false || seeded ? null : createCachedKeyPool(keyCache)
  const servers = await startSandboxServers({
    dataDir: options.dataDir ?? null,
    reset: options.reset ?? false,
    https: options.https ?? false,
    ...(options.training ? { training: true } : {}),
    ...(options.host ? { host: options.host } : {}),
    idpPort: options.idpPort ?? 0,
    spPort: options.spPort ?? 0,
    ...(options.idpPublicUrl ? { idpPublicUrl: options.idpPublicUrl } : {}),
    ...(options.spPublicUrl ? { spPublicUrl: options.spPublicUrl } : {}),
    clock,
    ...(options.ids ? { ids: options.ids } : {}),
    ...(cachedKeys ? { keys: cachedKeys.pool } : {}),
    ...(seeded ? { ids: seeded.runtime.ids, keys: seeded.runtime.keys, perServer: seeded } : {}),
    ...(options.log ? { log: options.log } : {}),
  })
  const { idp, sp } = servers
  const ca = options.https ? servers.runtime.ca.root.certificatePem : undefined
  const signInDefaults = {
    startUrl: `${sp.url}/idb/Consumer/metaAlias/${sp.orgId}/sp`,
    sessionInfoUrl: `${sp.url}/api/v1/session`,
    ...(ca ? { ca } : {}),
  }
  const entraClient = createIdpClient({ baseUrl: idp.url, token: idp.graphApiToken })
  const webexClient = createSpClient({ baseUrl: sp.url, token: sp.adminApiToken })
  let admin = idp.firstStart
    ? { userPrincipalName: idp.firstStart.adminUserPrincipalName, password: idp.firstStart.adminPassword }
    : null
  // Passwords known to this handle (created or loaded through it), so exports can carry them.
  const knownPasswords = new Map<string, string>()
  const entra: SandboxEntra = {
    url: idp.url,
    tenantId: idp.tenantId,
    graphToken: idp.graphApiToken,
    get admin() {
      return admin
    },
    client: entraClient,
    registerServiceProvider: (request) => registerServiceProvider(entraClient, request),
    createUser: async (request) => {
      const created = await createEntraUser(entraClient, request)
      knownPasswords.set(created.userPrincipalName.toLowerCase(), created.password)
      return created
    },
    faults: entraFaults(entraClient.target),
  }
  const webex: SandboxWebex = {
    url: sp.url,
    orgId: sp.orgId,
    adminToken: sp.adminApiToken,
    scimBaseUrl: `${sp.url}/identity/scim/${sp.orgId}/v2`,
    scimToken: sp.scimToken,
    signOnUrl: signInDefaults.startUrl,
    sessionInfoUrl: signInDefaults.sessionInfoUrl,
    client: webexClient,
    registerIdentityProvider: (request) =>
      registerIdentityProvider(webexClient, request, (startUrl, username, password) =>
        signInHeadless({ startUrl, username, password }, signInDefaults),
      ),
    faults: webexFaults(webexClient.target),
  }
  const scenarioSandbox: ScenarioSandbox = {
    idp: entraClient,
    sp: webexClient,
    addresses: {
      'entra.url': idp.url,
      'entra.tenantId': idp.tenantId,
      'webex.url': sp.url,
      'webex.orgId': sp.orgId,
    },
    signIn: (startUrl, username, password) =>
      signInHeadless({ startUrl, username, password }, signInDefaults),
    passwords: knownPasswords,
  }
  const loadInto = async (source: ScenarioSource) => {
    const loaded = await loadScenario(scenarioSandbox, source)
    if (admin) admin = { ...admin, userPrincipalName: loaded.adminUserPrincipalName }
    return loaded
  }
  if (options.scenario !== undefined) {
    try {
      await loadInto(options.scenario)
    } catch (error) {
      await servers.close()
      await cachedKeys?.release()
      throw error
    }
  }
  return {
    ...servers,
    loadScenario: loadInto,
    exportScenario: (file) => exportScenarioText(scenarioSandbox, file),
    close: async () => {
      await servers.close()
      await cachedKeys?.release()
    },
    entra,
    webex,
    clock,
    signIn: (request) => signInHeadless(request, signInDefaults),
    setupTutorial: async () => {
      const setUp = await setUpTutorial(entraClient.target, webexClient.target)
      // Remembered so that an export carries the password a load of it needs.
      scenarioSandbox.passwords.set(setUp.username.toLowerCase(), setUp.password)
      return setUp
    },
    reset: async () => {
      // The reset keeps the Global Administrator and its password, so the handle's stay valid.
      const [fresh] = await Promise.all([entraClient.reset(), webexClient.reset()])
      if (!fresh.adminPasswordKept) admin = null
      clock.resetOffset()
    },
  }
}

function seededSourcesOf(options: StartSandboxOptions, keyCache: string | false) {
  if (options.seed === undefined) return null
  const seed = String(options.seed)
  if (seed === '')
    throw new TypeError('seed must be a non-empty string or a number, e.g. startSandbox({ seed: "ci" }).')
  if (options.ids) throw new TypeError('Give either seed or ids, not both: a seed already decides every id.')
  if (keyCache === false) {
    throw new TypeError(
      'A seed needs the key cache (keyCache: false generates fresh RSA keys each run, so certificates and signatures would differ). Drop keyCache: false or give a directory.',
    )
  }
  return seededSources(seed, keyCache)
}
