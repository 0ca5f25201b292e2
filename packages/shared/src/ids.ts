import { createHash, randomUUID } from 'node:crypto'
import { nanoid } from 'nanoid'

/**
 * Every identifier the sandbox mints comes from one injected generator, so that the
 * deterministic mode (and tests) can make XML and JSON byte-stable.
 */
export interface IdGenerator {
  /** A random GUID in Entra's lowercase 8-4-4-4-12 form (tenant ids, object ids, request ids). */
  guid(): string
  /**
   * A SAML ID: `_` followed by a version-4 GUID, as Entra emits (`_8c68ecbc-f68b-4a2e-9d3c-…`):
   * 122 random bits. SAML Core asks that two random IDs collide with probability at most
   * 2^-128, which a v4 GUID misses by six bits; the sandbox follows Entra's real form, since
   * that is what relying parties see and what validators of Entra's IDs expect.
   */
  samlId(): string
  /** A URL-safe opaque token with at least `bytes` bytes of entropy (cookies, CSRF, bearer tokens). */
  token(bytes?: number): string
  /**
   * A certificate serial number (32 hex digits, positive). Optional: without it certificates
   * get random serials; the seeded generator has one so that certificates repeat too.
   */
  serialHex?(): string
  /**
   * `size` bytes for encryption (content keys, IVs, OAEP seeds). Optional: without it they come
   * from OpenSSL's random generator; the seeded generator has one so that encrypted assertions repeat.
   */
  bytes?(size: number): Buffer
}

function guidFrom(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/** Sets the version (4) and variant (10xx) bits of RFC 9562 in 16 bytes, in place. */
function asVersion4(bytes: Buffer): Buffer {
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  return bytes
}

/** Cryptographically random ids (the default). */
export const randomIds: IdGenerator = {
  guid: () => randomUUID(),
  samlId: () => `_${randomUUID()}`,
  // nanoid's alphabet carries 6 bits a character.
  token: (bytes = 32) => nanoid(Math.ceil((bytes * 8) / 6)),
}

/**
 * Ids derived from a seed and a counter: the same seed gives the same sequence, so two runs
 * of the same scenario produce the same XML. Never use this outside tests and the
 * deterministic mode: the ids are predictable by design.
 */
export function seededIds(seed: string): IdGenerator {
  let counter = 0
  const next = (): Buffer => {
    counter += 1
    return createHash('sha256').update(`${seed}:${counter}`).digest()
  }
  return {
    // Shaped as v4 GUIDs, like the random ones, so validators checking the version nibble accept them.
    guid: () => guidFrom(asVersion4(next().subarray(0, 16))),
    samlId: () => `_${guidFrom(asVersion4(next().subarray(0, 16)))}`,
    token: (bytes = 32) => next().subarray(0, Math.min(bytes, 32)).toString('base64url'),
    bytes: (size) => {
      const blocks: Buffer[] = []
      for (let have = 0; have < size; have += 32) blocks.push(next())
      return Buffer.concat(blocks).subarray(0, size)
    },
    serialHex: () => {
      // A positive DER INTEGER of 16 bytes whose first byte is 0x01-0x7f, as the random serials.
      const bytes = next().subarray(0, 16)
      bytes[0] = ((bytes[0] ?? 0) % 0x7f) + 1
      return bytes.toString('hex')
    },
  }
}
