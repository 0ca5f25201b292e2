import { resolve } from 'node:path'
import type { FlagSpec } from './command-line'
import type { OptionReader } from './options'

/** Options every sandbox server shares. */
export interface CommonServerConfig {
  /** Interface to listen on; loopback only. */
  readonly host: string
  /** Data directory root, or null in ephemeral (in-memory) mode. */
  readonly dataDir: string | null
  /** Discard existing state and start fresh. */
  readonly reset: boolean
  /** Serve HTTPS with a certificate from the sandbox CA. */
  readonly https: boolean
}

/** Documented defaults (README "Configuration"). */
export const COMMON_DEFAULTS = {
  /** Loopback only: the sandbox never listens on a public interface. */
  host: '127.0.0.1',
  /** `.sandbox/` under the directory the sandbox is started from. */
  dataDir: '.sandbox',
} as const

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

/** Flags every server accepts. */
export const COMMON_FLAGS: readonly FlagSpec[] = [
  {
    name: 'host',
    type: 'string',
    description: 'Loopback address to listen on (127.0.0.1, ::1 or localhost). Env SANDBOX_HOST.',
  },
  {
    name: 'data-dir',
    type: 'string',
    description: 'Where state is kept (default ./.sandbox). Env SANDBOX_DATA_DIR.',
  },
  {
    name: 'ephemeral',
    type: 'boolean',
    description: 'Keep all state in memory; nothing is written. Env SANDBOX_EPHEMERAL.',
  },
  { name: 'reset', type: 'boolean', description: 'Discard the saved state (CA included) and start fresh.' },
  {
    name: 'https',
    type: 'boolean',
    description: 'Serve HTTPS with certificates from the sandbox CA. Env SANDBOX_HTTPS.',
  },
  { name: 'help', type: 'boolean', description: 'Show this help.' },
]

/** Reads the shared options, validating that the host is loopback. */
export function readCommonServerOptions(reader: OptionReader, cwd: string): CommonServerConfig {
  const host = reader.string({ flag: 'host', env: 'SANDBOX_HOST' }, COMMON_DEFAULTS.host)
  if (!LOOPBACK.has(host)) {
    reader.problem(
      `--host must be a loopback address (127.0.0.1, ::1 or localhost); got "${host}". The sandbox never listens publicly.`,
    )
  }
  const ephemeral = reader.boolean({ flag: 'ephemeral', env: 'SANDBOX_EPHEMERAL' }, false)
  const dataDir = reader.string({ flag: 'data-dir', env: 'SANDBOX_DATA_DIR' }, COMMON_DEFAULTS.dataDir)
  if (dataDir.trim() === '') reader.problem('--data-dir must not be empty.')
  return {
    host,
    dataDir: ephemeral ? null : resolve(cwd, dataDir),
    reset: reader.boolean({ flag: 'reset' }, false),
    https: reader.boolean({ flag: 'https', env: 'SANDBOX_HTTPS' }, false),
  }
}

/** The URL a browser uses to reach a server: `localhost` for loopback, whatever the bind address. */
export function publicUrlFor(common: CommonServerConfig, port: number, override: string | undefined): string {
  if (override) return override
  return `${common.https ? 'https' : 'http'}://localhost:${port}`
}
