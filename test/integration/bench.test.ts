import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../../scripts/bench/loopback-servers'
import { parseBenchArgs, runBench } from '../../scripts/bench/main'
import { BENCH_PROFILES } from '../../scripts/bench/profiles'
import { type BenchFigures, type BenchReport, buildReport, formatReport } from '../../scripts/bench/report'
import type { Summary } from '../../scripts/bench/stats'

function expectSummary(summary: Summary): void {
  expect(summary.n).toBeGreaterThan(0)
  for (const value of [summary.median, summary.p99, summary.min, summary.max]) {
    expect(Number.isFinite(value)).toBe(true)
    expect(value).toBeGreaterThan(0)
  }
  expect(summary.min).toBeLessThanOrEqual(summary.median)
  expect(summary.median).toBeLessThanOrEqual(summary.max)
}

/** A summary whose every quantile is `median`. */
function flat(median: number, n = 10): Summary {
  return { n, median, p90: median, p99: median, min: median, max: median }
}

/** The value printed in the report's Ratios table on the row starting with `label`. */
function printedRatio(text: string, label: string): string {
  const row = text.split('\n').find((line) => line.startsWith(`| ${label}`))
  if (!row) throw new Error(`no "${label}" row in the report`)
  return (row.split('|').at(-2) ?? '').trim()
}

/**
 * The ratios of a report, worked out here by plain arithmetic from the report's own figures
 * (never with the code that produced them): the best loopback level is the highest sign-ins/s,
 * the floor is one RSA signature plus c14n and digest.
 */
function ratiosByHand(figures: BenchFigures) {
  const floorMs = figures.floor.rsaSign.median + figures.floor.canonicalizeAndDigest.median
  const loopRates = figures.loopback.levels.map((l) => l.perSecond)
  const bestRate = Math.max(...loopRates)
  const bestLevel = figures.loopback.levels[loopRates.indexOf(bestRate)]
  const c1 = figures.loopback.levels.find((l) => l.concurrency === 1)
  const memory = figures.loopback.memory ?? []
  const first = memory[0]
  const last = memory[memory.length - 1]
  return {
    floorMs,
    bestRate,
    bestConcurrency: bestLevel?.concurrency,
    loopbackVsStock: bestRate / figures.stock.perSecond,
    inProcessVsStock: Math.max(...figures.inProcess.levels.map((l) => l.perSecond)) / figures.stock.perSecond,
    loopbackVsFloor: 1000 / bestRate / floorMs,
    serverCpuVsFloor: (bestLevel?.serverCpuMsPerSignIn ?? Number.NaN) / floorMs,
    latencyVsFloor: (c1?.latency.median ?? Number.NaN) / floorMs,
    idpRssGrowthPercent:
      first && last ? ((last.idpRssMb - first.idpRssMb) / first.idpRssMb) * 100 : Number.NaN,
    spRssGrowthPercent: first && last ? ((last.spRssMb - first.spRssMb) / first.spRssMb) * 100 : Number.NaN,
    provisioningVsTarget: (figures.provisioning.users * 1000) / figures.provisioning.wallMs / 500,
  }
}

