import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { nanoid } from 'nanoid'

/**
 * Every identifier the sandbox mints comes from one injected generator, so that the
 * deterministic mode (and tests) can make XML and JSON byte-stable.
 */
export interface IdGenerator {
  /** A random GUID in Entra's lowercase 8-4-4-4-12 form (tenant ids, object ids, request ids). */
  guid(): string
  /**
   * A SAML ID: `_` followed by a GUID-shaped value, as Entra emits (`_8c68ecbc-f68b-…`).
   * It carries 128 random bits: a v4 UUID's 122 would fall short of SAML Core §1.3.4's
   * 2^-128 collision bound.
   */
  samlId(): string
  /** A URL-safe opaque token with at least `bytes` bytes of entropy (cookies, CSRF, bearer tokens). */
  token(bytes?: number): string
}

function guidFrom(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/** Cryptographically random ids (the default). */
export const randomIds: IdGenerator = {
  guid: () => randomUUID(),
  samlId: () => `_${guidFrom(randomBytes(16))}`,
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
    guid: () => {
      const b = next().subarray(0, 16)
      // Shape it as a v4 GUID so that validators checking the version nibble accept it.
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
      return guidFrom(b)
    },
    samlId: () => `_${guidFrom(next().subarray(0, 16))}`,
    token: (bytes = 32) => next().subarray(0, Math.min(bytes, 32)).toString('base64url'),
  }
}
