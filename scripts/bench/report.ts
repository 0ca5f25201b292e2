import type { ControlHubPagesResult } from './control-hub-pages'
import type { EntraPagesResult } from './entra-pages'
import type { FloorResult } from './floor'
import type { LevelResult, PathResult } from './our-path'
import type { ProvisioningResult } from './provisioning-load'
import { type PagesAtTwoSizes, pageSection, pageTargets } from './report-pages'
import { table } from './report-table'
import type { SandboxStartResult, StartupResult } from './startup'
import { ms, type Summary } from './stats'
import type { StockResult } from './stock'

/** Where and how a run was made. */
export interface BenchMeta {
  readonly date: string
  readonly mode: 'full' | 'quick'
  readonly node: string
  readonly cpus: number
  readonly cpuModel: string
  readonly platform: string
  readonly durationMs: number
}

/** Every figure of one `pnpm bench` run. */
export interface BenchFigures {
  readonly floor: FloorResult
  readonly stock: StockResult
  readonly inProcess: PathResult
  readonly loopback: PathResult
  readonly startup: readonly StartupResult[]
  readonly sandboxStart: SandboxStartResult
  /** The provisioning engine's initial cycle against the Webex emulator's SCIM server. */
  readonly provisioning: ProvisioningResult
  /** Control Hub's pages with a big directory against one page of users (absent in older reports). */
  readonly controlHubPages?: ControlHubPagesResult
  /** The Entra admin center's pages with a big tenant against a small one (absent in older reports). */
  readonly entraPages?: EntraPagesResult
}

/** Server time every Control Hub page must stay under with 5 000 users. */
export const CONTROL_HUB_PAGE_TARGET_MS = 50

/** Server time every Entra admin center page must stay under with 1 000 users and 200 apps. */
export const ENTRA_PAGE_TARGET_MS = 50

/** Users per second the provisioning engine's initial cycle must reach (2-core machine). */
export const PROVISIONING_TARGET_PER_SECOND = 500

/** Ratios computed from the figures of the same run. */
export interface BenchRatios {
  /** The loopback level with the highest throughput. */
  readonly loopbackBest: { readonly concurrency: number; readonly perSecond: number }
  /** Loopback sign-ins/s ÷ stock samlify sign-ins/s. */
  readonly loopbackVsStock: number
  /** In-process sign-ins/s ÷ stock samlify sign-ins/s. */
  readonly inProcessVsStock: number
  /** Wall ms per sign-in at the best loopback throughput ÷ the floor's ms per sign-in. */
  readonly loopbackVsFloor: number
  /** IdP + SP CPU ms per sign-in (at the best level) ÷ the floor's ms per sign-in. */
  readonly serverCpuVsFloor: number
  /** Loopback p50 at concurrency 1 ÷ the floor's ms per sign-in. */
  readonly latencyVsFloor: number
  /** RSS growth from the first to the last memory checkpoint, per server, %. */
  readonly idpRssGrowthPercent: number
  readonly spRssGrowthPercent: number
  /** Provisioning users/s in the initial cycle ÷ the 500/s target. */
  readonly provisioningVsTarget: number
}

/** One speed or memory target of the sandbox, checked against this run. */
export interface TargetCheck {
  readonly name: string
  readonly target: string
  readonly measured: string
  readonly met: boolean
}

export interface BenchReport {
  readonly meta: BenchMeta
  readonly figures: BenchFigures
  readonly ratios: BenchRatios
  readonly targets: readonly TargetCheck[]
}

function best(levels: readonly LevelResult[]): LevelResult {
  const first = levels[0]
  if (!first) throw new Error('no load levels were measured')
  return levels.reduce((a, b) => (b.perSecond > a.perSecond ? b : a), first)
}

function growth(from: number, to: number): number {
  return ((to - from) / from) * 100
}

