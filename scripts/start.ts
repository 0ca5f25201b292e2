import { IDP_OPTIONS } from '@sandbox/idp'
import {
  COMMON_FLAGS,
  type FlagSpec,
  readCommandLine,
  readCommonServerOptions,
  runServerCommand,
} from '@sandbox/shared'
import { SP_OPTIONS } from '@sandbox/sp'
import { formatReadyBanner } from './lib/ready-banner'
import { removeRunningRecord, writeRunningRecord } from './lib/running-record'
import { type SandboxConfig, startSandboxWithConfig } from './lib/start-sandbox'

const prefixed = (prefix: string, flags: readonly FlagSpec[]): FlagSpec[] =>
  flags.map((f) => ({ ...f, name: `${prefix}${f.name}` }))

const FLAGS: readonly FlagSpec[] = [
  ...prefixed('idp-', IDP_OPTIONS.ownFlags),
  ...prefixed('sp-', SP_OPTIONS.ownFlags),
  ...COMMON_FLAGS,
]

function loadSandboxConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): SandboxConfig {
  return readCommandLine(argv, env, FLAGS, (reader) => {
    const common = readCommonServerOptions(reader, cwd)
    const idp = IDP_OPTIONS.read(reader, common, 'idp-')
    const sp = SP_OPTIONS.read(reader, common, 'sp-')
    if (idp.port !== 0 && idp.port === sp.port)
      reader.problem(`--idp-port and --sp-port are both ${idp.port}; give each server its own port.`)
    return Object.freeze({ idp, sp })
  })
}

/** `pnpm start`: both servers in one process, then the ready banner. */
runServerCommand({
  usage: 'Usage: pnpm start [options]',
  options: { flags: FLAGS, load: loadSandboxConfig },
  start: async (config) => {
    const sandbox = await startSandboxWithConfig(config)
    const dataDir = config.idp.dataDir
    return {
      sandbox,
      dataDir,
      close: async () => {
        if (dataDir) await removeRunningRecord(dataDir)
        await sandbox.close()
      },
    }
  },
  announce: async ({ sandbox, dataDir }, startupMs) => {
    // How `pnpm rehearse` and `pnpm sandbox login|stop` find this sandbox.
    if (dataDir)
      await writeRunningRecord(dataDir, {
        pid: process.pid,
        startedAt: new Date().toISOString(),
        idp: {
          url: sandbox.idp.url,
          tenantId: sandbox.idp.tenantId,
          graphApiToken: sandbox.idp.graphApiToken,
        },
        sp: {
          url: sandbox.sp.url,
          orgId: sandbox.sp.orgId,
          adminApiToken: sandbox.sp.adminApiToken,
          controlHubAdmin: sandbox.sp.controlHubAdmin,
        },
      })
    return formatReadyBanner({
      idpUrl: sandbox.idp.url,
      spUrl: sandbox.sp.url,
      tenantId: sandbox.idp.tenantId,
      orgId: sandbox.sp.orgId,
      dataDir,
      firstStart: sandbox.idp.firstStart,
      startupMs,
      graphApiToken: sandbox.idp.graphApiToken,
      controlHubToken: sandbox.sp.adminApiToken,
      controlHubAdmin: sandbox.sp.controlHubAdmin,
      controlHubAdminCreated: sandbox.sp.controlHubAdminCreated,
    })
  },
})
