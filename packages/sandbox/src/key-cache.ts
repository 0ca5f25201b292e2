import { createHash } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import {
  createKeyPool,
  generateRsaKeyPair,
  type KeyPool,
  keyPairFromPem,
  type RsaKeyPair,
  type RsaKeySize,
} from '@sandbox/shared'

/**
 * Where generated RSA keys are kept between runs: `SSO_SANDBOX_KEY_CACHE`, else
 * `$XDG_CACHE_HOME/sso-rehearsal-sandbox/keys`, else `~/.cache/sso-rehearsal-sandbox/keys`.
 * A fresh sandbox needs about six 2048-bit keys (CA root and issuing CA, the tenant's
 * signing key, the Webex org's signing and encryption keys, a spare); generating them takes
 * about a second, reading them a few milliseconds.
 */
export function defaultKeyCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.SSO_SANDBOX_KEY_CACHE) return env.SSO_SANDBOX_KEY_CACHE
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache')
  return join(base, 'sso-rehearsal-sandbox', 'keys')
}

/** Per cache directory, the keys held by sandboxes running in this process, so that no two share one. */
const inUse = new Map<string, Set<number>>()

function claimIndex(dir: string): number {
  const held = inUse.get(dir) ?? new Set<number>()
  inUse.set(dir, held)
  let index = 0
  while (held.has(index)) index += 1
  held.add(index)
  return index
}

/** Keys kept at most: enough for a few sandboxes in one process; later ones are generated. */
const MAX_CACHED_KEYS = 24

const keyFileName = (index: number): string => `key-${String(index).padStart(3, '0')}.pem`

function readCachedKey(dir: string, name: string): RsaKeyPair | null {
  try {
    return keyPairFromPem(readFileSync(join(dir, name), 'utf8'))
  } catch {
    // A damaged cache file is skipped, never fatal: the key is generated instead.
    return null
  }
}

function storeKey(dir: string, index: number, key: RsaKeyPair): void {
  if (index >= MAX_CACHED_KEYS) return
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const name = keyFileName(index)
    // Written beside and renamed, so a concurrent reader never sees half a key.
    const temporary = join(dir, `.${name}.${process.pid}.tmp`)
    writeFileSync(temporary, key.privateKeyPem, { mode: 0o600 })
    renameSync(temporary, join(dir, name))
  } catch {
    // The cache only speeds start-up; a read-only home must not stop a sandbox.
  }
}

/** A key pool backed by the cache, and the way to give its keys back when its sandbox closes. */
export interface CachedKeyPool {
  readonly pool: KeyPool
  /**
   * Frees this pool's cached keys for the next sandbox of this process, once any key still
   * being generated in the background (the pool's spare) is stored: a closed sandbox leaves
   * the cache settled, never a file that appears later.
   */
  release(): Promise<void>
}

/**
 * A key pool that hands out the cache's keys first (each held by one running sandbox of this
 * process at a time) and stores the keys it has to generate, so that the next start generates none.
 * The keys are test keys: anyone who can read the cache directory can forge the sandbox's
 * signatures, which is fine for a rehearsal sandbox and is why nothing real should trust it.
 */
export function createCachedKeyPool(dir: string): CachedKeyPool {
  const held: number[] = []
  const generating = new Set<Promise<RsaKeyPair>>()
  const cachedOrGenerated = async (index: number): Promise<RsaKeyPair> => {
    const cached = readCachedKey(dir, keyFileName(index))
    if (cached) return cached
    const fresh = await generateRsaKeyPair(2048)
    storeKey(dir, index, fresh)
    return fresh
  }
  const generate = (bits: RsaKeySize = 2048): Promise<RsaKeyPair> => {
    if (bits !== 2048) return generateRsaKeyPair(bits)
    const index = claimIndex(dir)
    held.push(index)
    const pending = cachedOrGenerated(index)
    generating.add(pending)
    const forget = () => generating.delete(pending)
    pending.then(forget, forget)
    return pending
  }
  return {
    pool: createKeyPool(1, generate),
    release: async () => {
      await Promise.allSettled([...generating])
      const claimed = inUse.get(dir)
      for (const index of held.splice(0)) claimed?.delete(index)
    },
  }
}

/**
 * Publishes `key` as `name` unless another process published one first; returns the key that
 * is now stored (ours or the earlier one), so that concurrent first runs agree on one key.
 */
function publishOnce(dir: string, name: string, key: RsaKeyPair): RsaKeyPair {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const temporary = join(dir, `.${name}.${process.pid}.tmp`)
    writeFileSync(temporary, key.privateKeyPem, { mode: 0o600 })
    try {
      // link() fails when the name exists, which rename() would silently replace.
      linkSync(temporary, join(dir, name))
    } finally {
      rmSync(temporary, { force: true })
    }
    return key
  } catch {
    // Either another process won (use its key) or the cache is not writable (use ours).
    return readCachedKey(dir, name) ?? key
  }
}

/**
 * A key pool for the deterministic mode: its n-th 2048-bit key is the n-th key stored under
 * `seed` and `role`, the same in every process and every run. The first run with a seed
 * generates the keys and stores them; later runs read them, so the same seed always signs
 * with the same keys. Keys are not leased: sandboxes with the same seed are meant to be alike.
 * Concurrent first runs agree too: the first key published under a name is the one every run uses.
 */
export function createSeededKeyPool(dir: string, seed: string, role: string): KeyPool {
  const seedDir = join(dir, 'seeded', createHash('sha256').update(seed).digest('hex').slice(0, 32), role)
  let count = 0
  const generate = async (bits: RsaKeySize = 2048): Promise<RsaKeyPair> => {
    if (bits !== 2048) return generateRsaKeyPair(bits)
    const name = keyFileName(count)
    count += 1
    return readCachedKey(seedDir, name) ?? publishOnce(seedDir, name, await generateRsaKeyPair(bits))
  }
  // No spare keys: each one is read (or, on the first run, generated) when a server takes it,
  // so a first run makes only the keys the seed's sandbox uses.
  return createKeyPool(0, generate)
}
