import {
  COMMON_FLAGS,
  type CommonServerConfig,
  createOptionReader,
  type FlagSpec,
  type OptionReader,
  parseCommandLine,
  readCommonServerOptions,
} from '@sandbox/shared'

/** The IdP's resolved configuration: parsed once at boot, then frozen and passed down. */
export interface IdpConfig extends CommonServerConfig {
  /** Port to listen on; 0 picks a free one. */
  readonly port: number
  /** The base URL browsers and the SP use (defaults to `http://localhost:{port}`). */
  readonly publicUrl: string | undefined
}

/** Documented defaults (README "Configuration"). */
export const IDP_DEFAULTS = {
  /** The Entra emulator's port. */
  port: 7070,
} as const

/** Flags of the IdP command (`pnpm start:idp --help`). */
export const IDP_FLAGS: readonly FlagSpec[] = [
  {
    name: 'port',
    type: 'string',
    description: `Port for the Entra ID emulator (default ${IDP_DEFAULTS.port}, 0 = any free port). Env SANDBOX_IDP_PORT.`,
  },
  {
    name: 'public-url',
    type: 'string',
    description:
      'Base URL browsers use to reach the IdP (default http://localhost:PORT). Env SANDBOX_IDP_PUBLIC_URL.',
  },
  ...COMMON_FLAGS,
]

/** Reads the IdP's own options; used alone by `start:idp` and inside the sandbox command. */
export function readIdpOptions(reader: OptionReader, common: CommonServerConfig, flagPrefix = ''): IdpConfig {
  return {
    ...common,
    port: reader.port({ flag: `${flagPrefix}port`, env: 'SANDBOX_IDP_PORT' }, IDP_DEFAULTS.port),
    publicUrl: reader.url({ flag: `${flagPrefix}public-url`, env: 'SANDBOX_IDP_PUBLIC_URL' }),
  }
}

/**
 * Parses the IdP command line. Every problem is collected and thrown at once as a
 * `ConfigError` (the caller prints it and exits with code 2).
 */
export function loadIdpConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): IdpConfig {
  const { raw, unknown } = parseCommandLine(argv, env, IDP_FLAGS)
  const reader = createOptionReader(raw)
  for (const flag of unknown) reader.problem(`Unknown option ${flag}; see --help.`)
  const config = readIdpOptions(reader, readCommonServerOptions(reader, cwd))
  reader.finish()
  return Object.freeze(config)
}
