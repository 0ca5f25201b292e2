import { parseArgs } from 'node:util'
import { createOptionReader, type OptionReader, type RawOptions } from './options'

/** A flag a command accepts: `boolean` flags take no value. */
export interface FlagSpec {
  readonly name: string
  readonly type: 'string' | 'boolean'
  readonly description: string
}

/**
 * Parses `argv` leniently so that unknown flags are reported together with every other
 * problem (instead of Node's parser stopping at the first).
 */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  flags: readonly FlagSpec[],
): { raw: RawOptions; unknown: string[]; positionals: string[] } {
  const options = Object.fromEntries(flags.map((f) => [f.name, { type: f.type }])) as Record<
    string,
    { type: 'string' | 'boolean' }
  >
  const parsed = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true })
  const known = new Set(flags.map((f) => f.name))
  const unknown = Object.keys(parsed.values).filter((name) => !known.has(name))
  const values: Record<string, string | boolean | undefined> = {}
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string' || typeof value === 'boolean') values[name] = value
  }
  return {
    raw: { flags: values, env },
    unknown: unknown.map((u) => `--${u}`),
    positionals: parsed.positionals,
  }
}

/**
 * Reads a command line in one go: parses `argv` against `flags`, lets `read` take the options
 * from the reader (recording any problem there), and throws every problem, unknown flags
 * included, as one `ConfigError`. Returns what `read` returned.
 */
export function readCommandLine<T>(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  flags: readonly FlagSpec[],
  read: (reader: OptionReader, raw: RawOptions) => T,
): T {
  const { raw, unknown } = parseCommandLine(argv, env, flags)
  const reader = createOptionReader(raw)
  for (const flag of unknown) reader.problem(`Unknown option ${flag}; see --help.`)
  const value = read(reader, raw)
  reader.finish()
  return value
}

/** Formats a `--help` text from flag specs. */
export function formatHelp(usage: string, flags: readonly FlagSpec[]): string {
  const width = Math.max(...flags.map((f) => f.name.length + (f.type === 'string' ? 8 : 0)))
  const lines = flags.map((f) => {
    const left = `--${f.name}${f.type === 'string' ? ' <value>' : ''}`
    return `  ${left.padEnd(width + 4)}${f.description}`
  })
  return `${usage}\n\nOptions:\n${lines.join('\n')}\n`
}
