import { defineServerOptions, type ServerConfig } from '@sandbox/shared'

/** The SP's resolved configuration: parsed once at boot, then frozen and passed down. */
export type SpConfig = ServerConfig

/** Documented defaults (README "Configuration"). */
export const SP_DEFAULTS = {
  /** The Webex emulator's port. */
  port: 7080,
} as const

/** The SP's options: `pnpm start:sp --help` lists them, `pnpm start` takes them as `--sp-…`. */
export const SP_OPTIONS = defineServerOptions({
  name: 'Webex emulator',
  role: 'SP',
  envPrefix: 'SANDBOX_SP',
  defaultPort: SP_DEFAULTS.port,
})
