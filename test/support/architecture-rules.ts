import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, posix } from 'node:path'
import { type ModuleReference, readSourceFacts, type SourceFacts } from './source-references'

/**
 * The layering rules the repository keeps, as functions over file contents, so that a test can
 * run them on the tree and on planted violations alike. Test code is not held to them (tests
 * may reach into any layer they test, and share fixtures from test/support): `*.test.ts` files
 * and the servers' `src/test-support/` folders. Every other TypeScript and JavaScript file under
 * `packages/<name>/src` and `scripts/` is.
 */

/** A file as the rules see it: its path from the repository root (with `/`) and its text. */
export interface SourceFile {
  readonly path: string
  readonly text: string
}

export interface Violation {
  readonly rule: string
  readonly file: string
  readonly detail: string
}

export interface ArchitectureRule {
  readonly name: string
  /** What in `file` breaks the rule, one line each (empty when it keeps it). */
  check(file: SourceFile, facts: SourceFacts): string[]
}

const SOURCE_ROOTS = [/^packages\/[^/]+\/src\//, /^scripts\//]
const SOURCE_FILE = /\.(ts|tsx|mts|mjs)$/
const TEST_CODE = /\.test\.tsx?$|^packages\/[^/]+\/src\/test-support\//
const NODE_BUILTINS = new Set(builtinModules)

/** `packages/sp`, `scripts`: the unit a relative import must stay inside. */
function packageRootOf(path: string): string | null {
  return /^packages\/[^/]+/.exec(path)?.[0] ?? (path.startsWith('scripts/') ? 'scripts' : null)
}

/** Where a relative specifier leads from `path` (repository-relative), or null for a bare one. */
function targetOf(path: string, specifier: string): string | null {
  return specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(path), specifier)) : null
}

/** The server-package layer of a file: `http`, `views`, the composition root, test support or domain. */
function serverLayerOf(path: string): 'http' | 'views' | 'root' | 'test-support' | 'domain' | null {
  const inServer = /^packages\/(idp|sp)\/src\/(.*)$/.exec(path)
  if (!inServer) return null
  const rest = inServer[2] ?? ''
  if (rest.startsWith('http/')) return 'http'
  if (rest.startsWith('views/')) return 'views'
  if (rest.startsWith('test-support/')) return 'test-support'
  if (/^(app|server|main|index)\.tsx?$/.test(rest)) return 'root'
  return 'domain'
}

function describe(reference: ModuleReference): string {
  return `line ${reference.line}: ${reference.via} '${reference.specifier}'`
}

/** A rule that a package may be imported only from the files `allowed` accepts. */
function onlyIn(name: string, isPackage: (specifier: string) => boolean, allowed: (path: string) => boolean) {
  return {
    name,
    check: (file: SourceFile, facts: SourceFacts): string[] =>
      allowed(file.path) ? [] : facts.references.filter((r) => isPackage(r.specifier)).map(describe),
  }
}

const isHono = (s: string): boolean => s === 'hono' || s.startsWith('hono/') || s.startsWith('@hono/')
const inHttpLayer = (p: string): boolean =>
  /\/src\/(http|views|server)\//.test(p) || /^packages\/[^/]+\/src\/(app|server)\.tsx?$/.test(p)
const SAMLIFY_WRAPPER = 'packages/shared/src/saml/samlify.ts'
/** Shared's markup entry: the one part of `@sandbox/shared` a view may import values from. */
const SHARED_VIEWS = '@sandbox/shared/views'

/** `packages/sp/src/views/` for a file in a server's or shared's views folder; null elsewhere. */
function viewsFolderOf(path: string): string | null {
  if (serverLayerOf(path) === 'views') return `${/^packages\/[^/]+\/src/.exec(path)?.[0]}/views/`
  return path.startsWith('packages/shared/src/views/') ? 'packages/shared/src/views/' : null
}

