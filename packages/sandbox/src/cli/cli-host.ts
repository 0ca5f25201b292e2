/**
 * How the sandbox's commands are invoked where they run: the package's own `sso-sandbox` bin,
 * or the repository's `pnpm start` / `pnpm rehearse` / `pnpm sandbox` scripts. The same code
 * runs behind both; only the names printed in usage lines and hints, and the way a background
 * sandbox is launched, differ.
 */
export interface CliHost {
  /** The command lines a person types, e.g. `sso-sandbox start` or `pnpm start`. */
  readonly names: { readonly start: string; readonly rehearse: string; readonly tools: string }
  /**
   * How to run `start` as a separate Node process (for `rehearse`, which starts a sandbox in
   * the background): the arguments after `node` and the working directory. `prepare` runs
   * first (the repository builds its bundle) and throws a `StartupError` when it cannot.
   */
  readonly backgroundStart: () => {
    readonly args: readonly string[]
    readonly cwd: string
    readonly prepare?: () => void
  }
}

/** The package's `sso-sandbox` bin at `binPath`, which runs `start` in the background as `node <bin> start`. */
export function packageBinHost(binPath: string): CliHost {
  return {
    names: { start: 'sso-sandbox start', rehearse: 'sso-sandbox rehearse', tools: 'sso-sandbox' },
    backgroundStart: () => ({ args: [binPath, 'start'], cwd: process.cwd() }),
  }
}

let current: CliHost = packageBinHost(process.argv[1] ?? 'sso-sandbox')

/** Sets where the commands run; an entry point calls it once, before running a command. */
export function useCliHost(host: CliHost): void {
  current = host
}

/** The host the commands run in (the package's bin unless an entry point said otherwise). */
export function cliHost(): CliHost {
  return current
}

/** The command lines to print in usage lines and hints. */
export function commandNames(): CliHost['names'] {
  return current.names
}
