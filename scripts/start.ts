import { resolve } from 'node:path'
import { IDP_OPTIONS } from '@sandbox/idp'
import {
  COMMON_FLAGS,
  type FlagSpec,
  readCommandLine,
  readCommonServerOptions,
  runServerCommand,
} from '@sandbox/shared'
import { SP_OPTIONS } from '@sandbox/sp'
import { loadScenarioInto, type SandboxConfig, startSandboxWithConfig } from 'sso-rehearsal-sandbox'
import { formatReadyBanner } from './lib/ready-banner'
import { removeRunningRecord, writeRunningRecord } from './lib/running-record'

const prefixed = (prefix: string, flags: readonly FlagSpec[]): FlagSpec[] =>
  flags.map((f) => ({ ...f, name: `${prefix}${f.name}` }))

const FLAGS: readonly FlagSpec[] = [
  ...prefixed('idp-', IDP_OPTIONS.ownFlags),
  ...prefixed('sp-', SP_OPTIONS.ownFlags),
  ...COMMON_FLAGS,
  {
    name: 'scenario',
    type: 'string',
    description: 'A scenario file (YAML or JSON) to load once both servers are up.',
  },
]

function loadSandboxConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): SandboxConfig & { readonly scenario: string | null } {
  return readCommandLine(argv, env, FLAGS, (reader) => {
    const common = readCommonServerOptions(reader, cwd)
    const idp = IDP_OPTIONS.read(reader, common, 'idp-')
    const sp = SP_OPTIONS.read(reader, common, 'sp-')
    if (idp.port !== 0 && idp.port === sp.port)
      reader.problem(`--idp-port and --sp-port are both ${idp.port}; give each server its own port.`)
    const scenario = reader.string({ flag: 'scenario', env: 'SANDBOX_SCENARIO' }, '')
    return Object.freeze({ idp, sp, scenario: scenario ? resolve(cwd, scenario) : null })
  })
}

/** `pnpm start`: both servers in one process, then the ready banner. */
runServerCommand({
  usage: 'Usage: pnpm start [options]',
  options: { flags: FLAGS, load: loadSandboxConfig },
  start: async (config) => {
    const sandbox = await startSandboxWithConfig(config)
    if (config.scenario) {
      try {
        await loadScenarioInto(sandbox, config.scenario)
      } catch (error) {
        await sandbox.close()
        throw error
      }
    }
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
