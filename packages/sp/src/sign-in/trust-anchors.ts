import { createHash } from 'node:crypto'
import { certificateToDer, type Runtime } from '@sandbox/shared'
import type { SpSnapshot } from '../state/sp-state'

/** The trust store as DER, with a key that changes whenever a root or an intermediate changes. */
export interface TrustAnchors {
  /** Roots: where every accepted path ends. */
  readonly anchors: readonly Buffer[]
  /** Intermediate CAs the SP knows: a path may pass through them, never end there. */
  readonly intermediates: readonly Buffer[]
  readonly key: string
}

// State snapshots are immutable, so the sso object itself is the cache key (per runtime, as
// each runtime has its own sandbox CA): no certificate decoding per sign-in.
const cache = new WeakMap<Runtime, WeakMap<object, TrustAnchors>>()

function toDer(pems: readonly string[]): Buffer[] {
  return pems.map((pem) => certificateToDer(pem)).filter((der): der is Buffer => der !== null)
}

/**
 * The org's trust store: the sandbox root CA plus the roots an admin added, and the sandbox
 * issuing CA plus the intermediates an admin added. The issuing CA is known the way an OS
 * trust store knows intermediate CAs, so a CA-issued IdP certificate listed alone in the
 * metadata (as Entra lists each certificate) still chains to the root.
 */
export function trustAnchorsOf(runtime: Runtime, state: SpSnapshot): TrustAnchors {
  let bySso = cache.get(runtime)
  if (!bySso) {
    bySso = new WeakMap()
    cache.set(runtime, bySso)
  }
  const { trustedRoots, intermediateCas } = state.sso
  const known = bySso.get(state.sso)
  if (known) return known
  const anchors = toDer([runtime.ca.root.certificatePem, ...trustedRoots])
  const intermediates = toDer([runtime.ca.intermediate.certificatePem, ...intermediateCas])
  const hash = createHash('sha256')
  for (const der of anchors) hash.update(der)
  hash.update('|intermediates|')
  for (const der of intermediates) hash.update(der)
  const entry = { anchors, intermediates, key: hash.digest('base64') }
  bySso.set(state.sso, entry)
  return entry
}
