// config/: command-line flags and environment variables, read once at boot, every problem at once.
/**
 * Reads typed options from command-line flags and environment variables, collecting every
 * problem instead of stopping at the first, so a user fixes their command line in one go.
 * Nothing outside config modules reads `process.env`: config is parsed once at boot and passed down.
 */

/** Where one option may come from, in priority order: flag, then environment, then default. */
export interface OptionSource {
  /** Flag name without dashes, e.g. `idp-port`. */
  readonly flag: string
  /** Environment variable, e.g. `SANDBOX_IDP_PORT`. */
  readonly env?: string
}

/** Raw inputs: parsed flags (string or boolean) and the environment. */
export interface RawOptions {
  readonly flags: Readonly<Record<string, string | boolean | undefined>>
  readonly env: Readonly<Record<string, string | undefined>>
}

/** Raised once at boot with every problem found. */
export class ConfigError extends Error {
  readonly problems: readonly string[]
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

/** Collects problems while options are read; `finish()` throws them all at once. */
export interface OptionReader {
  string(source: OptionSource, fallback: string): string
  optionalString(source: OptionSource): string | undefined
  port(source: OptionSource, fallback: number): number
  integer(source: OptionSource, fallback: number, range: { min: number; max: number }): number
  boolean(source: OptionSource, fallback: boolean): boolean
  oneOf<T extends string>(source: OptionSource, allowed: readonly T[], fallback: T): T
  url(source: OptionSource): string | undefined
  /** Records a cross-field problem. */
  problem(message: string): void
  /** Throws a {@link ConfigError} listing every problem, if there were any. */
  finish(): void
}

function describe(source: OptionSource): string {
  return source.env ? `--${source.flag} (or ${source.env})` : `--${source.flag}`
}

/** Creates a reader over `raw`. */
export function createOptionReader(raw: RawOptions): OptionReader {
  const problems: string[] = []
  const lookup = (source: OptionSource): string | boolean | undefined => {
    const flag = raw.flags[source.flag]
    if (flag !== undefined) return flag
    return source.env ? raw.env[source.env] : undefined
  }
  const text = (source: OptionSource): string | undefined => {
    const value = lookup(source)
    if (value === true) {
      problems.push(`${describe(source)} needs a value.`)
      return undefined
    }
    return value === false ? undefined : value
  }
  const reader: OptionReader = {
    string: (source, fallback) => text(source) ?? fallback,
    optionalString: (source) => {
      const value = text(source)
      return value === '' ? undefined : value
    },
    port: (source, fallback) => reader.integer(source, fallback, { min: 0, max: 65535 }),
    integer: (source, fallback, range) => {
      const value = text(source)
      if (value === undefined) return fallback
      const parsed = Number(value)
      if (
        !/^\d+$/.test(value.trim()) ||
        !Number.isSafeInteger(parsed) ||
        parsed < range.min ||
        parsed > range.max
      ) {
        problems.push(
          `${describe(source)} must be a whole number from ${range.min} to ${range.max}; got "${value}".`,
        )
        return fallback
      }
      return parsed
    },
    boolean: (source, fallback) => {
      const value = lookup(source)
      if (value === undefined) return fallback
      if (typeof value === 'boolean') return value
      const normalized = value.trim().toLowerCase()
      if (['1', 'true', 'yes', 'on'].includes(normalized)) return true
      if (['0', 'false', 'no', 'off', ''].includes(normalized)) return false
      problems.push(`${describe(source)} must be true or false; got "${value}".`)
      return fallback
    },
    oneOf: (source, allowed, fallback) => {
      const value = text(source)
      if (value === undefined) return fallback
      if ((allowed as readonly string[]).includes(value)) return value as (typeof allowed)[number]
      problems.push(`${describe(source)} must be one of ${allowed.join(', ')}; got "${value}".`)
      return fallback
    },
    url: (source) => {
      const value = text(source)
      if (value === undefined || value === '') return undefined
      try {
        const parsed = new URL(value)
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme')
        return value.replace(/\/+$/, '')
      } catch {
        problems.push(`${describe(source)} must be an http(s) URL; got "${value}".`)
        return undefined
      }
    },
    problem: (message) => {
      problems.push(message)
    },
    finish: () => {
      if (problems.length > 0) throw new ConfigError(problems)
    },
  }
  return reader
}
