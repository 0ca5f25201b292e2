import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../../scripts/bench/loopback-servers'
import { parseBenchArgs, runBench } from '../../scripts/bench/main'
import { BENCH_PROFILES } from '../../scripts/bench/profiles'
import { type BenchReport, computeRatios, formatReport } from '../../scripts/bench/report'
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

describe('pnpm bench --quick, end to end', () => {
  it('measures every figure, and the ratios and targets come from the same run', {
    timeout: 120_000,
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

    expect(report.ratios).toEqual(computeRatios(figures))
    const best = Math.max(...figures.loopback.levels.map((l) => l.perSecond))
    expect(report.ratios.loopbackVsStock).toBeCloseTo(best / figures.stock.perSecond)
    expect(report.ratios.loopbackVsFloor).toBeCloseTo(1000 / best / figures.floor.perSignInMs)
    expect(report.targets).toHaveLength(9)
    const vsStock = report.targets.find((t) => t.name === 'loopback throughput vs stock samlify')
    expect(vsStock?.met).toBe(report.ratios.loopbackVsStock >= 40)

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
      'Targets',
    ])
      expect(text).toContain(label)
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
