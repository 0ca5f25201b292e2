// Builds the published package: an ESM bundle of the facade and of its `sso-sandbox` bin, with the workspace packages
// inside it (npm dependencies stay dependencies), its declarations in one .d.ts, and the
// Webex console's static files, which the bundle resolves under this package's own name.
import { execFileSync } from 'node:child_process'
import { cpSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { rollup } from 'rollup'
import { dts } from 'rollup-plugin-dts'
import { NODE_BUNDLE_OPTIONS } from '../../scripts/esbuild-config.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const dist = join(here, 'dist')
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'))
const require = createRequire(import.meta.url)

rmSync(dist, { recursive: true, force: true })
await build({
  ...NODE_BUNDLE_OPTIONS,
  absWorkingDir: here,
  // The library and the `sso-sandbox` bin share their code through chunks instead of shipping it twice.
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/bin.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outdir: dist,
  define: { SANDBOX_SP_ASSET_PACKAGE: JSON.stringify(manifest.name) },
  sourcemap: 'linked',
  sourcesContent: false,
})
cpSync(join(here, '..', 'sp', 'assets'), join(dist, 'assets'), {
  recursive: true,
})
// Declarations: tsc writes one .d.ts per source (the workspace packages' too, mapped by
// tsconfig.declarations.json; types are checked by the repo's own tsc run), then
// rollup-plugin-dts joins them into dist/index.d.ts, inlining the workspace packages and
// leaving real dependencies (hono, node) as imports.
const declarations = join(dist, 'declarations')
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', join(here, 'tsconfig.declarations.json')],
  {
    stdio: 'inherit',
  },
)
const workspaceDeclarations = {
  name: 'workspace-declarations',
  resolveId(source) {
    const match = /^@sandbox\/(shared|idp|sp)$/.exec(source)
    return match ? join(declarations, match[1], 'src', 'index.d.ts') : null
  },
}
const bundle = await rollup({
  input: join(declarations, 'sandbox', 'src', 'index.d.ts'),
  plugins: [workspaceDeclarations, dts()],
  external: (id) => /^(node:|hono|@hono\/)/.test(id),
  onwarn: (warning) => {
    throw new Error(`declaration bundle: ${warning.message}`)
  },
})
await bundle.write({ file: join(dist, 'index.d.ts'), format: 'es' })
await bundle.close()
rmSync(declarations, { recursive: true, force: true })
