import { createPrivateKey, type KeyObject } from 'node:crypto'
import {
  type AdjustableClock,
  certificateToDer,
  createMemoryStore,
  HeadlessBrowser,
  type IdGenerator,
  offsetClock,
  type Runtime,
  signIn,
  type TrustedCertificate,
  trustCertificate,
} from '@sandbox/shared'
import { createIdpApp } from '../../../packages/idp/src/app'
import { CISCO_WEBEX_TEMPLATE_ID } from '../../../packages/idp/src/enterprise-apps/gallery'
import { signingCertificateFor } from '../../../packages/idp/src/federation-metadata/metadata-service'
import { createIdpServices } from '../../../packages/idp/src/services'
import type { IdpState } from '../../../packages/idp/src/state/idp-state'
import { createInitialIdpState } from '../../../packages/idp/src/state/initial-state'
import {
  inProcessTransport,
  TEST_IDP_CONFIG,
  TEST_IDP_URL,
  type TestIdp,
} from '../../../packages/idp/src/test-support/harness'
import { authnRequestXml, redirectUrl } from '../../../packages/idp/src/test-support/saml-app'
import { createTestRuntime } from '../../support/test-runtime'

/** The Webex emulator's identifiers the IdP's app is configured with (Basic SAML Configuration). */
export interface SpIdentity {
  readonly entityId: string
  readonly acsUrl: string
}

/** The SP paths of packages/sp/src/sso/sp-entity.ts, for an SP served at `baseUrl`. */
export function webexIdentity(orgId: string, baseUrl = 'http://localhost:7080'): SpIdentity {
  return {
    entityId: `https://idbroker.webex.com/${orgId}`,
    acsUrl: `${baseUrl}/idb/Consumer/metaAlias/${orgId}/sp`,
  }
}

/** The IdP's active signing key for the app: what a trusting SP verifies against. */
export interface IdpSigningKey {
  readonly privateKey: KeyObject
  readonly certificatePem: string
  readonly trusted: TrustedCertificate
}

/**
 * A real IdP (this repo's Entra emulator, in-process) with the Cisco Webex gallery app set up
 * for `sp`: the source every corpus case derives its Response from.
 */
export interface ResponseSource {
  readonly idp: TestIdp
  readonly sp: SpIdentity
  readonly spId: string
  readonly clock: AdjustableClock
  readonly adminUpn: string
  readonly adminPassword: string
  /** The app's current signing key and certificate (changes after a rollover). */
  signingKey(): IdpSigningKey
  /**
   * Signs in through the IdP's real pages (AuthnRequest → password → auto-post form) and
   * returns the decoded, signed `<samlp:Response>` the IdP posted to the ACS.
   */
  issue(options?: { requestId?: string; username?: string; password?: string }): Promise<string>
}

/** Starts an IdP with the Webex app configured for `sp` and the admin assigned. */
export async function createResponseSource(
  sp: SpIdentity,
  options: { ids?: IdGenerator; runtime?: Runtime; clock?: AdjustableClock; url?: string } = {},
): Promise<ResponseSource> {
  const clock = options.clock ?? offsetClock()
  const runtime =
    options.runtime ?? (await createTestRuntime({ clock, ...(options.ids ? { ids: options.ids } : {}) }))
  const idp = await createIdpOn(runtime, options.url)
  const created = await idp.services.apps.instantiate(CISCO_WEBEX_TEMPLATE_ID, 'Cisco Webex')
  if (!created.ok) throw new Error(created.error.message)
  const spId = created.value.servicePrincipal.id
  for (const step of [
    await idp.services.samlConfig.enableSaml(spId),
    await idp.services.samlConfig.configureBasicSaml(spId, {
      identifiers: [{ value: sp.entityId }],
      replyUrls: [{ url: sp.acsUrl }],
    }),
  ]) {
    if (!step.ok) throw new Error(step.error.message)
  }
  const admin = idp.store.read().users[0]
  if (!admin) throw new Error('the test tenant has no admin')
  const assigned = await idp.services.assignments.assign({ resourceId: spId, principalId: admin.id })
  if (!assigned.ok) throw new Error(assigned.error.message)
  let counter = 0
  return {
    idp,
    sp,
    spId,
    clock,
    adminUpn: admin.userPrincipalName,
    adminPassword: idp.adminPassword,
    signingKey: () => activeSigningKey(idp, spId),
    issue: async (request = {}) => {
      counter += 1
      const xml = authnRequestXml({
        id: request.requestId ?? `_corpus${counter}`,
        issuer: sp.entityId,
        acsUrl: sp.acsUrl,
      })
      const result = await signIn({
        startUrl: redirectUrl(idp, xml),
        username: request.username ?? admin.userPrincipalName,
        password: request.password ?? idp.adminPassword,
        browser: idp.browser(),
      })
      if (!result.ok) throw new Error(`IdP sign-in failed: ${result.error.code} ${result.error.message}`)
      return result.value.samlResponse.xml
    },
  }
}

function activeSigningKey(idp: TestIdp, spId: string): IdpSigningKey {
  const state = idp.store.read()
  const app = state.apps.find((a) => a.servicePrincipal.id === spId)
  if (!app) throw new Error('the app is gone')
  const certificate = signingCertificateFor(state, app, idp.runtime.clock.now())
  const der = certificateToDer(certificate.certificatePem)
  if (!der) throw new Error('the app certificate does not parse')
  return {
    privateKey: createPrivateKey(certificate.privateKeyPem),
    certificatePem: certificate.certificatePem,
    trusted: trustCertificate(der),
  }
}

/** A test IdP (as packages/idp's createTestIdp) on a given runtime, so that it can share one CA and clock with the SP. */
export async function createIdpOn(runtime: Runtime, url: string = TEST_IDP_URL): Promise<TestIdp> {
  const initial = await createInitialIdpState(runtime)
  const store = createMemoryStore<IdpState>(initial.state)
  const services = createIdpServices({ store, runtime, url })
  const config = { ...TEST_IDP_CONFIG, publicUrl: url, https: url.startsWith('https:') }
  const app = createIdpApp({ config, runtime, store, url }, services)
  return {
    runtime,
    store,
    services,
    adminPassword: initial.adminPassword,
    tenantId: initial.state.tenant.id,
    url,
    app,
    browser: () => new HeadlessBrowser({ transport: inProcessTransport(app, new URL(url).origin) }),
  }
}
