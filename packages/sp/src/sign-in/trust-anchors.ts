import { createHash } from 'node:crypto'
import { certificateToDer, type Runtime } from '@sandbox/shared'
import type { SpSnapshot } from '../state/sp-state'

/** The trust store as DER, with a key that changes whenever a root is added or removed. */
export interface TrustAnchors {
  readonly anchors: readonly Buffer[]
  readonly key: string
}

// State snapshots are immutable, so the roots array itself is the cache key (per runtime, as
// each runtime has its own sandbox CA): no certificate decoding per sign-in.
const cache = new WeakMap<Runtime, WeakMap<object, TrustAnchors>>()

/** The org's trust store: the sandbox root CA, always, plus the roots an admin added. */
export function trustAnchorsOf(runtime: Runtime, state: SpSnapshot): TrustAnchors {
  let byRoots = cache.get(runtime)
  if (!byRoots) {
    byRoots = new WeakMap()
    cache.set(runtime, byRoots)
  }
  const roots = state.sso.trustedRoots
  const known = byRoots.get(roots)
  if (known) return known
  const anchors = [runtime.ca.root.certificatePem, ...roots]
    .map((pem) => certificateToDer(pem))
    .filter((der): der is Buffer => der !== null)
  const hash = createHash('sha256')
  for (const der of anchors) hash.update(der)
  const entry = { anchors, key: hash.digest('base64') }
  byRoots.set(roots, entry)
  return entry
}
