import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { build, type Plugin } from 'esbuild'

/** Bundle workspace packages; leave npm dependencies in node_modules (as scripts/build.mjs does). */
const externalizeDependencies: Plugin = {
  name: 'externalize-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@sandbox/') || args.path.startsWith('node:')) return undefined
      return { path: args.path, external: true }
    })
  },
}

/**
 * Builds what the benchmark starts as child processes: `dist/*.mjs` (the real entry points,
 * via scripts/build.mjs) and `dist/bench/server-child.mjs`. Bundled JavaScript, not tsx, so
 * start-up and memory are what users get. With `rebuildDist: false`, an existing `dist/` is
 * used as it is (the test suite, whose other tests run `dist/` concurrently). Returns the
 * child's path.
 */
export async function bundleBenchEntries(root: string, options: { rebuildDist: boolean }): Promise<string> {
  if (options.rebuildDist || !existsSync(join(root, 'dist/start.mjs')))
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' })
  const outfile = join(root, 'dist/bench/server-child.mjs')
  await build({
    entryPoints: [join(root, 'scripts/bench/server-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [externalizeDependencies],
    banner: {
      js: "import { createRequire as __sandboxCreateRequire } from 'node:module'; const require = __sandboxCreateRequire(import.meta.url);",
    },
  })
  return outfile
}
