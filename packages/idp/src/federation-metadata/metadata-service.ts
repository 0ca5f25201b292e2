// federation-metadata/: Entra's federation metadata documents (tenant and per app) and which certificate signs for an app.
import { type DeepReadonly, type DocumentStore, err, ok, type Result, type Runtime } from '@sandbox/shared'
import { effectiveSigningCertificate } from '../certificates/certificate-status'
import type { SigningKeyCache } from '../certificates/signing-keys'
import { appByAppId } from '../enterprise-apps/lookup'
import type { AadstsError } from '../errors/catalogue'
import type { DeepState } from '../state/deep-state'
import type { IdpState, SigningCertificate } from '../state/idp-state'
import { isThisTenant } from '../state/tenant-path'
import { buildFederationMetadata } from './build-metadata'

const UTF8_BOM = '\uFEFF'
const MAX_CACHED = 256

/** Why a metadata document could not be served: no such tenant, or no app with that app id. */
export type MetadataError = AadstsError<'AADSTS90002' | 'AADSTS700016'>

/** The certificate that signs for an app: its own usable one, else the tenant key (as Entra does). */
export function signingCertificateFor(
  state: DeepState,
  app: DeepState['apps'][number],
  now: number,
): DeepReadonly<SigningCertificate> {
  return effectiveSigningCertificate(app, now) ?? state.tenantSigningCertificate
}

/**
 * Federation metadata at Entra's two URLs: the tenant document (tenant key) and the app
 * document (`?appid=`, the app's active certificate, UTF-8 BOM first like the real one). Each is
 * generated once per signing certificate and base URL, not per request.
 */
export function createMetadataService(deps: {
  store: DocumentStore<IdpState>
  runtime: Runtime
  url: string
  keys: SigningKeyCache
}) {
  const cache = new Map<string, string>()

  function cached(key: string, build: () => string): string {
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const xml = build()
    if (cache.size >= MAX_CACHED) cache.clear()
    cache.set(key, xml)
    return xml
  }

  function document(tenantId: string, certificate: DeepReadonly<SigningCertificate>): string {
    return buildFederationMetadata({
      tenantId,
      baseUrl: deps.url,
      id: deps.runtime.ids.samlId(),
      keys: [deps.keys.load(certificate)],
    })
  }

  function appDocument(
    tenantId: string,
    app: DeepState['apps'][number],
    certificate: DeepReadonly<SigningCertificate>,
  ): string {
    return cached(
      `app|${app.application.appId}|${certificate.thumbprint}`,
      () => `${UTF8_BOM}${document(tenantId, certificate)}`,
    )
  }

  return {
    /** `/{tenant}/FederationMetadata/2007-06/FederationMetadata.xml`. */
    tenantMetadata(tenant?: string): Result<string, MetadataError> {
      const state = deps.store.read()
      if (tenant !== undefined && !isThisTenant(state, tenant)) return err({ code: 'AADSTS90002', tenant })
      const certificate = state.tenantSigningCertificate
      return ok(cached(`tenant|${certificate.thumbprint}`, () => document(state.tenant.id, certificate)))
    },

    /** `/{tenant}/federationmetadata/2007-06/federationmetadata.xml?appid={appId}`. */
    appMetadata(appId: string, tenant?: string): Result<string, MetadataError> {
      const state = deps.store.read()
      if (tenant !== undefined && !isThisTenant(state, tenant)) return err({ code: 'AADSTS90002', tenant })
      const app = appByAppId(state, appId)
      if (!app) {
        const tenantName = state.tenant.displayName
        return err({ code: 'AADSTS700016', identifier: appId, tenantName, lookup: { by: 'id' } })
      }
      return ok(
        appDocument(state.tenant.id, app, signingCertificateFor(state, app, deps.runtime.clock.now())),
      )
    },

    /**
     * The app document as it reads with one of the app's certificates in it, active or not (a
     * certificate row's "Download federated certificate XML"); null for an unknown app or thumbprint.
     */
    certificateMetadata(appId: string, thumbprint: string): string | null {
      const state = deps.store.read()
      const app = appByAppId(state, appId)
      const certificate = app?.saml.certificates.find((c) => c.thumbprint === thumbprint)
      return app && certificate ? appDocument(state.tenant.id, app, certificate) : null
    },
  }
}
