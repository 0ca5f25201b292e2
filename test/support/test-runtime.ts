import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type Clock,
  configureSamlify,
  createSandboxCa,
  generateRsaKeyPair,
  type IdGenerator,
  type KeyPool,
  keyPairFromPem,
  type RsaKeyPair,
  type Runtime,
  randomIds,
  systemClock,
} from '@sandbox/shared'

/**
 * RSA key generation costs ~0.2 s a key, which would dominate the suite. Tests share a few
 * keys, generated once and cached under node_modules/.cache (never committed, never used
 * outside tests).
 */
const CACHE_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/.cache/sso-sandbox/test-keys.json',
)
const KEY_COUNT = 8

let cachedKeys: Promise<RsaKeyPair[]> | null = null

/** The cached test keys (generated on the first run). */
export function testKeys(): Promise<RsaKeyPair[]> {
  cachedKeys ??= (async () => {
    if (existsSync(CACHE_FILE)) {
      const pems = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as string[]
      if (Array.isArray(pems) && pems.length === KEY_COUNT) return pems.map(keyPairFromPem)
    }
    const keys = await Promise.all(Array.from({ length: KEY_COUNT }, () => generateRsaKeyPair()))
    mkdirSync(dirname(CACHE_FILE), { recursive: true })
    writeFileSync(CACHE_FILE, JSON.stringify(keys.map((k) => k.privateKeyPem)))
    return keys
  })()
  return cachedKeys
}

/** A key pool that hands out the cached test keys in turn (instantly). */
function testKeyPool(keys: readonly RsaKeyPair[]): KeyPool {
  let next = 2 // keys 0 and 1 are the test CA's
  return {
    take: async () => {
      const key = keys[next % keys.length] as RsaKeyPair
      next = next + 1 >= keys.length ? 2 : next + 1
      return key
    },
    warm: () => undefined,
  }
}

/** A runtime for tests: cached keys, a fresh CA, an injectable clock and ids, silent log. */
export async function createTestRuntime(
  options: { clock?: Clock; ids?: IdGenerator; log?: (line: string) => void } = {},
): Promise<Runtime> {
  const keys = await testKeys()
  const clock = options.clock ?? systemClock
  await configureSamlify()
  return {
    clock,
    ids: options.ids ?? randomIds,
    keys: testKeyPool(keys),
    ca: createSandboxCa(keys[0] as RsaKeyPair, keys[1] as RsaKeyPair, { now: clock.now() }),
    log: options.log ?? (() => undefined),
  }
}
