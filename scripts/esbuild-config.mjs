// What every esbuild bundle of the sandbox shares: workspace packages (TypeScript sources) are
// bundled, every npm dependency stays external, hono/jsx compiles with the automatic runtime
// (so pages render wherever the bundle runs, whatever the caller's tsconfig says), and a
// `require` exists for the CommonJS packages loaded through createRequire.

const isWorkspacePackage = (path) =>
  path.startsWith('@sandbox/') ||
  path === 'sso-rehearsal-sandbox' ||
  path.startsWith('sso-rehearsal-sandbox/')

/** Bundle workspace packages; leave every npm dependency external. */
export const externalizeDependencies = {
  name: 'externalize-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isWorkspacePackage(args.path) || args.path.startsWith('node:')) return undefined
      return { path: args.path, external: true }
    })
  },
}

export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'warning',
  plugins: [externalizeDependencies],
  banner: {
    js: "import { createRequire as __sandboxCreateRequire } from 'node:module'; const require = __sandboxCreateRequire(import.meta.url);",
  },
}
