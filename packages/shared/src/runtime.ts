import { existsSync } from 'node:fs'
import { type Clock, systemClock } from './clock'
import { type IdGenerator, randomIds } from './ids'
import { openSandboxCa } from './pki/ca-store'
import type { SandboxCa } from './pki/certificate-authority'
import { createKeyPool, type KeyPool } from './pki/keys'
import { checkSamlifyInstalled } from './saml/samlify'
import type { Scheduler } from './scheduler'
import { StartupError } from './startup-error'
import { isFirstStart, type StateLocation, statePaths } from './store/state-paths'
import { type ClassroomSlot, createClassroomSlot } from './training/classroom-actions'
import type { TrainingStateSlot } from './training/training-state-link'

/** One line of operational output; servers never write to stdout directly. */
export type Log = (line: string) => void

/**
 * What both servers share at run time: the clock, id generation, spare keys and the sandbox
 * CA. `startSandbox()` builds one and hands it to both servers; each server started on its
 * own builds its own from the same data directory.
 */
export interface Runtime {
  readonly clock: Clock
  readonly ids: IdGenerator
  readonly keys: KeyPool
  readonly ca: SandboxCa
  readonly log: Log
  /** How background work waits (default: real timers); tests pass a manual one. */
  readonly scheduler?: Scheduler
  /** Where the sandbox connects the classroom actions (reset, exercises) once both servers listen. */
  readonly classroom?: ClassroomSlot
  /** Filled by whoever starts both servers: how a console reads the other server's tutorial state. */
  readonly training?: TrainingStateSlot
}

/** Inputs to {@link createRuntime}; everything but the location has a default. */
export interface RuntimeOptions extends StateLocation {
  readonly clock?: Clock
  readonly ids?: IdGenerator
  readonly log?: Log
  readonly keys?: KeyPool
  readonly scheduler?: Scheduler
  /**
   * Keys the caller will need at once. They are generated together with the CA's, before the
   * CA file is read.
   */
  readonly prefetchKeys?: number
  /**
   * Keys each server's first start needs (the IdP's tenant key, the SP's signing and
   * encryption keys), prefetched only for a server whose state this start will create.
   */
  readonly firstStartKeys?: { readonly idp?: number; readonly sp?: number }
}

/**
 * Loads (or creates) the sandbox CA and prepares the shared runtime. Key generation for the
 * servers' first start begins before the CA is read, so on a cold start all keys are made
 * concurrently on the thread pool.
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const clock = options.clock ?? systemClock
  const keys = options.keys ?? createKeyPool(1)
  const caPath = options.dataDir === null ? null : statePaths(options.dataDir).ca
  const caMissing = caPath === null || options.reset || !existsSync(caPath)
  const firstStart = options.firstStartKeys ?? {}
  const wanted =
    (caMissing ? 2 : 0) +
    (options.prefetchKeys ?? 0) +
    (isFirstStart(options, 'idp') ? (firstStart.idp ?? 0) : 0) +
    (isFirstStart(options, 'sp') ? (firstStart.sp ?? 0) : 0)
  if (wanted > 0) keys.warm(wanted)
  checkSamlifyInstalled()
  const ca = await openSandboxCa({
    path: caPath,
    now: clock.now(),
    generateKey: () => keys.take(),
    reset: options.reset,
    serialHex: options.ids?.serialHex?.bind(options.ids),
  })
  if (!ca.ok) throw new StartupError(ca.error.message)
  return {
    clock,
    ids: options.ids ?? randomIds,
    keys,
    ca: ca.value,
    log: options.log ?? ((line) => console.error(line)),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    classroom: createClassroomSlot(),
  }
}
