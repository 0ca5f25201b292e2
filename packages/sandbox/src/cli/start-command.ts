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
import { createCachedKeyPool, defaultKeyCacheDir } from '../key-cache'
import { loadScenarioInto } from '../scenario/scenario-sandbox'
import { type SandboxConfig, startSandboxWithConfig } from '../servers'
import { commandNames } from './cli-host'
import { formatReadyBanner } from './ready-banner'
import { readyLineOf } from './ready-line'
import { removeRunningRecord, writeRunningRecord } from './running-record'

const prefixed = (prefix: string, flags: readonly FlagSpec[]): FlagSpec[] =>
  flags.map((f) => ({ ...f, name: `${prefix}${f.name}` }))

/** Flags of `start` alone (the servers' own flags come from each server's options). */
const START_FLAGS: readonly FlagSpec[] = [
  {
    name: 'json',
    type: 'boolean',
    description:
      'Print one line of JSON once both servers listen (URLs, ids, tokens, admin credentials) instead of the banner, for a test runner to wait for.',
  },
  {
    name: 'scenario',
    type: 'string',
    description: 'A scenario file (YAML or JSON) to load once both servers are up.',
  },
]

const FLAGS: readonly FlagSpec[] = [
  ...prefixed('idp-', IDP_OPTIONS.ownFlags),
  ...prefixed('sp-', SP_OPTIONS.ownFlags),
  ...START_FLAGS,
  ...COMMON_FLAGS,
]

/** What `start` was asked for: the servers' configs and how to announce them. */
interface StartRequest {
  readonly servers: SandboxConfig
  readonly json: boolean
  /** A scenario file to load once both servers listen, or null. */
  readonly scenario: string | null
}

function loadStartRequest(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): StartRequest {
  return readCommandLine(argv, env, FLAGS, (reader) => {
    const common = readCommonServerOptions(reader, cwd)
    const idp = IDP_OPTIONS.read(reader, common, 'idp-')
    const sp = SP_OPTIONS.read(reader, common, 'sp-')
    if (idp.port !== 0 && idp.port === sp.port)
      reader.problem(`--idp-port and --sp-port are both ${idp.port}; give each server its own port.`)
    const json = reader.boolean({ flag: 'json' }, false)
    const scenario = reader.string({ flag: 'scenario', env: 'SANDBOX_SCENARIO' }, '')
    return Object.freeze({
      servers: Object.freeze({ idp, sp }),
      json,
      scenario: scenario ? resolve(cwd, scenario) : null,
    })
  })
}

/**
 * `start` (`sso-sandbox start`, `pnpm start`): both servers in one process until SIGINT or
 * SIGTERM, then the ready banner, or with `--json` the ready line. An ephemeral sandbox takes
 * its keys from the key cache, as `startSandbox()` does, so that a CI start is fast; a data
 * directory keeps its own keys.
 */
export function runStartCommand(argv: readonly string[]): void {
  runServerCommand({
    argv,
    usage: `Usage: ${commandNames().start} [options]`,
    options: { flags: FLAGS, load: loadStartRequest },
    start: async ({ servers, json, scenario }) => {
      const dataDir = servers.idp.dataDir
      const cachedKeys = dataDir === null ? createCachedKeyPool(defaultKeyCacheDir()) : null
      const sandbox = await startSandboxWithConfig(servers, cachedKeys ? { keys: cachedKeys.pool } : {})
      if (scenario) {
        try {
          await loadScenarioInto(sandbox, scenario)
        } catch (error) {
          await sandbox.close()
          await cachedKeys?.release()
          throw error
        }
      }
      return {
        sandbox,
        dataDir,
        json,
        close: async () => {
          if (dataDir) await removeRunningRecord(dataDir)
          await sandbox.close()
          await cachedKeys?.release()
        },
      }
    },
    announce: async ({ sandbox, dataDir, json }, startupMs) => {
      // How `rehearse`, `login` and `stop` find this sandbox.
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
      if (json) return `${JSON.stringify(readyLineOf(sandbox, dataDir, startupMs))}\n`
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
}
