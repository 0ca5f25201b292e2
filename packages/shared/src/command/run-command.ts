// command/: how every sandbox command (servers and CLIs) starts and ends: exit codes, --help.
import { ConfigError } from '../config/options'
import { ListenError } from '../server/http-server'
import { StartupError } from '../startup-error'

/** A class of errors whose message is written for the person at the terminal. */
export type ExplainedErrorClass = abstract new (...args: never[]) => Error

/**
 * Runs a command's `main` and ends the process the way every sandbox command ends. A number
 * that `main` resolves to is the exit code; `undefined` leaves the process to run on (a server
 * serves until a signal) or to end by itself. A `ConfigError` prints its problems and exits 2;
 * a `StartupError`, a `ListenError` or an error of one of `explained` prints its message and
 * exits 1; any other error is a bug, so its stack is printed (exit 1).
 */
export function runCommand(
  main: () => Promise<number | undefined>,
  options: { readonly explained?: readonly ExplainedErrorClass[] } = {},
): void {
  const explained = [StartupError, ListenError, ...(options.explained ?? [])]
  main().then(
    (code) => {
      if (code !== undefined) process.exit(code)
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`${error.message}\n`)
        process.exit(2)
      }
      const known = error instanceof Error && explained.some((type) => error instanceof type)
      process.stderr.write(`${known ? (error as Error).message : errorText(error)}\n`)
      process.exit(1)
    },
  )
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
