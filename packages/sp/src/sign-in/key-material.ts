import { createPrivateKey, type KeyObject } from 'node:crypto'
import {
  certificateToDer,
  type DeepReadonly,
  type TrustedCertificate,
  trustCertificate,
} from '@sandbox/shared'
import type { IdpTrust } from '../sso-setup/sso-schema'
import type { SpSnapshot } from '../state/sp-state'

/** The SP's own keys, parsed from state. */
export interface SpKeys {
  readonly signing: KeyObject
  readonly decryption: KeyObject
  /** The signing certificate as `<X509Certificate>` content. */
  readonly signingCertificateBase64: string
}

/**
 * Keys and certificates parsed once and shared by sign-in and logout, not per message: parsing
 * a private key or a certificate is costly, and a message needs them all. State snapshots are immutable, so the certificate objects themselves key the
 * SP's keys; an IdP configuration's id changes at every import, so it keys that trust.
 */
export function createKeyMaterial() {
  const spKeysOf = new WeakMap<object, SpKeys>()
  const trustedOf = new Map<string, TrustedCertificate[]>()
  return {
    spKeys(state: SpSnapshot): SpKeys {
      let found = spKeysOf.get(state.signingCertificate)
      if (!found) {
        found = {
          signing: createPrivateKey(state.signingCertificate.privateKeyPem),
          decryption: createPrivateKey(state.encryptionCertificate.privateKeyPem),
          signingCertificateBase64:
            certificateToDer(state.signingCertificate.certificatePem)?.toString('base64') ?? '',
        }
        spKeysOf.set(state.signingCertificate, found)
      }
      return found
    },

    /** The IdP's signing certificates from its imported metadata. */
    trustedCertificates(config: DeepReadonly<IdpTrust>): TrustedCertificate[] {
      let trusted = trustedOf.get(config.id)
      if (!trusted) {
        trusted = config.signingCertificates.map((pem) =>
          trustCertificate(certificateToDer(pem) ?? Buffer.alloc(0)),
        )
        // Only the pending and the active configuration are ever in use.
        if (trustedOf.size > 16) trustedOf.clear()
        trustedOf.set(config.id, trusted)
      }
      return trusted
    },
  }
}

export type KeyMaterial = ReturnType<typeof createKeyMaterial>