describe('bench ratios and targets, against numbers worked out by hand', () => {
  const figures: BenchFigures = {
    floor: { rsaSign: flat(1), rsaVerify: flat(0.05), canonicalizeAndDigest: flat(0.25), perSignInMs: 1.25 },
    stock: { signIn: flat(400), perSecond: 2.5 },
    inProcess: {
      levels: [
        { concurrency: 1, signIns: 100, wallMs: 1000, perSecond: 100, latency: flat(10) },
        { concurrency: 8, signIns: 400, wallMs: 1000, perSecond: 400, latency: flat(20) },
        { concurrency: 32, signIns: 500, wallMs: 1000, perSecond: 500, latency: flat(64) },
      ],
    },
    loopback: {
      levels: [
        {
          concurrency: 1,
          signIns: 125,
          wallMs: 1000,
          perSecond: 125,
          latency: flat(8),
          serverCpuMsPerSignIn: 3,
        },
        {
          concurrency: 8,
          signIns: 300,
          wallMs: 1000,
          perSecond: 300,
          latency: flat(26),
          serverCpuMsPerSignIn: 2.5,
        },
        {
          concurrency: 32,
          signIns: 250,
          wallMs: 1000,
          perSecond: 250,
          latency: flat(128),
          serverCpuMsPerSignIn: 4,
        },
      ],
      memory: [
        { afterSignIns: 500, idpRssMb: 80, spRssMb: 60 },
        { afterSignIns: 2000, idpRssMb: 84, spRssMb: 66 },
      ],
    },
    startup: [
      { label: 'IdP alone', cold: flat(700), warm: flat(200), warmRssMb: 60 },
      { label: 'SP alone', cold: flat(650), warm: flat(190), warmRssMb: 55 },
      { label: 'both (pnpm start)', cold: flat(1200), warm: flat(350), warmRssMb: 90 },
    ],
    sandboxStart: { cachedKeys: flat(250), ephemeral: flat(900) },
    provisioning: {
      users: 5001,
      wallMs: 20_004,
      perSecond: 250,
      requests: 10_002,
      idpCpuMs: 5001,
      spCpuMs: 10_002,
    },
  }
  const meta = {
    date: '2026-01-01',
    mode: 'quick',
    node: 'v20',
    cpus: 2,
    cpuModel: 'cpu',
    platform: 'linux',
    durationMs: 1000,
  } as const
  const report = buildReport(meta, figures)

  it('takes the best loopback level (300/s at c=8) and divides as the report says', () => {
    expect(report.ratios.loopbackBest).toEqual({ concurrency: 8, perSecond: 300 })
    expect(report.ratios.loopbackVsStock).toBeCloseTo(120, 10) // 300 / 2.5
    expect(report.ratios.inProcessVsStock).toBeCloseTo(200, 10) // 500 / 2.5
    expect(report.ratios.loopbackVsFloor).toBeCloseTo(8 / 3, 10) // (1000 / 300) ms / 1.25 ms
    expect(report.ratios.serverCpuVsFloor).toBeCloseTo(2, 10) // 2.5 ms at c=8 / 1.25 ms
    expect(report.ratios.latencyVsFloor).toBeCloseTo(6.4, 10) // 8 ms p50 at c=1 / 1.25 ms
    expect(report.ratios.idpRssGrowthPercent).toBeCloseTo(5, 10) // 80 → 84 MB
    expect(report.ratios.spRssGrowthPercent).toBeCloseTo(10, 10) // 60 → 66 MB
  })

  it('checks each target against its threshold (10 % growth is not under 10 %)', () => {
    expect(report.targets.map((t) => [t.measured, t.met])).toEqual([
      ['120.0×', true],
      ['2.7×', true],
      ['300/s at c=8', true],
      ['8.00 ms', true],
      ['1200 ms', true],
      ['350 ms', true],
      ['250 ms (28 % of generating every key)', true],
      ['84 MB', true],
      ['10.0 %', false],
      ['250/s (0.5× of target)', false],
    ])
  })

  it('prints the same ratios in the report text', () => {
    const text = formatReport(report)
    expect(printedRatio(text, 'loopback vs stock samlify (300/s at c=8 ÷ 2.50/s)')).toBe('120.0×')
    expect(printedRatio(text, 'in-process vs stock samlify')).toBe('200.0×')
    expect(printedRatio(text, 'loopback wall ms per sign-in vs floor')).toBe('2.7×')
    expect(printedRatio(text, 'loopback server CPU ms per sign-in vs floor')).toBe('2.0×')
    expect(printedRatio(text, 'loopback p50 at c=1 vs floor')).toBe('6.4×')
    expect(printedRatio(text, 'RSS growth IdP / SP (%)')).toBe('5.0 / 10.0')
    expect(printedRatio(text, 'provisioning users/s vs target (250/s ÷ 500/s)')).toBe('0.5×')
  })

  it('agrees with the arithmetic the end-to-end run uses', () => {
    const hand = ratiosByHand(figures)
    expect(hand.loopbackVsStock).toBeCloseTo(120, 10)
    expect(hand.loopbackVsFloor).toBeCloseTo(8 / 3, 10)
    expect(hand.serverCpuVsFloor).toBeCloseTo(2, 10)
    expect(hand.provisioningVsTarget).toBeCloseTo(0.5, 10) // 5001 users in 20.004 s ÷ 500/s
    expect(report.ratios.provisioningVsTarget).toBeCloseTo(0.5, 10)
  })
})

