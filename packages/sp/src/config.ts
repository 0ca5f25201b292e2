import {
  COMMON_FLAGS,
  type CommonServerConfig,
  createOptionReader,
  type FlagSpec,
  type OptionReader,
  parseCommandLine,
  readCommonServerOptions,
} from '@sandbox/shared'

/** The SP's resolved configuration: parsed once at boot, then frozen and passed down. */
export interface SpConfig extends CommonServerConfig {
  /** Port to listen on; 0 picks a free one. */
  readonly port: number
  /** The base URL browsers and the IdP use (defaults to `http://localhost:{port}`). */
  readonly publicUrl: string | undefined
}

/** Documented defaults (README "Configuration"). */
export const SP_DEFAULTS = {
  /** The Webex emulator's port. */
  port: 7080,
} as const

/** Flags of the SP command (`pnpm start:sp --help`). */
export const SP_FLAGS: readonly FlagSpec[] = [
  {
    name: 'port',
    type: 'string',
    description: `Port for the Webex emulator (default ${SP_DEFAULTS.port}, 0 = any free port). Env SANDBOX_SP_PORT.`,
  },
  {
    name: 'public-url',
    type: 'string',
    description:
      'Base URL browsers use to reach the SP (default http://localhost:PORT). Env SANDBOX_SP_PUBLIC_URL.',
  },
  ...COMMON_FLAGS,
]

/** Reads the SP's own options; used alone by `start:sp` and inside the sandbox command. */
export function readSpOptions(reader: OptionReader, common: CommonServerConfig, flagPrefix = ''): SpConfig {
  return {
    ...common,
    port: reader.port({ flag: `${flagPrefix}port`, env: 'SANDBOX_SP_PORT' }, SP_DEFAULTS.port),
    publicUrl: reader.url({ flag: `${flagPrefix}public-url`, env: 'SANDBOX_SP_PUBLIC_URL' }),
  }
}

/** Parses the SP command line; every problem is thrown at once as a `ConfigError`. */
export function loadSpConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): SpConfig {
  const { raw, unknown } = parseCommandLine(argv, env, SP_FLAGS)
  const reader = createOptionReader(raw)
  for (const flag of unknown) reader.problem(`Unknown option ${flag}; see --help.`)
  const config = readSpOptions(reader, readCommonServerOptions(reader, cwd))
  reader.finish()
  return Object.freeze(config)
}
