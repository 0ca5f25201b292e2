import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * The command-line entry points tests start as child processes, and the bundle each is built
 * into once per test run. Starting a bundle costs a fifth of the CPU time tsx needs to compile
 * the same sources at every start, and CLI tests start dozens of processes.
 */
export const CLI_ENTRIES: Readonly<Record<string, string>> = {
  'scripts/sandbox.ts': 'sandbox',
  'scripts/rehearse/main.ts': 'rehearse',
  'scripts/start.ts': 'start',
  'packages/idp/src/main.ts': 'start-idp',
  'packages/sp/src/main.ts': 'start-sp',
  'test/support/children/tutorial-set-up.ts': 'tutorial-set-up',
}

/**
 * Two directory levels below the repository root, like `scripts/lib/`, so that code which finds
 * the root from its own file (`../..`) finds it from the bundle too.
 */
export const CLI_BUNDLE_DIR = join(ROOT, 'dist', 'test-cli')

/** The bundle built for `entry` in this run, or null (the caller then runs the sources with tsx). */
export function cliBundleOf(entry: string): string | null {
  const name = CLI_ENTRIES[entry]
  if (name === undefined || process.env.SANDBOX_TEST_CLI_BUNDLES !== CLI_BUNDLE_DIR) return null
  const file = join(CLI_BUNDLE_DIR, `${name}.mjs`)
  return existsSync(file) ? file : null
}
