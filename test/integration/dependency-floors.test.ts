import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/cli'

/**
 * Security floors: the first release of each dependency with its known advisories fixed
 * (samlify's signature bypasses, xml-crypto's and node-forge's signature and chain bypasses,
 * xmldom's denial of service, hono's CSRF, XSS and CORS fixes, node-server's serveStatic bypass,
 * nanoid's CVE-2024-55565). A lockfile that resolves any of these below its floor (directly or
 * through another package) fails the build.
 */
const FLOORS: Record<string, string> = {
  samlify: '2.13.1',
  'xml-crypto': '6.1.2',
  '@xmldom/xmldom': '0.8.15',
  'node-forge': '1.4.0',
  hono: '4.12.26',
  '@hono/node-server': '1.19.13',
  // CVE-2024-55565 was fixed in 3.3.8 and 5.0.9; vite's postcss still uses the 3.x line (dev only).
  nanoid: '3.3.8 5.0.9',
  '@authenio/samlify-xmllint-wasm': '1.0.1',
}
/** nanoid 6 needs Node 22; the sandbox supports Node 20. */
const CEILINGS: Record<string, number> = { nanoid: 6 }

function compare(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number)
  const pb = b.split(/[.-]/).map(Number)
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

function lockedVersions(lockfile: string, name: string): string[] {
  const escaped = name.replace(/[/.@-]/g, (c) => `\\${c}`)
  const pattern = new RegExp(`^  '?${escaped}@(\\d+\\.\\d+\\.\\d+[^:'(]*)`, 'gm')
  return [...new Set([...lockfile.matchAll(pattern)].map((m) => m[1] as string))]
}

describe('dependency floors', () => {
  const lockfile = readFileSync(join(ROOT, 'pnpm-lock.yaml'), 'utf8')

  it.each(Object.entries(FLOORS))('locks %s at or above %s', (name, floor) => {
    const versions = lockedVersions(lockfile, name)
    expect(versions.length, `${name} is not in pnpm-lock.yaml`).toBeGreaterThan(0)
    for (const version of versions) {
      // A floor may name one minimum per major line ("3.3.8 5.0.9").
      const floors = floor.split(' ')
      const sameMajor =
        floors.find((f) => f.split('.')[0] === version.split('.')[0]) ?? floors[floors.length - 1] ?? floor
      expect(
        compare(version, sameMajor),
        `${name}@${version} is below the floor ${sameMajor}`,
      ).toBeGreaterThanOrEqual(0)
      const ceiling = CEILINGS[name]
      if (ceiling)
        expect(Number(version.split('.')[0]), `${name}@${version} needs a newer Node`).toBeLessThan(ceiling)
    }
  })

  it('never installs the leaking node-xmllint validator', () => {
    expect(lockfile).not.toContain('@authenio/samlify-node-xmllint')
  })

  it('pins pnpm and Node in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      packageManager: string
      engines: { node: string }
    }
    expect(pkg.packageManager).toBe('pnpm@12.4.2')
    expect(pkg.engines.node).toBe('>=20.19')
  })
})
