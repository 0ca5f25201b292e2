import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type Clock, systemClock } from './clock'
import { type IdGenerator, randomIds } from './ids'
import { openSandboxCa, openTlsIdentity, type TlsIdentityPem } from './pki/ca-store'
import { createKeyPool, type KeyPool } from './pki/keys'
import type { Log, Runtime } from './runtime'
import { checkSamlifyInstalled } from './saml/samlify'
import type { Scheduler } from './scheduler'
import { StartupError } from './startup-error'

/** Where state lives: a directory, or nowhere (ephemeral, in memory). */
export interface StateLocation {
  /** The data directory, or null for the ephemeral in-memory mode. */
  readonly dataDir: string | null
  /** Start from a fresh state, replacing what is on disk. */
  readonly reset: boolean
}

/** Paths of each state file under a data directory. */
export function statePaths(dataDir: string): { ca: string; idp: string; sp: string } {
  return {
    ca: join(dataDir, 'ca', 'sandbox-ca.json'),
    idp: join(dataDir, 'idp', 'state.json'),
    sp: join(dataDir, 'sp', 'state.json'),
  }
}

/** Inputs to {@link createRuntime}; everything but the location has a default. */
export interface RuntimeOptions extends StateLocation {
  readonly clock?: Clock
  readonly ids?: IdGenerator
  readonly log?: Log
  readonly keys?: KeyPool
  readonly scheduler?: Scheduler
  /**
   * Keys the caller will need at once (the SP needs two on its first start). They are
   * generated together with the CA's, before the CA file is read.
   */
  readonly prefetchKeys?: number
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
  const wanted = (caMissing ? 2 : 0) + (options.prefetchKeys ?? 0)
  if (wanted > 0) keys.warm(wanted)
  checkSamlifyInstalled()
  const ca = await openSandboxCa({
    path: caPath,
    now: clock.now(),
    generateKey: () => keys.take(),
    reset: options.reset,
  })
  if (!ca.ok) throw new StartupError(ca.error.message)
  return {
    clock,
    ids: options.ids ?? randomIds,
    keys,
    ca: ca.value,
    log: options.log ?? ((line) => console.error(line)),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
  }
}

/**
 * The TLS identity for `--https`, shared by both servers (issued for localhost, 127.0.0.1
 * and ::1 by the sandbox CA on first use).
 */
export async function loadTlsIdentity(runtime: Runtime, dataDir: string | null): Promise<TlsIdentityPem> {
  const identity = await openTlsIdentity({
    path: dataDir === null ? null : join(dataDir, 'ca', 'tls-localhost.json'),
    ca: runtime.ca,
    now: runtime.clock.now(),
    generateKey: () => runtime.keys.take(),
  })
  if (!identity.ok) throw new StartupError(identity.error.message)
  return identity.value
}
