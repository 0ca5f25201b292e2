import type { ControlHubPagesLimits } from './control-hub-pages'
import type { EntraPagesLimits } from './entra-pages'
import type { MemoryLimits, PathLimits } from './our-path'
import type { ProvisioningLimits } from './provisioning-load'

/** The bounds of one benchmark run (counts and times; every loop stops at the first reached). */
export interface BenchProfile {
  readonly floorMs: number
  readonly stock: { readonly maxRuns: number; readonly maxMs: number }
  readonly startupRuns: number
  readonly inProcess: PathLimits
  readonly loopback: PathLimits
  readonly memory: MemoryLimits
  readonly provisioning: ProvisioningLimits
  readonly controlHubPages: ControlHubPagesLimits
  readonly entraPages: EntraPagesLimits
}

const LEVELS = [1, 8, 32] as const

/** Full: under 3 minutes on 2 cores. Quick: seconds, for the test suite. */
export const BENCH_PROFILES: Readonly<Record<'full' | 'quick', BenchProfile>> = {
  full: {
    floorMs: 3000,
    stock: { maxRuns: 20, maxMs: 15_000 },
    startupRuns: 3,
    inProcess: { concurrencies: LEVELS, warmup: 100, maxSignIns: 2000, maxMs: 5000 },
    loopback: { concurrencies: LEVELS, warmup: 100, maxSignIns: 3000, maxMs: 8000 },
    memory: { checkpoints: [5000, 10_000], concurrency: 8, maxMs: 75_000 },
    provisioning: { users: 5000 },
    controlHubPages: { users: 5000, maxRuns: 200, maxMs: 3000, warmupPasses: 10 },
    entraPages: { users: 1000, apps: 200, maxRuns: 200, maxMs: 3000, warmupPasses: 10 },
  },
  quick: {
    floorMs: 300,
    stock: { maxRuns: 2, maxMs: 5000 },
    startupRuns: 1,
    inProcess: { concurrencies: LEVELS, warmup: 5, maxSignIns: 40, maxMs: 2000 },
    loopback: { concurrencies: LEVELS, warmup: 5, maxSignIns: 40, maxMs: 2000 },
    memory: { checkpoints: [150, 250], concurrency: 8, maxMs: 10_000 },
    provisioning: { users: 300 },
    controlHubPages: { users: 300, maxRuns: 5, maxMs: 300, warmupPasses: 1 },
    entraPages: { users: 100, apps: 10, maxRuns: 5, maxMs: 300, warmupPasses: 1 },
  },
}
