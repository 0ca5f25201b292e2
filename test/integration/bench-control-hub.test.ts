import { describe, expect, it } from 'vitest'
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

describe('bench: the Control Hub pages with 5 000 users against 50', () => {
  // The server and engine figures do not matter here; only the Control Hub section is read.
  const base = {
    floor: { rsaSign: flat(1), rsaVerify: flat(0.05), canonicalizeAndDigest: flat(0.25), perSignInMs: 1.25 },
    stock: { signIn: flat(400), perSecond: 2.5 },
    inProcess: { levels: [{ concurrency: 1, signIns: 1, wallMs: 10, perSecond: 100, latency: flat(10) }] },
    loopback: { levels: [{ concurrency: 1, signIns: 1, wallMs: 10, perSecond: 100, latency: flat(10) }] },
    startup: [],
    sandboxStart: { cachedKeys: flat(250), ephemeral: flat(900) },
    provisioning: { users: 1, wallMs: 1, perSecond: 1000, requests: 2, idpCpuMs: 1, spCpuMs: 1 },
  }
  const figures: BenchFigures = {
    ...base,
    controlHubPages: {
      baselineUsers: 50,
      users: 5000,
      pages: [
        { page: 'Users, first page', path: '/admin/users', baseline: flat(4), full: flat(6), bytes: 20_480 },
        {
          page: 'Users, search for one user',
          path: '/admin/users?q=x',
          baseline: flat(2),
          full: flat(60),
          bytes: 7168,
        },
      ],
    },
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
  const report = buildReport(meta, figures)

  it('checks each page against 50 ms and states its ratio to the 50-user page of the same run', () => {
    const pages = report.targets.filter((t) => t.name.startsWith('Control Hub'))
    expect(pages.map((t) => [t.name, t.measured, t.met])).toEqual([
      ['Control Hub Users, first page, 5000 users', '6.00 ms (1.5× of 50 users)', true],
      ['Control Hub Users, search for one user, 5000 users', '60.0 ms (30.0× of 50 users)', false],
    ])
  })

  it('prints both medians, the ratio and the page size', () => {
    const text = formatReport(report)
    expect(text).toContain('Control Hub pages (server ms, in-process; 5000 users vs 50, same run)')
    expect(text).toMatch(/\| Users, first page +\| +4\.00 \| +6\.00 \| +6\.00 \| +1\.5× \| +20 \|/)
  })

  it('leaves the section out of a report without the figures', () => {
    const text = formatReport(buildReport(meta, base))
    expect(text).not.toContain('Control Hub pages')
  })
})
