import { resolve } from 'node:path'
import { COMMON_DEFAULTS } from '@sandbox/shared'

/**
 * A command line to suggest to the person, with `--data-dir` when theirs is not the default:
 * a hint that drops it would act on another sandbox (or none).
 */
export function suggestCommand(command: string, dataDir: string, cwd: string = process.cwd()): string {
  const isDefault = resolve(cwd, COMMON_DEFAULTS.dataDir) === resolve(dataDir)
  return isDefault ? command : `${command} --data-dir ${quoteForShell(dataDir)}`
}

/** Quotes a path for a POSIX shell only when it needs it. */
function quoteForShell(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}