describe('pnpm bench --quick, end to end', () => {
  it('measures every figure, and the ratios and targets come from the same run', {
    // Bounded loops; the wide margin is for a CPU shared with other suites.
    timeout: 240_000,
  }, async () => {
    const lines: string[] = []
    const report: BenchReport = await runBench(BENCH_PROFILES.quick, {
      mode: 'quick',
      rebuildDist: false,
      log: (line) => lines.push(line),
    })
    const { figures } = report
    expect(report.meta).toMatchObject({ mode: 'quick', node: process.version })

    for (const summary of [
      figures.floor.rsaSign,
      figures.floor.rsaVerify,
      figures.floor.canonicalizeAndDigest,
    ])
      expectSummary(summary)
    expect(figures.floor.perSignInMs).toBeCloseTo(
      figures.floor.rsaSign.median + figures.floor.canonicalizeAndDigest.median,
    )
    expectSummary(figures.stock.signIn)
    expect(figures.stock.perSecond).toBeCloseTo(1000 / figures.stock.signIn.median)

    for (const path of [figures.inProcess, figures.loopback]) {
      expect(path.levels.map((l) => l.concurrency)).toEqual([1, 8, 32])
      for (const level of path.levels) {
        expect(level.signIns).toBeGreaterThan(0)
        expect(level.perSecond).toBeCloseTo((level.signIns * 1000) / level.wallMs)
        expectSummary(level.latency)
      }
    }
    for (const level of figures.loopback.levels) expect(level.serverCpuMsPerSignIn).toBeGreaterThan(0)
    const memory = figures.loopback.memory ?? []
    expect(memory.map((m) => m.afterSignIns)).toEqual(
      [...memory.map((m) => m.afterSignIns)].sort((a, b) => a - b),
    )
    expect(memory).toHaveLength(2)
    for (const point of memory) {
      expect(point.idpRssMb).toBeGreaterThan(10)
      expect(point.spRssMb).toBeGreaterThan(10)
    }

    expect(figures.startup.map((s) => s.label)).toEqual(['IdP alone', 'SP alone', 'both (pnpm start)'])
    for (const entry of figures.startup) {
      expectSummary(entry.cold)
      expectSummary(entry.warm)
    }
    expectSummary(figures.sandboxStart.cachedKeys)
    expectSummary(figures.sandboxStart.ephemeral)
    // The quick profile's cycle: 300 users and the admin (Sync all), a query and a create each.
    expect(figures.provisioning.users).toBe(301)
    expect(figures.provisioning.requests).toBe(2 * 301)
    expect(figures.provisioning.perSecond).toBeCloseTo(
      (figures.provisioning.users * 1000) / figures.provisioning.wallMs,
    )
    expect(figures.provisioning.idpCpuMs).toBeGreaterThan(0)
    expect(figures.provisioning.spCpuMs).toBeGreaterThan(0)

    // The ratios, worked out again from the figures as `--json` writes them.
    const written = JSON.parse(JSON.stringify(report)) as BenchReport
    const hand = ratiosByHand(written.figures)
    expect(written.figures.floor.perSignInMs).toBeCloseTo(hand.floorMs)
    expect(written.ratios.loopbackBest).toEqual({
      concurrency: hand.bestConcurrency,
      perSecond: hand.bestRate,
    })
    for (const name of [
      'loopbackVsStock',
      'inProcessVsStock',
      'loopbackVsFloor',
      'serverCpuVsFloor',
      'latencyVsFloor',
      'idpRssGrowthPercent',
      'spRssGrowthPercent',
      'provisioningVsTarget',
    ] as const) {
      const [reported, byHand] = [written.ratios[name], hand[name]]
      expect(
        Math.abs(reported - byHand),
        `${name}: the report says ${reported}, by hand ${byHand}`,
      ).toBeLessThanOrEqual(Math.abs(byHand) * 1e-9)
    }
    // Ten of the servers and the engine, then one per Control Hub page and one per Entra page.
    expect(report.targets).toHaveLength(20)
    expect(figures.entraPages).toMatchObject({ users: 100, apps: 10 })
    for (const page of figures.entraPages?.pages ?? []) {
      expectSummary(page.baseline)
      expectSummary(page.full)
    }
    const pages = figures.controlHubPages
    expect(pages?.users).toBe(300)
    for (const page of pages?.pages ?? []) {
      expectSummary(page.baseline)
      expectSummary(page.full)
      expect(page.bytes).toBeGreaterThan(1000)
    }
    const provisioning = report.targets.find((t) => t.name.startsWith('provisioning, initial cycle'))
    expect(provisioning?.met).toBe(hand.provisioningVsTarget >= 1)
    const vsStock = report.targets.find((t) => t.name === 'loopback throughput vs stock samlify')
    expect(vsStock?.met).toBe(hand.loopbackVsStock >= 40)
    const vsFloor = report.targets.find((t) => t.name === 'loopback ms per sign-in vs floor')
    expect(vsFloor?.met).toBe(hand.loopbackVsFloor <= 3)

    const text = formatReport(report)
    for (const label of [
      'RSA-2048 sign, KeyObject',
      'exc-c14n + SHA-256',
      'stock samlify sign-in (xmllint-wasm)',
      'in-process, c=32',
      'loopback HTTP, c=1',
      'startSandbox() in-process, cached keys',
      'after sign-ins',
      'loopback vs stock samlify',
      'Provisioning (initial cycle',
      'provisioning users/s vs target',
      'Targets',
    ])
      expect(text).toContain(label)
    expect(printedRatio(text, 'loopback wall ms per sign-in vs floor')).toBe(
      `${hand.loopbackVsFloor.toFixed(1)}×`,
    )
    expect(lines.length).toBeGreaterThan(3)
  })
})

describe('pnpm bench command line', () => {
  it('reads --quick and --json with and without a file', () => {
    expect(parseBenchArgs([])).toEqual({ quick: false, jsonFile: null })
    expect(parseBenchArgs(['--quick', '--json'])).toEqual({ quick: true, jsonFile: '.bench/results.json' })
    expect(parseBenchArgs(['--json', 'out.json', '--quick'])).toEqual({ quick: true, jsonFile: 'out.json' })
  })

  it('refuses an unknown option and says which ones exist', () => {
    expect(parseBenchArgs(['--fast'])).toEqual({
      error: 'Unknown option --fast. Options: --quick, --json [FILE], --help.',
    })
  })
})

describe('the servers the benchmark measures', () => {
  it('run with the V8 flags that pnpm start, start:idp and start:sp pass', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0)
    for (const [name, entry] of [
      ['start', 'dist/start.mjs'],
      ['start:idp', 'dist/start-idp.mjs'],
      ['start:sp', 'dist/start-sp.mjs'],
    ] as const)
      expect(scripts[name]).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} ${entry}`)
  })
})