/** Computes the ratios from one run's figures. */
function computeRatios(figures: BenchFigures): BenchRatios {
  const floorMs = figures.floor.perSignInMs
  const loop = best(figures.loopback.levels)
  const inProcess = best(figures.inProcess.levels)
  const c1 = figures.loopback.levels.find((l) => l.concurrency === 1) ?? loop
  const memory = figures.loopback.memory ?? []
  const first = memory[0]
  const last = memory[memory.length - 1]
  return {
    loopbackBest: { concurrency: loop.concurrency, perSecond: loop.perSecond },
    loopbackVsStock: loop.perSecond / figures.stock.perSecond,
    inProcessVsStock: inProcess.perSecond / figures.stock.perSecond,
    loopbackVsFloor: 1000 / loop.perSecond / floorMs,
    serverCpuVsFloor: (loop.serverCpuMsPerSignIn ?? Number.NaN) / floorMs,
    latencyVsFloor: c1.latency.median / floorMs,
    idpRssGrowthPercent: first && last ? growth(first.idpRssMb, last.idpRssMb) : Number.NaN,
    spRssGrowthPercent: first && last ? growth(first.spRssMb, last.spRssMb) : Number.NaN,
    provisioningVsTarget: figures.provisioning.perSecond / PROVISIONING_TARGET_PER_SECOND,
  }
}

function startupOf(figures: BenchFigures, label: string): StartupResult | undefined {
  return figures.startup.find((s) => s.label === label)
}

/** Checks the targets (set for a 2-core machine) against one run. */
function checkTargets(figures: BenchFigures, ratios: BenchRatios): TargetCheck[] {
  const c1 = figures.loopback.levels.find((l) => l.concurrency === 1)
  const both = startupOf(figures, 'both (pnpm start)')
  const memory = figures.loopback.memory ?? []
  const last = memory[memory.length - 1]
  const maxRss = last ? Math.max(last.idpRssMb, last.spRssMb) : Number.NaN
  const maxGrowth = Math.max(ratios.idpRssGrowthPercent, ratios.spRssGrowthPercent)
  const x = (value: number): string => `${value.toFixed(1)}×`
  return [
    {
      name: 'loopback throughput vs stock samlify',
      target: '≥ 40×',
      measured: x(ratios.loopbackVsStock),
      met: ratios.loopbackVsStock >= 40,
    },
    {
      name: 'loopback ms per sign-in vs floor',
      target: '≤ 3×',
      measured: x(ratios.loopbackVsFloor),
      met: ratios.loopbackVsFloor <= 3,
    },
    {
      name: 'loopback sign-ins/s (best concurrency)',
      target: '≥ 150/s',
      measured: `${ratios.loopbackBest.perSecond.toFixed(0)}/s at c=${ratios.loopbackBest.concurrency}`,
      met: ratios.loopbackBest.perSecond >= 150,
    },
    {
      name: 'loopback p50 at concurrency 1',
      target: '≤ 15 ms',
      measured: `${ms(c1?.latency.median ?? Number.NaN)} ms`,
      met: (c1?.latency.median ?? Number.POSITIVE_INFINITY) <= 15,
    },
    {
      name: 'cold start, both servers, keys generated',
      target: '≤ 1500 ms',
      measured: `${ms(both?.cold.median ?? Number.NaN)} ms`,
      met: (both?.cold.median ?? Number.POSITIVE_INFINITY) <= 1500,
    },
    {
      name: 'warm start, both servers',
      target: '≤ 400 ms',
      measured: `${ms(both?.warm.median ?? Number.NaN)} ms`,
      met: (both?.warm.median ?? Number.POSITIVE_INFINITY) <= 400,
    },
    {
      name: 'startSandbox() with cached keys',
      target: '≤ 300 ms',
      measured: `${ms(figures.sandboxStart.cachedKeys.median)} ms (${(
        (100 * figures.sandboxStart.cachedKeys.median) / figures.sandboxStart.ephemeral.median
      ).toFixed(0)} % of generating every key)`,
      met: figures.sandboxStart.cachedKeys.median <= 300,
    },
    {
      name: `RSS per server after ${last?.afterSignIns ?? 0} sign-ins`,
      target: '≤ 120 MB',
      measured: `${maxRss.toFixed(0)} MB`,
      met: maxRss <= 120,
    },
    {
      name: `RSS growth ${memory[0]?.afterSignIns ?? 0} → ${last?.afterSignIns ?? 0} sign-ins`,
      target: '< 10 %',
      measured: `${maxGrowth.toFixed(1)} %`,
      met: maxGrowth < 10,
    },
    {
      name: `provisioning, initial cycle of ${figures.provisioning.users} users`,
      target: `≥ ${PROVISIONING_TARGET_PER_SECOND}/s`,
      measured: `${figures.provisioning.perSecond.toFixed(0)}/s (${x(ratios.provisioningVsTarget)} of target)`,
      met: ratios.provisioningVsTarget >= 1,
    },
  ]
}

