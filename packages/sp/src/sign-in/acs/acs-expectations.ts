import { certificateToDer, type DeepReadonly, type Runtime } from '@sandbox/shared'
import { createTrustCache } from '../../sso-setup/idp-trust'
import { spEntityOf } from '../../sso-setup/sp-entity'
import type { IdpTrust } from '../../sso-setup/sso-schema'
import type { SpSnapshot } from '../../state/sp-state'
import type { KeyMaterial } from '../key-material'
import type { MemoryStores, PendingRequest } from '../memory-stores'
import { trustAnchorsOf } from '../trust-anchors'
import type { AcsExpectations } from './acs-facts'

/** Builds what the ACS's checks compare a Response against, from state parsed once. */
export function createAcsExpectations(deps: {
  runtime: Runtime
  url: string
  keys: KeyMaterial
  memory: MemoryStores
}) {
  const { runtime, keys, memory } = deps
  const judge = createTrustCache()
  return (options: {
    state: SpSnapshot
    trust: DeepReadonly<IdpTrust>
    pending: PendingRequest | undefined
    purpose: 'sign-in' | 'test'
    browserId: string | null
  }): AcsExpectations => {
    const { state, trust } = options
    const entity = spEntityOf(state, deps.url)
    const now = runtime.clock.now()
    const anchors = trustAnchorsOf(runtime, state)
    const { settings } = state.sso
    return {
      spEntityId: entity.entityId,
      acsUrl: entity.acsUrl,
      idpEntityId: trust.entityId,
      trusted: keys.trustedCertificates(trust),
      judgeCertificate: (pem) =>
        judge(pem, {
          mode: trust.trustMode,
          anchors: anchors.anchors,
          intermediates: anchors.intermediates,
          anchorsKey: `${anchors.key}|${trust.id}`,
          chain: trust.chainCertificates.map((c) => certificateToDer(c) ?? Buffer.alloc(0)),
          at: now,
        }),
      decryptionKey: keys.spKeys(state).decryption,
      now,
      skewMs: settings.clockSkewSeconds * 1000,
      allowSha1: settings.allowSha1,
      requireAssertionSignature: settings.requireAssertionSignature,
      request: {
        pending: options.pending,
        browserId: options.browserId,
        idpTrustId: trust.id,
        unsolicitedAllowed: options.purpose === 'sign-in' && settings.allowIdpInitiated,
      },
      seenBefore: (id) => memory.seenBefore(id),
    }
  }
}
