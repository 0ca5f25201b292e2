import { defineServerOptions, type ServerConfig } from '@sandbox/shared'

/** The IdP's resolved configuration: parsed once at boot, then frozen and passed down. */
export type IdpConfig = ServerConfig

/** Documented defaults (README "Configuration"). */
export const IDP_DEFAULTS = {
  /** The Entra emulator's port. */
  port: 7070,
} as const

/** The IdP's options: `pnpm start:idp --help` lists them, `pnpm start` takes them as `--idp-…`. */
export const IDP_OPTIONS = defineServerOptions({
  name: 'Entra ID emulator',
  role: 'IdP',
  envPrefix: 'SANDBOX_IDP',
  defaultPort: IDP_DEFAULTS.port,
})
