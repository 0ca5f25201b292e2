import { type IdGenerator, type KeyPool, seededIds } from '@sandbox/shared'
import { createSeededKeyPool } from './key-cache'
import type { ServerSources } from './servers'

/** Everything a seeded sandbox draws ids and keys from. */
export interface SeededSources {
  /** The shared runtime's: the sandbox CA's keys and serials. */
  readonly runtime: ServerSources
  readonly idp: ServerSources
  readonly sp: ServerSources
}

/**
 * Ids, certificate serials and RSA keys derived from `seed`. Each server (and the CA) gets its
 * own id stream and its own key pool, so that what the Entra emulator mints depends only on the
 * requests it has answered, never on how they interleave with the Webex emulator's. RSA keys
 * cannot be derived from a seed quickly, so they come from the key cache under the seed: the
 * first run with a seed generates and stores them, later runs (in any process) read them.
 */
export function seededSources(seed: string, keyCacheDir: string): SeededSources {
  const sources = (role: string): { ids: IdGenerator; keys: KeyPool } => ({
    ids: seededIds(`${seed}/${role}`),
    keys: createSeededKeyPool(keyCacheDir, seed, role),
  })
  return { runtime: sources('ca'), idp: sources('entra'), sp: sources('webex') }
}
