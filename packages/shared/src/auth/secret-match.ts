import { createHash, timingSafeEqual } from 'node:crypto'

function digestOf(secret: string | Uint8Array): Buffer {
  return createHash('sha256').update(secret).digest()
}

/**
 * Whether a presented secret (bearer token, client secret, flow token, MAC, derived key) is the
 * expected one, in time that reveals neither: both sides are hashed with SHA-256 and the two
 * digests compared with `timingSafeEqual`, so neither the content nor the length of the
 * expected secret leaks through how long a refusal takes. Strings are compared as UTF-8.
 * An empty expected secret never matches, not even an empty presented one: a secret that was
 * never set must not let in a request that sends none.
 */
export function secretMatches(presented: string | Uint8Array, expected: string | Uint8Array): boolean {
  const equal = timingSafeEqual(digestOf(presented), digestOf(expected))
  return equal && expected.length > 0
}
