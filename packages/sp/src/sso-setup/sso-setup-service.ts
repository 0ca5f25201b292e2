// sso-setup/: Control Hub's SSO wizard: the SP metadata, IdP metadata import and trust, the test, enabling.
import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import { fail, type SpError } from '../errors/catalogue'
import type { MemoryStores } from '../sign-in/memory-stores'
import { trustAnchorsOf } from '../sign-in/trust-anchors'
import type { SpSnapshot, SpState } from '../state/sp-state'
import { EMPTY_DIRECTORY } from '../users/user-schema'
import { type ExpiringCertificate, expiringCertificates } from './certificate-expiry'
import { importIdpMetadata } from './idp-import'
import { INITIAL_SSO_STATE, type SsoSettings, type TrustMode } from './sso-schema'
import { type SsoOverview, type SsoStatus, ssoOverviewOf, ssoStatusOf } from './sso-status'
import { createTrustStoreService } from './trust-store-service'

/**
 * Control Hub's "Integrate a 3rd-party identity provider" wizard: download the SP metadata,
 * import the IdP metadata with a trust mode, test, enable; plus the org's SSO settings and
 * trust store (trust-store-service.ts). Every change validates first and stores once.
 */
export function createSsoSetupService(deps: {
  store: DocumentStore<SpState>
  runtime: Runtime
  url: string
  memory: MemoryStores
  /** The SP metadata of a state, built once per configuration change. */
  spMetadataOf: (state: SpSnapshot) => string
}) {
  const { store, runtime, memory } = deps
  const metadata = deps.spMetadataOf

  return {
    ...createTrustStoreService({ store, runtime }),

    spMetadata: () => metadata(store.read()),

    status: (): SsoStatus => ssoStatusOf(store.read()),

    /** "Update SSO Certificate": the signing certificates of the IdP in use (or imported) that end within 60 days. */
    expiringCertificates(): ExpiringCertificate[] {
      const status = ssoStatusOf(store.read())
      return expiringCertificates(status.active ?? status.pending, runtime.clock.now())
    },

    /** Control Hub's overview page. */
    overview: (): SsoOverview => ssoOverviewOf(store.read(), deps.url),

    async importIdpMetadata(xml: string, trustMode: TrustMode): Promise<Result<SsoStatus, SpError>> {
      const state = store.read()
      const trust = trustAnchorsOf(runtime, state)
      const imported = importIdpMetadata({
        xml,
        trustMode,
        anchors: trust.anchors,
        intermediates: trust.intermediates,
        at: runtime.clock.now(),
        newId: runtime.ids.guid(),
      })
      if (!imported.ok) return imported
      await store.update((draft) => {
        draft.sso.pending = imported.value
        draft.sso.lastTest = null
        return ok(true)
      })
      return ok(ssoStatusOf(store.read()))
    },

    /** A one-time link that runs Test SSO Connection in whichever browser opens it. */
    startTest(): Result<{ url: string }, SpError> {
      if (!store.read().sso.pending) return fail('SSO_NO_IDP_METADATA', { action: 'test' })
      const ticket = runtime.ids.token(24)
      memory.addTestTicket(ticket)
      return ok({ url: `${deps.url}/admin/sso/test/${ticket}` })
    },

    testResult() {
      const state = store.read()
      const test = state.sso.lastTest
      if (!test || test.idpConfigId !== state.sso.pending?.id) return { status: 'not-run' as const }
      return test
    },

    /** "This test was successful. Enable Single Sign-On", then Save. */
    enable(): Promise<Result<SsoStatus, SpError>> {
      return store
        .update((draft): Result<true, SpError> => {
          const pending = draft.sso.pending
          if (!pending) return draft.sso.active ? ok(true) : fail('SSO_NO_IDP_METADATA', { action: 'enable' })
          const test = draft.sso.lastTest
          if (!test || test.idpConfigId !== pending.id || test.status !== 'passed')
            return fail('SSO_TEST_REQUIRED', {
              failedWith: test && test.idpConfigId === pending.id ? (test.code ?? 'failed') : null,
            })
          draft.sso.active = pending
          draft.sso.pending = null
          draft.sso.enabled = true
          return ok(true)
        })
        .then((r) => (r.ok ? ok(ssoStatusOf(store.read())) : r))
    },

    async disable(): Promise<SsoStatus> {
      await store.update((draft) => {
        draft.sso.enabled = false
        if (draft.sso.active && !draft.sso.pending) draft.sso.pending = draft.sso.active
        draft.sso.active = null
        return ok(true)
      })
      return ssoStatusOf(store.read())
    },

    updateSettings(changes: Partial<SsoSettings>): Promise<Result<SsoSettings, SpError>> {
      return store.update((draft) => {
        const next = { ...draft.sso.settings, ...changes }
        if (next.entityId !== null && !/^\S{1,1024}$/.test(next.entityId))
          return fail('SETTINGS_INVALID', { setting: 'entityId' })
        if (
          !Number.isInteger(next.clockSkewSeconds) ||
          next.clockSkewSeconds < 0 ||
          next.clockSkewSeconds > 600
        )
          return fail('SETTINGS_INVALID', { setting: 'clockSkewSeconds' })
        draft.sso.settings = next
        return ok(next)
      })
    },

    /** `pnpm rehearse --from-scratch`: no SSO configuration and no users; org id, certificates and tokens kept. */
    async reset(): Promise<{ reset: true }> {
      await store.update((draft) => {
        draft.sso = structuredClone(INITIAL_SSO_STATE)
        draft.directory = structuredClone(EMPTY_DIRECTORY)
        return ok(true)
      })
      memory.clear()
      return { reset: true }
    },
  }
}
