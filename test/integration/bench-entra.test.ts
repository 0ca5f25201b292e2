import { describe, expect, it } from 'vitest'
import { type EntraPagesResult, measureEntraPages } from '../../scripts/bench/entra-pages'
import { type BenchFigures, buildReport, formatReport } from '../../scripts/bench/report'
import type { Summary } from '../../scripts/bench/stats'

const flat = (median: number): Summary => ({
  n: 10,
  median,
  p90: median,
  p99: median,
  min: median,
  max: median,
})

// The server and engine figures do not matter here; only the Entra section is read.
const base: BenchFigures = {
  floor: { rsaSign: flat(1), rsaVerify: flat(0.05), canonicalizeAndDigest: flat(0.25), perSignInMs: 1.25 },
  stock: { signIn: flat(400), perSecond: 2.5 },
  inProcess: { levels: [{ concurrency: 1, signIns: 1, wallMs: 10, perSecond: 100, latency: flat(10) }] },
  loopback: { levels: [{ concurrency: 1, signIns: 1, wallMs: 10, perSecond: 100, latency: flat(10) }] },
  startup: [],
  sandboxStart: { cachedKeys: flat(250), ephemeral: flat(900) },
  provisioning: { users: 1, wallMs: 1, perSecond: 1000, requests: 2, idpCpuMs: 1, spCpuMs: 1 },
}
const meta = {
  date: 'd',
  mode: 'quick',
  node: 'v20',
  cpus: 2,
  cpuModel: 'c',
  platform: 'p',
  durationMs: 1,
} as const

describe('bench: the Entra admin center pages with a big tenant against a small one', () => {
  let measured: EntraPagesResult

  it('measures every page at a tiny size, the grown tenant answering bigger pages', {
    timeout: 120_000,
  }, async () => {
    measured = await measureEntraPages({ users: 80, apps: 6, maxRuns: 2, maxMs: 200, warmupPasses: 0 })
    expect(measured).toMatchObject({ baselineUsers: 51, baselineApps: 3, users: 80, apps: 6 })
    expect(measured.pages.map((p) => p.page)).toEqual([
      'All users',
      'All users, search for one user',
      'Enterprise applications',
      'App Overview',
      'Users and groups',
      'Overview',
    ])
    for (const page of measured.pages) {
      for (const summary of [page.baseline, page.full]) {
        expect(summary.n).toBeGreaterThan(0)
        expect(summary.median).toBeGreaterThan(0)
      }
      expect(page.bytes).toBeGreaterThan(1000)
    }
    // The search names the last user of the grown tenant, not one of the small tenant's.
    const search = measured.pages.find((p) => p.page === 'All users, search for one user')
    expect(search?.path).toBe('/users?search=user79%40')
  })

  it('checks each page against 50 ms and states its ratio to the small tenant of the same run', () => {
    const figures: BenchFigures = {
      ...base,
      entraPages: {
        baselineUsers: 51,
        baselineApps: 3,
        users: 1000,
        apps: 200,
        pages: [
          { page: 'All users', path: '/users', baseline: flat(4), full: flat(8), bytes: 20_480 },
          {
            page: 'Users and groups',
            path: '/enterprise-apps/x/users',
            baseline: flat(2),
            full: flat(114),
            bytes: 7168,
          },
        ],
      },
    }
    const report = buildReport(meta, figures)
    expect(
      report.targets.filter((t) => t.name.startsWith('Entra')).map((t) => [t.name, t.measured, t.met]),
    ).toEqual([
      ['Entra All users, 1000 users / 200 apps', '8.00 ms (2.0× of 51 users / 3 apps)', true],
      ['Entra Users and groups, 1000 users / 200 apps', '114 ms (57.0× of 51 users / 3 apps)', false],
    ])
    const text = formatReport(report)
    expect(text).toContain(
      'Entra admin center pages (server ms, in-process; 1000 users and 200 apps vs 51 and 3, same run)',
    )
    expect(text).toMatch(/\| All users +\| +4\.00 \| +8\.00 \| +8\.00 \| +2\.0× \| +20 \|/)
    expect(formatReport(buildReport(meta, base))).not.toContain('Entra admin center pages')
  })
})