/** The Control Hub pages as the page sections read them. */
function controlHubPages(figures: BenchFigures): PagesAtTwoSizes | null {
  const pages = figures.controlHubPages
  if (!pages) return null
  return {
    console: 'Control Hub',
    size: `${pages.users} users`,
    baselineSize: `${pages.baselineUsers} users`,
    column: String(pages.users),
    baselineColumn: String(pages.baselineUsers),
    targetMs: CONTROL_HUB_PAGE_TARGET_MS,
    pages: pages.pages,
  }
}

/** The Entra admin center pages as the page sections read them. */
function entraPages(figures: BenchFigures): PagesAtTwoSizes | null {
  const pages = figures.entraPages
  if (!pages) return null
  return {
    console: 'Entra',
    size: `${pages.users} users / ${pages.apps} apps`,
    baselineSize: `${pages.baselineUsers} users / ${pages.baselineApps} apps`,
    column: `${pages.users}u/${pages.apps}a`,
    baselineColumn: `${pages.baselineUsers}u/${pages.baselineApps}a`,
    targetMs: ENTRA_PAGE_TARGET_MS,
    pages: pages.pages,
  }
}

/** Builds the report of one run. */
export function buildReport(meta: BenchMeta, figures: BenchFigures): BenchReport {
  const ratios = computeRatios(figures)
  return {
    meta,
    figures,
    ratios,
    targets: [
      ...checkTargets(figures, ratios),
      ...pageTargets(controlHubPages(figures)),
      ...pageTargets(entraPages(figures)),
    ],
  }
}

function spread(s: Summary): string {
  return `${ms(s.min)}..${ms(s.max)}`
}

function summaryRow(name: string, s: Summary, extra = ''): string[] {
  return [name, ms(s.median), ms(s.p99), spread(s), String(s.n), extra]
}

function levelRows(path: string, levels: readonly LevelResult[]): string[][] {
  return levels.map((l) => [
    `${path}, c=${l.concurrency}`,
    l.perSecond.toFixed(0),
    ms(l.latency.median),
    ms(l.latency.p99),
    spread(l.latency),
    String(l.signIns),
    l.serverCpuMsPerSignIn === undefined ? '' : ms(l.serverCpuMsPerSignIn),
  ])
}

