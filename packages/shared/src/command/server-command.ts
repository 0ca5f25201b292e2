import { type FlagSpec, formatHelp } from '../config/command-line'
import { tuneServerHeap } from '../server/heap-tuning'
import { stopOnSignals } from '../server/shutdown'
import { runCommand } from './run-command'

/** What {@link runServerCommand} needs to know about one command that starts servers. */
export interface ServerCommand<C, S extends { close(): Promise<void> }> {
  /** The first line of `--help`, e.g. `Usage: pnpm start:idp [options]`. */
  readonly usage: string
  /** Its flags, and the loader that parses the command line and the environment (throws a `ConfigError` with every problem). */
  readonly options: {
    readonly flags: readonly FlagSpec[]
    load(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): C
  }
  /** Starts the server(s); `close()` stops them and flushes their state. */
  readonly start: (config: C) => Promise<S>
  /**
   * What to print once everything listens (the last line is the one scripts wait for).
   * `startupMs` counts from process start, so module loading is included.
   */
  readonly announce: (started: S, startupMs: number) => string | Promise<string>
  /** The arguments to read (default `process.argv.slice(2)`; a sub-command passes what follows its name). */
  readonly argv?: readonly string[]
}

/**
 * The life of a server command (`pnpm start`, `start:idp`, `start:sp`): tunes the heap, answers
 * `--help`, loads the config, starts, stops cleanly on SIGINT/SIGTERM, announces, and exits as
 * {@link runCommand} does when start-up fails (2 for a bad command line, 1 otherwise).
 */
export function runServerCommand<C, S extends { close(): Promise<void> }>(
  command: ServerCommand<C, S>,
): void {
  runCommand(async () => {
    tuneServerHeap()
    const argv = command.argv ?? process.argv.slice(2)
    if (argv.includes('--help')) {
      process.stdout.write(formatHelp(command.usage, command.options.flags))
      return undefined
    }
    const config = command.options.load(argv, process.env, process.cwd())
    const started = await command.start(config)
    stopOnSignals(() => started.close())
    const startupMs = Math.round(performance.now())
    process.stdout.write(await command.announce(started, startupMs))
    return undefined
  })
}
