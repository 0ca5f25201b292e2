import { type DocumentStore, ok, type Result, type Runtime } from '@sandbox/shared'
import type { MemoryStores } from '../sign-in/memory-stores'
import { trustAnchorsOf } from '../sign-in/trust-anchors'
import type { SpSnapshot, SpState } from '../state/sp-state'
import { EMPTY_DIRECTORY } from '../users/user-schema'
import { describeCertificates, importIdpMetadata } from './idp-import'
import { spEntityOf } from './sp-entity'
import { type SsoError, ssoError } from './sso-error'
import { INITIAL_SSO_STATE, type SsoSettings, type TrustMode } from './sso-schema'
import { createTrustStoreService } from './trust-store-service'

/**
 * Control Hub's "Integrate a 3rd-party identity provider" wizard: download the SP metadata,
 * import the IdP metadata with a trust mode, test, enable; plus the org's SSO settings and
 * trust store (trust-store-service.ts). Every change validates first and stores once.
 */
export function createSsoService(deps: {
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

    organization() {
      const state = store.read()
      const entity = spEntityOf(state, deps.url)
      return { name: state.organization.name, ...entity }
    },

    /** Organization Settings: the org's display name (shown on every Webex page). */
    async renameOrganization(name: string): Promise<Result<ReturnType<typeof this.organization>, SsoError>> {
      const trimmed = name.trim()
      if (trimmed.length === 0 || trimmed.length > 80 || [...trimmed].some((ch) => ch.charCodeAt(0) < 0x20))
        return ssoError(
          'SETTINGS_INVALID',
          'The organization name must be 1 to 80 characters, without control characters.',
          'Send e.g. {"name": "Contoso"}.',
        )
      await store.update((draft) => {
        draft.organization.name = trimmed
        return ok(true)
      })
      return ok(this.organization())
    },

    status() {
      const state = store.read()
      const describe = (config: NonNullable<typeof state.sso.pending>) => ({
        idpEntityId: config.entityId,
        trustMode: config.trustMode,
        importedAt: config.importedAt,
        ssoUrl: config.ssoRedirectUrl ?? config.ssoPostUrl,
        sloUrl: config.sloUrl,
        signingCertificates: describeCertificates(config),
      })
      return {
        enabled: state.sso.enabled,
        pending: state.sso.pending ? describe(state.sso.pending) : null,
        active: state.sso.active ? describe(state.sso.active) : null,
        lastTest: state.sso.lastTest,
        settings: state.sso.settings,
      }
    },

    async importIdpMetadata(
      xml: string,
      trustMode: TrustMode,
    ): Promise<Result<ReturnType<typeof this.status>, SsoError>> {
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
      return ok(this.status())
    },

    /** A one-time link that runs Test SSO Connection in whichever browser opens it. */
    startTest(): Result<{ url: string }, SsoError> {
      if (!store.read().sso.pending)
        return ssoError(
          'SSO_NO_IDP_METADATA',
          'There is no IdP metadata to test.',
          'Import the IdP metadata first (POST /api/v1/sso/idp-metadata).',
        )
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
    enable(): Promise<Result<ReturnType<typeof this.status>, SsoError>> {
      return store
        .update((draft) => {
          const pending = draft.sso.pending
          if (!pending)
            return draft.sso.active
              ? ok(true)
              : ssoError(
                  'SSO_NO_IDP_METADATA',
                  'There is no IdP configuration to enable.',
                  'Import the IdP metadata, run Test SSO Connection, then enable.',
                )
          const test = draft.sso.lastTest
          if (!test || test.idpConfigId !== pending.id || test.status !== 'passed')
            return ssoError(
              'SSO_TEST_REQUIRED',
              test && test.idpConfigId === pending.id
                ? `The last Test SSO Connection failed (${test.code}): single sign-on cannot be enabled.`
                : 'Single sign-on can be enabled only after a successful Test SSO Connection of this IdP metadata.',
              'Control Hub > Authentication > Modify: run Test SSO Connection, sign in, then tick "This test was successful. Enable Single Sign-On".',
              409,
            )
          draft.sso.active = pending
          draft.sso.pending = null
          draft.sso.enabled = true
          return ok(true)
        })
        .then((r) => (r.ok ? ok(this.status()) : r))
    },

    async disable() {
      await store.update((draft) => {
        draft.sso.enabled = false
        if (draft.sso.active && !draft.sso.pending) draft.sso.pending = draft.sso.active
        draft.sso.active = null
        return ok(true)
      })
      return this.status()
    },

    updateSettings(changes: Partial<SsoSettings>): Promise<Result<SsoSettings, SsoError>> {
      return store.update((draft) => {
        const next = { ...draft.sso.settings, ...changes }
        if (next.entityId !== null && !/^\S{1,1024}$/.test(next.entityId))
          return ssoError(
            'SETTINGS_INVALID',
            'entityId must be a URI without spaces.',
            'Use e.g. https://idbroker.webex.com/{orgId}.',
          )
        if (
          !Number.isInteger(next.clockSkewSeconds) ||
          next.clockSkewSeconds < 0 ||
          next.clockSkewSeconds > 600
        )
          return ssoError(
            'SETTINGS_INVALID',
            'clockSkewSeconds must be a whole number from 0 to 600.',
            'Webex allows a few minutes; 180 is the default.',
          )
        draft.sso.settings = next
        return ok(next)
      })
    },

    /** `pnpm rehearse --from-scratch`: no SSO configuration and no users; org id, certificates and tokens kept. */
    async reset() {
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
