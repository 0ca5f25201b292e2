// `pnpm bench`: the sandbox's speed and memory benchmark. Measures the crypto floor, samlify's stock path, our
// sign-in path (in-process and over loopback), start-up and memory in one run, and prints
// every figure with the ratios between them. Load goes to 127.0.0.1 only and is bounded.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, platform, release } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateRsaKeyPair } from '@sandbox/shared'
import { bundleBenchEntries } from './bundle'
import { measureControlHubPages } from './control-hub-pages'
import { measureEntraPages } from './entra-pages'
import { measureFloor } from './floor'
import { measureInProcess, measureLoopback } from './our-path'
import { BENCH_PROFILES, type BenchProfile } from './profiles'
import { measureProvisioning } from './provisioning-load'
import { type BenchReport, buildReport, formatReport } from './report'
import { measureSandboxStart, measureStartup } from './startup'
import { measureStock } from './stock'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const DEFAULT_JSON = '.bench/results.json'

const HELP = `Usage: pnpm bench [--quick] [--json [FILE]]

Measures, in one run: the crypto floor (native RSA-2048, exc-c14n + SHA-256), samlify's stock
sign-in with its xmllint-wasm validator, our SP-initiated sign-in in-process and over loopback
HTTP (servers in child processes) at concurrency 1, 8 and 32, start-up cold and warm, and each
server's RSS after 5 000 and 10 000 sign-ins, and the provisioning engine's initial cycle of 5 000
users against the Webex emulator's SCIM server, and the server time of Control Hub's pages with
5 000 users against the same pages with 50, and the server time of the Entra admin center's pages
with 1 000 users and 200 apps against a small tenant. Prints a table with medians, spreads and ratios.

  --quick        a small run (seconds; what the test suite runs): the same figures, fewer samples
  --json [FILE]  also write every figure as JSON to FILE (default ${DEFAULT_JSON})
  --help         this text
`

/** Parsed command line of `pnpm bench`. */
export interface BenchOptions {
  readonly quick: boolean
  readonly jsonFile: string | null
}

/** Reads the command line; unknown options are an error that says what is accepted. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | { help: true } | { error: string } {
  let quick = false
  let jsonFile: string | null = null
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') return { help: true }
    if (arg === '--quick') quick = true
    else if (arg === '--json') {
      const next = argv[i + 1]
      if (next !== undefined && !next.startsWith('--')) {
        jsonFile = next
        i += 1
      } else jsonFile = DEFAULT_JSON
    } else return { error: `Unknown option ${arg}. Options: --quick, --json [FILE], --help.` }
  }
  return { quick, jsonFile }
}

/** Runs every measurement with `profile`'s bounds and returns the report. */
export async function runBench(
  profile: BenchProfile,
  options: { mode: 'full' | 'quick'; rebuildDist: boolean; log?: (line: string) => void },
): Promise<BenchReport> {
  const progress = options.log ?? ((line: string) => process.stderr.write(`bench: ${line}\n`))
  const { mode } = options
  const began = performance.now()
  progress('building dist/ and the benchmark server')
  const childScript = await bundleBenchEntries(ROOT, { rebuildDist: options.rebuildDist })
  const [idpKey, spKey] = await Promise.all([generateRsaKeyPair(), generateRsaKeyPair()])
  progress('crypto floor')
  const floor = await measureFloor(idpKey, profile.floorMs)
  progress(`stock samlify (≤ ${profile.stock.maxRuns} sign-ins, ≤ ${profile.stock.maxMs / 1000} s)`)
  const stock = await measureStock({ idp: idpKey, sp: spKey }, profile.stock)
  progress(`start-up, ${profile.startupRuns} cold and warm run(s) per entry point`)
  const startup = await measureStartup(ROOT, profile.startupRuns)
  const sandboxStart = await measureSandboxStart(profile.startupRuns)
  progress('our sign-in, in-process')
  const inProcess = await measureInProcess(profile.inProcess)
  progress('our sign-in over loopback HTTP, then the memory run')
  const loopback = await measureLoopback(childScript, profile.loopback, profile.memory)
  progress(`provisioning: an initial cycle of ${profile.provisioning.users} users over loopback SCIM`)
  const provisioning = await measureProvisioning(childScript, profile.provisioning)
  progress(`Control Hub pages with ${profile.controlHubPages.users} users, in-process`)
  const controlHubPages = await measureControlHubPages(profile.controlHubPages)
  const { users, apps } = profile.entraPages
  progress(`Entra admin center pages with ${users} users and ${apps} apps, in-process`)
  const entraPages = await measureEntraPages(profile.entraPages)
  const cpuList = cpus()
  return buildReport(
    {
      date: new Date().toISOString(),
      mode,
      node: process.version,
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown CPU',
      platform: `${platform()} ${release()}`,
      durationMs: performance.now() - began,
    },
    { floor, stock, inProcess, loopback, startup, sandboxStart, provisioning, controlHubPages, entraPages },
  )
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2))
  if ('help' in options) {
    process.stdout.write(HELP)
    return
  }
  if ('error' in options) {
    process.stderr.write(`${options.error}\n`)
    process.exit(2)
  }
  const mode = options.quick ? 'quick' : 'full'
  const report = await runBench(BENCH_PROFILES[mode], { mode, rebuildDist: true })
  process.stdout.write(formatReport(report))
  if (options.jsonFile) {
    const file = resolve(process.cwd(), options.jsonFile)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
    process.stderr.write(`bench: wrote ${options.jsonFile}\n`)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  })
}
