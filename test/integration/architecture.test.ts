import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The layering rules of the house style, enforced: HTTP frameworks only in the HTTP layer,
 * samlify and node-forge each behind one module, the two servers independent of each other.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

const files = ['packages/shared/src', 'packages/idp/src', 'packages/sp/src'].flatMap((d) =>
  sourceFiles(join(ROOT, d)),
)
const importsOf = (file: string): string[] =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? '')
const rel = (file: string): string => relative(ROOT, file)

function offenders(isImport: (specifier: string) => boolean, allowed: (path: string) => boolean): string[] {
  return files.filter((f) => !allowed(rel(f)) && importsOf(f).some(isImport)).map(rel)
}

describe('architecture', () => {
  it('imports hono only in the HTTP layer (http/, views/, app, server runtime)', () => {
    const httpLayer = (p: string): boolean =>
      /\/(http|views|server)\//.test(p) || /\/src\/app\.tsx?$/.test(p) || /\/src\/server\.ts$/.test(p)
    expect(
      offenders((s) => s === 'hono' || s.startsWith('hono/') || s.startsWith('@hono/'), httpLayer),
    ).toEqual([])
  })

  it('imports samlify only in shared/src/saml/samlify.ts', () => {
    expect(
      offenders(
        (s) => s === 'samlify' || s.startsWith('@authenio/'),
        (p) => p === 'packages/shared/src/saml/samlify.ts',
      ),
    ).toEqual([])
  })

  it('imports node-forge only in shared/src/pki/x509.ts', () => {
    expect(
      offenders(
        (s) => s === 'node-forge',
        (p) => p === 'packages/shared/src/pki/x509.ts',
      ),
    ).toEqual([])
  })

  it('imports xml-crypto only in shared/src/xml/c14n.ts', () => {
    expect(
      offenders(
        (s) => s === 'xml-crypto',
        (p) => p === 'packages/shared/src/xml/c14n.ts',
      ),
    ).toEqual([])
  })

  it('keeps the IdP and the SP independent of each other, and shared independent of both', () => {
    expect(
      offenders(
        (s) => s.startsWith('@sandbox/sp'),
        (p) => !p.startsWith('packages/idp/'),
      ),
    ).toEqual([])
    expect(
      offenders(
        (s) => s.startsWith('@sandbox/idp'),
        (p) => !p.startsWith('packages/sp/'),
      ),
    ).toEqual([])
    expect(
      offenders(
        (s) => s.startsWith('@sandbox/idp') || s.startsWith('@sandbox/sp'),
        (p) => !p.startsWith('packages/shared/'),
      ),
    ).toEqual([])
  })

  it('keeps source files readable in one sitting (under 400 lines)', () => {
    const long = files.filter((f) => readFileSync(f, 'utf8').split('\n').length > 400).map(rel)
    expect(long).toEqual([])
  })
})
