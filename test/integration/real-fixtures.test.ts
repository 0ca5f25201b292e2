import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { locateRealFixtures } from '../support/real-fixtures'

/** A workspace with a checkout in `repo/` and, when asked, fixtures in `shared/fixtures/real/`. */
function workspace(withFixtures: boolean): { root: string; fixtures: string } {
  const base = mkdtempSync(join(tmpdir(), 'fixtures-workspace-'))
  const root = join(base, 'repo')
  const fixtures = join(base, 'shared', 'fixtures', 'real')
  mkdirSync(root, { recursive: true })
  if (withFixtures) {
    mkdirSync(fixtures, { recursive: true })
    writeFileSync(join(fixtures, 'SOURCES.md'), '# sources\n')
  }
  return { root, fixtures }
}

describe('where the tests find the real Entra fixtures', () => {
  it('uses ../shared/fixtures/real beside the checkout', () => {
    const { root, fixtures } = workspace(true)
    expect(locateRealFixtures(undefined, root)).toBe(fixtures)
    expect(locateRealFixtures('', root)).toBe(fixtures)
  })

  it('fails naming that folder when it is missing, whatever else exists on this machine', () => {
    const { root, fixtures } = workspace(false)
    expect(() => locateRealFixtures(undefined, root)).toThrow(
      `The real Entra fixtures were not found in ${fixtures}`,
    )
    expect(() => locateRealFixtures(undefined, root)).toThrow('set SANDBOX_REAL_FIXTURES')
  })

  it('uses SANDBOX_REAL_FIXTURES when set, and only it', () => {
    const elsewhere = workspace(true)
    const { root } = workspace(true)
    expect(locateRealFixtures(elsewhere.fixtures, root)).toBe(elsewhere.fixtures)
    const wrong = join(elsewhere.fixtures, 'missing')
    expect(() => locateRealFixtures(wrong, root)).toThrow(`SANDBOX_REAL_FIXTURES is ${wrong}`)
  })
})
