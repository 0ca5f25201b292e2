import { IDP_FLAGS, readIdpOptions } from '@sandbox/idp'
import {
  COMMON_FLAGS,
  ConfigError,
  createOptionReader,
  type FlagSpec,
  formatHelp,
  ListenError,
  parseCommandLine,
  readCommonServerOptions,
  StartupError,
  stopOnSignals,
  tuneServerHeap,
} from '@sandbox/shared'
import { readSpOptions, SP_FLAGS } from '@sandbox/sp'
import { formatReadyBanner } from './lib/ready-banner'
import { removeRunningRecord, writeRunningRecord } from './lib/running-record'
import { type SandboxConfig, startSandboxWithConfig } from './lib/start-sandbox'

const prefixed = (prefix: string, flags: readonly FlagSpec[]): FlagSpec[] =>
  flags.filter((f) => !COMMON_FLAGS.includes(f)).map((f) => ({ ...f, name: `${prefix}${f.name}` }))

const FLAGS: readonly FlagSpec[] = [
  ...prefixed('idp-', IDP_FLAGS),
  ...prefixed('sp-', SP_FLAGS),
  ...COMMON_FLAGS,
]

function loadSandboxConfig(argv: readonly string[]): SandboxConfig {
  const { raw, unknown } = parseCommandLine(argv, process.env, FLAGS)
  const reader = createOptionReader(raw)
  for (const flag of unknown) reader.problem(`Unknown option ${flag}; see --help.`)
  const common = readCommonServerOptions(reader, process.cwd())
  const idp = readIdpOptions(reader, common, 'idp-')
  const sp = readSpOptions(reader, common, 'sp-')
  if (idp.port !== 0 && idp.port === sp.port)
    reader.problem(`--idp-port and --sp-port are both ${idp.port}; give each server its own port.`)
  reader.finish()
  return Object.freeze({ idp, sp })
}

/** `pnpm start`: both servers in one process, then the ready banner. */
async function main(): Promise<void> {
  tuneServerHeap()
  const argv = process.argv.slice(2)
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp('Usage: pnpm start [options]', FLAGS))
    return
  }
  const config = loadSandboxConfig(argv)
  const sandbox = await startSandboxWithConfig(config)
  const dataDir = config.idp.dataDir
  stopOnSignals(async () => {
    if (dataDir) await removeRunningRecord(dataDir)
    await sandbox.close()
  })
  // How `pnpm rehearse` and `pnpm sandbox login|stop` find this sandbox.
  if (dataDir)
    await writeRunningRecord(dataDir, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      idp: { url: sandbox.idp.url, tenantId: sandbox.idp.tenantId, graphApiToken: sandbox.idp.graphApiToken },
      sp: { url: sandbox.sp.url, orgId: sandbox.sp.orgId, adminApiToken: sandbox.sp.adminApiToken },
    })
  process.stdout.write(
    formatReadyBanner({
      idpUrl: sandbox.idp.url,
      spUrl: sandbox.sp.url,
      tenantId: sandbox.idp.tenantId,
      orgId: sandbox.sp.orgId,
      dataDir: config.idp.dataDir,
      firstStart: sandbox.idp.firstStart,
      startupMs: Math.round(performance.now()),
      graphApiToken: sandbox.idp.graphApiToken,
      controlHubToken: sandbox.sp.adminApiToken,
    }),
  )
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  const known = error instanceof StartupError || error instanceof ListenError
  process.stderr.write(`${known ? (error as Error).message : (error as Error).stack}\n`)
  process.exit(1)
})
