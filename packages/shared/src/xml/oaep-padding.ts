import { constants, createHash, type KeyObject, publicEncrypt } from 'node:crypto'

/** SHA-1's output length: the hash of RSA-OAEP with MGF1-SHA1 (`rsa-oaep-mgf1p`). */
const SHA1_BYTES = 20

function sha1(...parts: Buffer[]): Buffer {
  const hash = createHash('sha1')
  for (const part of parts) hash.update(part)
  return hash.digest()
}

/** MGF1 with SHA-1 (RFC 8017 §B.2.1): `length` bytes from `seed`. */
function mgf1(seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = []
  for (let counter = 0; blocks.length * SHA1_BYTES < length; counter += 1) {
    const c = Buffer.alloc(4)
    c.writeUInt32BE(counter)
    blocks.push(sha1(seed, c))
  }
  return Buffer.concat(blocks).subarray(0, length)
}

function xor(a: Buffer, b: Buffer): Buffer {
  return Buffer.from(a.map((byte, i) => byte ^ (b[i] ?? 0)))
}

/**
 * RSA-OAEP encryption (SHA-1, MGF1-SHA1, empty label; RFC 8017 §7.1.1) with the caller's OAEP
 * seed instead of OpenSSL's random one. The result decrypts with any OAEP implementation; it
 * exists so that the deterministic mode's encrypted assertions repeat byte for byte. With a
 * random `seed` it is as strong as the library's padding; with a predictable one it leaks
 * nothing about the key but makes equal plaintexts recognisable, which is the point in tests.
 */
export function oaepEncryptWithSeed(recipientKey: KeyObject, message: Buffer, seed: Buffer): Buffer {
  const modulusBits = recipientKey.asymmetricKeyDetails?.modulusLength
  if (!modulusBits) throw new Error('RSA-OAEP needs an RSA public key')
  const k = Math.ceil(modulusBits / 8)
  if (message.length > k - 2 * SHA1_BYTES - 2) throw new Error('RSA-OAEP message too long for the key')
  if (seed.length !== SHA1_BYTES) throw new Error(`RSA-OAEP seed must be ${SHA1_BYTES} bytes`)
  const padding = Buffer.alloc(k - message.length - 2 * SHA1_BYTES - 2)
  const dataBlock = Buffer.concat([sha1(Buffer.alloc(0)), padding, Buffer.from([1]), message])
  const maskedDataBlock = xor(dataBlock, mgf1(seed, dataBlock.length))
  const maskedSeed = xor(seed, mgf1(maskedDataBlock, SHA1_BYTES))
  const encoded = Buffer.concat([Buffer.from([0]), maskedSeed, maskedDataBlock])
  return publicEncrypt({ key: recipientKey, padding: constants.RSA_NO_PADDING }, encoded)
}

/** How many seed bytes {@link oaepEncryptWithSeed} takes. */
export const OAEP_SEED_BYTES = SHA1_BYTES
