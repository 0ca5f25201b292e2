import { resolve } from 'node:path'
import { type FlagSpec, readCommandLine } from './command-line'
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
  /** Turn training mode on at start (the consoles' progress panel); absent means leave it as saved. */
  readonly training?: boolean
}

/** Documented defaults (README "Configuration"). */
export const COMMON_DEFAULTS = {
  /** Loopback only: the sandbox never listens on a public interface. */
  host: '127.0.0.1',
  /** `.sandbox/` under the directory the sandbox is started from. */
  dataDir: '.sandbox',
} as const

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

/** `--data-dir`, which every command that finds a sandbox's state accepts. */
export const DATA_DIR_FLAG: FlagSpec = {
  name: 'data-dir',
  type: 'string',
  description: 'Where state is kept (default ./.sandbox). Env SANDBOX_DATA_DIR.',
}

/** `--help`, which every command accepts. */
export const HELP_FLAG: FlagSpec = { name: 'help', type: 'boolean', description: 'Show this help.' }

/** Flags every server accepts. */
export const COMMON_FLAGS: readonly FlagSpec[] = [
  {
    name: 'host',
    type: 'string',
    description: 'Loopback address to listen on (127.0.0.1, ::1 or localhost). Env SANDBOX_HOST.',
  },
  DATA_DIR_FLAG,
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
  {
    name: 'training',
    type: 'boolean',
    description:
      "Turn training mode on: the consoles show the tutorial's progress panel. Env SANDBOX_TRAINING.",
  },
  HELP_FLAG,
]

/** The data directory of `--data-dir` or SANDBOX_DATA_DIR (default `./.sandbox`), resolved against `cwd`. */
export function readDataDir(reader: OptionReader, cwd: string): string {
  const dataDir = reader.string({ flag: 'data-dir', env: 'SANDBOX_DATA_DIR' }, COMMON_DEFAULTS.dataDir)
  if (dataDir.trim() === '') reader.problem('--data-dir must not be empty.')
  return resolve(cwd, dataDir)
}

/** Reads the shared options, validating that the host is loopback. */
export function readCommonServerOptions(reader: OptionReader, cwd: string): CommonServerConfig {
  const host = reader.string({ flag: 'host', env: 'SANDBOX_HOST' }, COMMON_DEFAULTS.host)
  if (!LOOPBACK.has(host)) {
    reader.problem(
      `--host must be a loopback address (127.0.0.1, ::1 or localhost); got "${host}". The sandbox never listens publicly.`,
    )
  }
  const ephemeral = reader.boolean({ flag: 'ephemeral', env: 'SANDBOX_EPHEMERAL' }, false)
  const dataDir = readDataDir(reader, cwd)
  return {
    host,
    dataDir: ephemeral ? null : dataDir,
    reset: reader.boolean({ flag: 'reset' }, false),
    https: reader.boolean({ flag: 'https', env: 'SANDBOX_HTTPS' }, false),
    ...(reader.boolean({ flag: 'training', env: 'SANDBOX_TRAINING' }, false) ? { training: true } : {}),
  }
}

/** The URL a browser uses to reach a server: `localhost` for loopback, whatever the bind address. */
export function publicUrlFor(common: CommonServerConfig, port: number, override: string | undefined): string {
  if (override) return override
  return `${common.https ? 'https' : 'http'}://localhost:${port}`
}

/** One server's resolved options: the common ones, plus its own port and public URL. */
export interface ServerConfig extends CommonServerConfig {
  /** Port to listen on; 0 picks a free one. */
  readonly port: number
  /** The base URL browsers and the other server use (defaults to `http://localhost:{port}`). */
  readonly publicUrl: string | undefined
}

/** What sets one server's options apart from the other's. */
export interface ServerIdentity {
  /** Its name in help texts, e.g. `Entra ID emulator`. */
  readonly name: string
  /** Its SAML role in help texts: `IdP` or `SP`. */
  readonly role: string
  /** Prefix of its own environment variables, e.g. `SANDBOX_IDP` (`SANDBOX_IDP_PORT`). */
  readonly envPrefix: string
  readonly defaultPort: number
}

/** The flags and readers of one server's options. */
export interface ServerOptions {
  /** The server's own flags: `--port` and `--public-url`. */
  readonly ownFlags: readonly FlagSpec[]
  /** Every flag its own command takes: its own, then {@link COMMON_FLAGS}. */
  readonly flags: readonly FlagSpec[]
  /**
   * Reads the server's own options on top of `common`. A command that starts both servers
   * prefixes their flags (`idp-` reads `--idp-port`); the environment variables stay the same.
   */
  read(reader: OptionReader, common: CommonServerConfig, flagPrefix?: string): ServerConfig
  /** Parses the server's own command line; every problem is thrown at once as a `ConfigError`. */
  load(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): ServerConfig
}

/** Builds a server's flags and option readers from what sets it apart. */
export function defineServerOptions(identity: ServerIdentity): ServerOptions {
  const portEnv = `${identity.envPrefix}_PORT`
  const publicUrlEnv = `${identity.envPrefix}_PUBLIC_URL`
  const ownFlags: readonly FlagSpec[] = [
    {
      name: 'port',
      type: 'string',
      description: `Port for the ${identity.name} (default ${identity.defaultPort}, 0 = any free port). Env ${portEnv}.`,
    },
    {
      name: 'public-url',
      type: 'string',
      description: `Base URL browsers use to reach the ${identity.role} (default http://localhost:PORT). Env ${publicUrlEnv}.`,
    },
  ]
  const flags = [...ownFlags, ...COMMON_FLAGS]
  function read(reader: OptionReader, common: CommonServerConfig, flagPrefix = ''): ServerConfig {
    return {
      ...common,
      port: reader.port({ flag: `${flagPrefix}port`, env: portEnv }, identity.defaultPort),
      publicUrl: reader.url({ flag: `${flagPrefix}public-url`, env: publicUrlEnv }),
    }
  }
  return {
    ownFlags,
    flags,
    read,
    load: (argv, env, cwd) =>
      Object.freeze(
        readCommandLine(argv, env, flags, (reader) => read(reader, readCommonServerOptions(reader, cwd))),
      ),
  }
}
