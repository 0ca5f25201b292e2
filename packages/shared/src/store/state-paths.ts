import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** Where state lives: a directory, or nowhere (ephemeral, in memory). */
export interface StateLocation {
  /** The data directory, or null for the ephemeral in-memory mode. */
  readonly dataDir: string | null
  /** Start from a fresh state, replacing what is on disk. */
  readonly reset: boolean
}

/** Paths of each state file under a data directory. */
export function statePaths(dataDir: string): { ca: string; tls: string; idp: string; sp: string } {
  return {
    ca: join(dataDir, 'ca', 'sandbox-ca.json'),
    /** The `--https` certificate both servers serve, issued by the sandbox CA. */
    tls: join(dataDir, 'ca', 'tls-localhost.json'),
    idp: join(dataDir, 'idp', 'state.json'),
    sp: join(dataDir, 'sp', 'state.json'),
  }
}

/**
 * Whether this start will create a server's state (in memory, after a reset, or with no state
 * file yet): its first-start keys can then be generated while the rest of start-up runs.
 */
export function isFirstStart(location: StateLocation, server: 'idp' | 'sp'): boolean {
  return location.dataDir === null || location.reset || !existsSync(statePaths(location.dataDir)[server])
}