export const ARCHITECTURE_RULES: readonly ArchitectureRule[] = [
  onlyIn(
    'imports hono only in the HTTP layer (http/, views/, shared server/, app, server)',
    isHono,
    inHttpLayer,
  ),
  onlyIn(
    'imports samlify only in shared/src/saml/samlify.ts',
    (s) => s === 'samlify' || s.startsWith('samlify/') || s.startsWith('@authenio/'),
    (p) => p === SAMLIFY_WRAPPER,
  ),
  onlyIn(
    'imports node-forge only in shared/src/pki/x509.ts',
    (s) => s === 'node-forge' || s.startsWith('node-forge/'),
    (p) => p === 'packages/shared/src/pki/x509.ts',
  ),
  onlyIn(
    'imports xml-crypto only in shared/src/xml/c14n.ts',
    (s) => s === 'xml-crypto' || s.startsWith('xml-crypto/'),
    (p) => p === 'packages/shared/src/xml/c14n.ts',
  ),
  {
    name: 'loads modules with require() only in shared/src/saml/samlify.ts',
    check: (file, facts) =>
      file.path === SAMLIFY_WRAPPER ? [] : facts.requireCalls.map((c) => `line ${c.line}: ${c.text}`),
  },
  {
    name: 'keeps the IdP and the SP independent of each other, and shared independent of both',
    check: (file, facts) => {
      const forbidden = file.path.startsWith('packages/idp/')
        ? ['@sandbox/sp']
        : file.path.startsWith('packages/sp/')
          ? ['@sandbox/idp']
          : file.path.startsWith('packages/shared/')
            ? ['@sandbox/idp', '@sandbox/sp']
            : []
      return facts.references
        .filter((r) => forbidden.some((name) => r.specifier === name || r.specifier.startsWith(`${name}/`)))
        .map(describe)
    },
  },
  {
    name: 'never imports across a package boundary by relative path',
    check: (file, facts) => {
      const root = packageRootOf(file.path)
      return facts.references
        .filter((r) => {
          const target = targetOf(file.path, r.specifier)
          return target !== null && root !== null && !target.startsWith(`${root}/`)
        })
        .map((r) => `${describe(r)} leaves ${root}/ (import the package by name)`)
    },
  },
  {
    name: 'keeps domain code (outside http/ and views/) free of imports from http/',
    check: (file, facts) =>
      serverLayerOf(file.path) !== 'domain'
        ? []
        : facts.references
            .filter((r) =>
              /^packages\/(idp|sp)\/src\/http(\/|$)/.test(targetOf(file.path, r.specifier) ?? ''),
            )
            .map(describe),
  },
  {
    name: 'lets http/ and views/ reach state only through the services',
    check: (file, facts) => {
      const layer = serverLayerOf(file.path)
      if (layer !== 'http' && layer !== 'views') return []
      const storeImports = facts.references.filter(
        (r) =>
          (r.specifier === '@sandbox/shared' && r.names.includes('DocumentStore')) ||
          /^packages\/(idp|sp)\/src\/(state|store)(\/|$)/.test(targetOf(file.path, r.specifier) ?? ''),
      )
      return [
        ...storeImports.map((r) => `${describe(r)} (the store or its state types)`),
        ...facts.storeCalls.map((c) => `line ${c.line}: ${c.text}() on the store`),
      ]
    },
  },
  {
    // Markup both consoles draw alike lives in shared's views/ (`@sandbox/shared/views`) and is
    // held to the same rule: it may import only markup, types, the JSX runtime and built-ins.
    name: 'lets views/ import only views (their own or @sandbox/shared/views), types, the JSX runtime and Node built-ins',
    check: (file, facts) => {
      const views = viewsFolderOf(file.path)
      if (views === null) return []
      return facts.references
        .filter((r) => !r.typeOnly)
        .filter((r) => {
          const target = targetOf(file.path, r.specifier)
          if (target !== null) return !target.startsWith(views)
          return (
            !/^hono\/(jsx|html)(\/|$)/.test(r.specifier) &&
            r.specifier !== SHARED_VIEWS &&
            !NODE_BUILTINS.has(r.specifier.replace(/^node:/, ''))
          )
        })
        .map(describe)
    },
  },
  {
    name: 'keeps source files readable in one sitting (under 400 lines)',
    check: (file) => {
      const lines = file.text.split('\n').length
      return lines > 400 ? [`${lines} lines`] : []
    },
  },
]

/** Every violation of `rules` in `files`. */
export function checkArchitecture(
  files: readonly SourceFile[],
  rules: readonly ArchitectureRule[] = ARCHITECTURE_RULES,
): Violation[] {
  return files.flatMap((file) => {
    if (!SOURCE_ROOTS.some((root) => root.test(file.path)) || TEST_CODE.test(file.path)) return []
    const facts = readSourceFacts(file.path, file.text)
    return rules.flatMap((rule) =>
      rule.check(file, facts).map((detail) => ({ rule: rule.name, file: file.path, detail })),
    )
  })
}

/** The source files under `packages/*\/src` and `scripts/` of the tree at `root`. */
export function readSourceTree(root: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path)
      return SOURCE_FILE.test(entry.name) ? [path] : []
    })
  const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}/src`)
  return [...packages, 'scripts']
    .flatMap((dir) => walk(dir))
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }))
}