/** The human-readable report: every figure, then the ratios and the targets. */
export function formatReport(report: BenchReport): string {
  const { meta, figures: f, ratios: r } = report
  const x = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)}×` : '-')
  const sections = [
    `pnpm bench (${meta.mode}): ${meta.date}, Node ${meta.node}, ${meta.cpus} × ${meta.cpuModel}, ${meta.platform}, ${(meta.durationMs / 1000).toFixed(0)} s`,
    '',
    'Floor and stock baseline (ms, in this process)',
    table(
      ['figure', 'median', 'p99', 'range', 'n', 'note'],
      [
        summaryRow('RSA-2048 sign, KeyObject', f.floor.rsaSign),
        summaryRow('RSA-2048 verify, KeyObject', f.floor.rsaVerify),
        summaryRow('exc-c14n + SHA-256 of an Entra assertion', f.floor.canonicalizeAndDigest),
        ['floor per sign-in (sign + c14n/digest)', ms(f.floor.perSignInMs), '', '', '', ''],
        summaryRow(
          'stock samlify sign-in (xmllint-wasm)',
          f.stock.signIn,
          `${f.stock.perSecond.toFixed(2)} sign-ins/s`,
        ),
      ],
    ),
    '',
    'Our SP-initiated sign-in (headless client; latency ms; server CPU = IdP + SP ms per sign-in)',
    table(
      ['path', 'sign-ins/s', 'p50', 'p99', 'range', 'n', 'server CPU'],
      [...levelRows('in-process', f.inProcess.levels), ...levelRows('loopback HTTP', f.loopback.levels)],
    ),
    '',
    'Start-up (ms from spawn to ready; separate processes, bundled dist/)',
    table(
      ['server', 'cold median', 'cold range', 'warm median', 'warm range', 'RSS warm MB'],
      [
        ...f.startup.map((s) => [
          s.label,
          ms(s.cold.median),
          spread(s.cold),
          ms(s.warm.median),
          spread(s.warm),
          s.warmRssMb.toFixed(0),
        ]),
        [
          'startSandbox() in-process, cached keys',
          '',
          '',
          ms(f.sandboxStart.cachedKeys.median),
          spread(f.sandboxStart.cachedKeys),
          '',
        ],
        [
          'startSandbox() in-process, keyCache: false',
          ms(f.sandboxStart.ephemeral.median),
          spread(f.sandboxStart.ephemeral),
          '',
          '',
          '',
        ],
      ],
    ),
    '',
    'Memory (RSS MB of each server process, loopback run)',
    table(
      ['after sign-ins', 'IdP', 'SP'],
      (f.loopback.memory ?? []).map((m) => [
        String(m.afterSignIns),
        m.idpRssMb.toFixed(0),
        m.spRssMb.toFixed(0),
      ]),
    ),
    '',
    'Provisioning (initial cycle; IdP with its data directory, SP state in memory, each in its own process; CPU ms per user)',
    table(
      ['users', 'wall s', 'users/s', 'SCIM requests', 'IdP CPU', 'SP CPU'],
      [
        [
          String(f.provisioning.users),
          (f.provisioning.wallMs / 1000).toFixed(1),
          f.provisioning.perSecond.toFixed(0),
          String(f.provisioning.requests),
          ms(f.provisioning.idpCpuMs / f.provisioning.users),
          ms(f.provisioning.spCpuMs / f.provisioning.users),
        ],
      ],
    ),
    ...pageSection(
      `Control Hub pages (server ms, in-process; ${f.controlHubPages?.users} users vs ${f.controlHubPages?.baselineUsers}, same run)`,
      controlHubPages(f),
    ),
    ...pageSection(
      `Entra admin center pages (server ms, in-process; ${f.entraPages?.users} users and ${f.entraPages?.apps} apps vs ${f.entraPages?.baselineUsers} and ${f.entraPages?.baselineApps}, same run)`,
      entraPages(f),
    ),
    '',
    'Ratios (same run)',
    table(
      ['ratio', 'value'],
      [
        [
          `loopback vs stock samlify (${r.loopbackBest.perSecond.toFixed(0)}/s at c=${r.loopbackBest.concurrency} ÷ ${f.stock.perSecond.toFixed(2)}/s)`,
          x(r.loopbackVsStock),
        ],
        ['in-process vs stock samlify (best throughput)', x(r.inProcessVsStock)],
        ['loopback wall ms per sign-in vs floor', x(r.loopbackVsFloor)],
        ['loopback server CPU ms per sign-in vs floor', x(r.serverCpuVsFloor)],
        ['loopback p50 at c=1 vs floor', x(r.latencyVsFloor)],
        [
          'RSS growth IdP / SP (%)',
          `${r.idpRssGrowthPercent.toFixed(1)} / ${r.spRssGrowthPercent.toFixed(1)}`,
        ],
        [
          `provisioning users/s vs target (${f.provisioning.perSecond.toFixed(0)}/s ÷ ${PROVISIONING_TARGET_PER_SECOND}/s)`,
          x(r.provisioningVsTarget),
        ],
      ],
    ),
    '',
    'Targets (2-core machine)',
    table(
      ['target', 'wanted', 'measured', 'met'],
      report.targets.map((t) => [t.name, t.target, t.measured, t.met ? 'yes' : 'NO']),
    ),
  ]
  return `${sections.join('\n')}\n`
}
