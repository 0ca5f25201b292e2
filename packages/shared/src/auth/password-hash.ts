// auth/: secrets: how passwords are hashed and how any secret is compared (secret-match.ts).
import { createHmac, randomBytes, scrypt } from 'node:crypto'
import { BoundedMap } from '../collections/bounded-map'
import { secretMatches } from './secret-match'

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (base64url parts). N=1024 is deliberately
 * modest: the hash keeps sandbox passwords out of plain sight in the state file, while CI
 * suites can still sign in thousands of times a minute. Never reuse a real password here.
 */
const COST = { N: 1024, r: 8, p: 1 } as const
const KEY_LENGTH = 32

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...params, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

/** Hashes a password for storage (runs on the thread pool, not the event loop). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/**
 * Pairs (stored hash, password) that verified recently, as HMACs under a key that lives only in
 * this process. scrypt costs ~1.3 ms of CPU per check, the largest single cost of a sign-in
 * (profiled under sign-in load), and CI suites sign the same test users in thousands of times. Only
 * successes are remembered, so a wrong password always pays the full scrypt cost; a changed
 * password has a new salt and hash, so its old entry can never match again.
 */
const verifiedPairs = new BoundedMap<string, true>(1024)
const verifiedPairsKey = randomBytes(32)

function pairTag(password: string, stored: string): string {
  return createHmac('sha256', verifiedPairsKey)
    .update(stored)
    .update('\0')
    .update(password.normalize('NFC'))
    .digest('base64')
}

/** Checks a password against a stored hash in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const params = { N: Number(n), r: Number(r), p: Number(p) }
  if (![params.N, params.r, params.p].every((v) => Number.isSafeInteger(v) && v > 0) || params.N > 1 << 16)
    return false
  const tag = pairTag(password, stored)
  if (verifiedPairs.get(tag)) return true
  const expected = Buffer.from(hash, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params)
  const matches = secretMatches(actual, expected)
  if (matches) verifiedPairs.set(tag, true)
  return matches
}

/**
 * A password people can read aloud in a training room, as Entra's "Show password" does:
 * strong enough for a sandbox (about 50 bits).
 */
export function generatePassword(): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
  const lower = 'abcdefghijkmnopqrstuvwxyz'
  const digits = '23456789'
  const bytes = randomBytes(12)
  const pick = (alphabet: string, i: number): string => alphabet[(bytes[i] ?? 0) % alphabet.length] ?? 'x'
  return (
    pick(upper, 0) +
    [1, 2, 3, 4, 5].map((i) => pick(lower, i)).join('') +
    [6, 7, 8, 9].map((i) => pick(digits, i)).join('') +
    pick(upper, 10) +
    pick(lower, 11)
  )
}
