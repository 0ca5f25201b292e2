import { rmSync } from 'node:fs'
import { build } from 'esbuild'
// @ts-expect-error: a plain ES module without types, shared with scripts/build.mjs
import { NODE_BUNDLE_OPTIONS } from '../../scripts/esbuild-config.mjs'
import { CLI_BUNDLE_DIR, CLI_ENTRIES } from './cli-bundles'

/**
 * Vitest global set-up: bundles every CLI entry point tests start, once per run, from the
 * current sources. Child processes inherit the marker variable, so a test run outside this
 * set-up (or an entry not listed) falls back to tsx and still tests the sources.
 */
export default function buildCliBundles(): Promise<void> {
  // Vitest loads a root global set-up afresh for each project as well, in the same process:
  // the bundles are built once, by the first call.
  const holder = globalThis as { [BUILT]?: Promise<void> }
  holder[BUILT] ??= bundleAll()
  return holder[BUILT]
}

const BUILT = Symbol.for('sso-rehearsal-sandbox.test-cli-bundles')

async function bundleAll(): Promise<void> {
  rmSync(CLI_BUNDLE_DIR, { recursive: true, force: true })
  await build({
    ...NODE_BUNDLE_OPTIONS,
    entryPoints: Object.fromEntries(Object.entries(CLI_ENTRIES).map(([entry, name]) => [name, entry])),
    outdir: CLI_BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
  })
  process.env.SANDBOX_TEST_CLI_BUNDLES = CLI_BUNDLE_DIR
}
