import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto'

/** RSA modulus sizes the sandbox issues; 2048 is Entra's and the default. */
export type RsaKeySize = 2048 | 3072 | 4096

/** A key pair as stored (PKCS#8 PEM) and as used (a parsed `KeyObject`, parsed once). */
export interface RsaKeyPair {
  readonly privateKeyPem: string
  readonly privateKey: KeyObject
  readonly publicKey: KeyObject
}

/**
 * Generates an RSA key natively on libuv's thread pool: a 2048-bit key takes ~0.2 s, so
 * several can be made concurrently while modules load (forge's pure-JS path takes seconds).
 */
export function generateRsaKeyPair(bits: RsaKeySize = 2048): Promise<RsaKeyPair> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      { modulusLength: bits, publicExponent: 0x10001 },
      (error, publicKey, privateKey) => {
        if (error) {
          reject(error)
          return
        }
        resolve({
          privateKey,
          publicKey,
          privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        })
      },
    )
  })
}

/** Rebuilds a key pair from its stored PEM. */
export function keyPairFromPem(privateKeyPem: string): RsaKeyPair {
  const privateKey = createPrivateKey(privateKeyPem)
  return { privateKeyPem, privateKey, publicKey: createPublicKey(privateKey) }
}

/**
 * Keeps spare keys generated in the background, so that creating a signing certificate on
 * a request (selecting SAML on an app, "New Certificate") never waits for key generation.
 */
export interface KeyPool {
  /** A ready key if one is spare, otherwise a freshly generated one; refills in the background. */
  take(bits?: RsaKeySize): Promise<RsaKeyPair>
  /**
   * Starts generating `count` keys now (on the thread pool) so that the next `take()` calls
   * find them ready: cold start asks for the SP's keys while the CA is still being made.
   */
  warm(count?: number): void
}

/**
 * Creates a pool that refills to `spare` 2048-bit keys after each take (other sizes are
 * generated on demand). It starts empty: a warm start generates no key at all.
 */
export function createKeyPool(spare = 1, generate: typeof generateRsaKeyPair = generateRsaKeyPair): KeyPool {
  const ready: Promise<RsaKeyPair>[] = []
  const refill = (target = spare): void => {
    while (ready.length < target) {
      const pending = generate(2048)
      // A failed background generation must not surface as an unhandled rejection; take() retries.
      pending.catch(() => undefined)
      ready.push(pending)
    }
  }
  return {
    take: async (bits = 2048) => {
      if (bits !== 2048) return generate(bits)
      const next = ready.shift()
      refill()
      if (next) {
        try {
          return await next
        } catch {
          return generate(2048)
        }
      }
      return generate(2048)
    },
    warm: (count = spare) => refill(count),
  }
}
