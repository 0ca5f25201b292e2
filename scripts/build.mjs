// Bundles the sandbox's own TypeScript into dist/ with esbuild so that `pnpm start` runs plain
// JavaScript: tsx would add ~0.2 s and ~28 MB to every start. Dependencies stay in node_modules.
import { build } from 'esbuild'

const entryPoints = {
  start: 'scripts/start.ts',
  'start-idp': 'packages/idp/src/main.ts',
  'start-sp': 'packages/sp/src/main.ts',
}

/** Bundle workspace packages (TypeScript sources); leave every npm dependency external. */
const externalizeDependencies = {
  name: 'externalize-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@sandbox/') || args.path.startsWith('node:')) return undefined
      return { path: args.path, external: true }
    })
  },
}

const started = performance.now()
await build({
  entryPoints,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [externalizeDependencies],
  banner: {
    js: "import { createRequire as __sandboxCreateRequire } from 'node:module'; const require = __sandboxCreateRequire(import.meta.url);",
  },
})
if (process.argv.includes('--verbose'))
  console.error(`built dist/ in ${Math.round(performance.now() - started)} ms`)
