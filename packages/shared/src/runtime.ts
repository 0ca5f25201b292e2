import type { Clock } from './clock'
import type { IdGenerator } from './ids'
import type { SandboxCa } from './pki/certificate-authority'
import type { KeyPool } from './pki/keys'
import type { Scheduler } from './scheduler'

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
}
