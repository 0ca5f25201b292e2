import { createHash } from 'node:crypto'

/**
 * A short, one-way name for a bearer token: `sha256:` and the first 16 hex digits of its
 * SHA-256. Two servers can tell whether they hold the same token by comparing fingerprints,
 * and a fingerprint shown in a state reading or a log gives nobody the token.
 */
export function tokenFingerprint(token: string): string {
  return fingerprintOfDigest(createHash('sha256').update(token, 'utf8').digest('hex'))
}

/** The fingerprint of a token from its stored SHA-256 (hex), for stores that keep only the digest. */
export function fingerprintOfDigest(sha256Hex: string): string {
  return `sha256:${sha256Hex.slice(0, 16).toLowerCase()}`
}
