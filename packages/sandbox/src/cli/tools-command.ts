import {
  ConfigError,
  createRuntime,
  DATA_DIR_FLAG,
  type FlagSpec,
  formatHelp,
  HELP_FLAG,
  readCommandLine,
  readDataDir,
  StartupError,
} from '@sandbox/shared'
import { exportCaCertificate } from './ca-export'
import { commandNames } from './cli-host'
import { runInspectCommand } from './inspect-command'
import { runLogin } from './login-command'
import { findRunningSandbox } from './running-record'
import { stopSandbox } from './sandbox-process'
import { sandboxTrust } from './sandbox-trust'
import { runStatusCommand } from './status-command'
import { runTraceCommand } from './trace-command'

/** The commands around a sandbox (running or not), one help line each (two for some). */
export const TOOLS_COMMAND_LINES = `  ca export [--out FILE] [--format pem|der]   Write the sandbox root CA, to trust it in a browser or OS store
            [--issuing]                       ... or the issuing CA, for a relying party that checks the chain
  inspect FILE|- [--json] [--cert …] …        Explain a SAML message, metadata or HAR offline, with the ACS checks (see --help)
  login --user UPN --password PW [--json]     Sign in to Webex through Entra without a browser (SP-initiated)
  trace [ID] [--json] [--export FILE]         One sign-in from both servers, step by step, with its diagnosis
  status [--steps] [--json]                   Say whether a sandbox runs on the data directory, and where;
                                              --steps: which tutorial steps are done (from both servers)
  stop                                        Stop the sandbox running on the data directory (started by
                                              start or in the background by rehearse)`

const usage = (tools: string) => `Usage: ${tools} <command> [options]

Commands:
${TOOLS_COMMAND_LINES}

Every command takes --help.`

/** The first words of every tools command. */
export const TOOLS_COMMANDS: readonly string[] = ['ca', 'inspect', 'login', 'trace', 'status', 'stop']

const CA_FLAGS: readonly FlagSpec[] = [
  {
    name: 'out',
    type: 'string',
    description:
      'File to write (default sandbox-root-ca.pem, sandbox-issuing-ca.pem with --issuing; .cer for DER).',
  },
  { name: 'format', type: 'string', description: 'pem (default) or der.' },
  {
    name: 'issuing',
    type: 'boolean',
    description: 'Write the issuing CA (the intermediate that issues every leaf) instead of the root.',
  },
  DATA_DIR_FLAG,
  HELP_FLAG,
]

async function caExport(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp(`Usage: ${commandNames().tools} ca export [options]`, CA_FLAGS))
    return
  }
  const { format, which, out, dataDir } = readCommandLine(argv, process.env, CA_FLAGS, (reader) => {
    const format = reader.oneOf({ flag: 'format' }, ['pem', 'der'] as const, 'pem')
    const which = reader.boolean({ flag: 'issuing' }, false) ? 'issuing' : 'root'
    const out = reader.string({ flag: 'out' }, `sandbox-${which}-ca.${format === 'der' ? 'cer' : 'pem'}`)
    return { format, which, out, dataDir: readDataDir(reader, process.cwd()) } as const
  })
  // Loads the CA from the data directory, creating it exactly as a first start would.
  const runtime = await createRuntime({ dataDir, reset: false })
  process.stdout.write(`${exportCaCertificate(runtime.ca, which, out, format)}\n`)
}

const DATA_DIR_FLAGS: readonly FlagSpec[] = [DATA_DIR_FLAG, HELP_FLAG]

const LOGIN_FLAGS: readonly FlagSpec[] = [
  { name: 'user', type: 'string', description: 'User principal name, e.g. B.Simon@contoso.com.' },
  {
    name: 'password',
    type: 'string',
    description: 'Password (env SANDBOX_PASSWORD keeps it out of shell history).',
  },
  {
    name: 'start-url',
    type: 'string',
    description: "Where sign-in starts (default: the Webex emulator's Sign-on URL). Any SP's works.",
  },
  {
    name: 'session-url',
    type: 'string',
    description: "URL describing the SP session (default: the Webex emulator's /api/v1/session).",
  },
  {
    name: 'json',
    type: 'boolean',
    description: 'Print the session, the decoded SAML messages and every hop as JSON.',
  },
  ...DATA_DIR_FLAGS,
]

async function login(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp(`Usage: ${commandNames().tools} login [options]`, LOGIN_FLAGS))
    return 0
  }
  const { username, password, startUrl, sessionUrl, json, dataDir } = readCommandLine(
    argv,
    process.env,
    LOGIN_FLAGS,
    (reader) => {
      const username = reader.string({ flag: 'user' }, '')
      const password = reader.string({ flag: 'password', env: 'SANDBOX_PASSWORD' }, '')
      if (!username) reader.problem('--user is required (the user principal name, e.g. B.Simon@contoso.com).')
      if (!password) reader.problem('--password (or SANDBOX_PASSWORD) is required.')
      return {
        username,
        password,
        startUrl: reader.url({ flag: 'start-url' }),
        sessionUrl: reader.url({ flag: 'session-url' }),
        json: reader.boolean({ flag: 'json' }, false),
        dataDir: readDataDir(reader, process.cwd()),
      }
    },
  )
  let start = startUrl
  let session = sessionUrl
  if (!start) {
    const running = await findRunningSandbox(dataDir)
    if (!running)
      throw new StartupError(
        `No sandbox is running on ${dataDir}. Start one with "${commandNames().start}" (or give --start-url for your own SP).`,
      )
    start = `${running.sp.url}/idb/Consumer/metaAlias/${running.sp.orgId}/sp`
    session = session ?? `${running.sp.url}/api/v1/session`
  }
  // Trusts the sandbox CA of the data directory, so a sandbox started with --https signs in too.
  const ca = await sandboxTrust(dataDir)
  const report = await runLogin({
    startUrl: start,
    username,
    password,
    sessionInfoUrl: session,
    ...(ca ? { ca } : {}),
  })
  process.stdout.write(json ? `${JSON.stringify(report.json, null, 2)}\n` : report.text)
  return report.ok ? 0 : 1
}

/** Reads a command line that takes only --data-dir (status, stop). */
function dataDirOnly(argv: readonly string[]): string {
  return readCommandLine(argv, process.env, DATA_DIR_FLAGS, (reader) => readDataDir(reader, process.cwd()))
}

const stopUsage = () => `Usage: ${commandNames().tools} stop [options]

Stops the sandbox running on the data directory, however it was started: ${commandNames().start} in another
terminal, or ${commandNames().rehearse} in the background. Its state stays in the data directory.`

async function stop(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp(stopUsage(), DATA_DIR_FLAGS))
    return 0
  }
  const dataDir = dataDirOnly(argv)
  const stopped = await stopSandbox(dataDir)
  process.stdout.write(stopped ? 'Stopped the sandbox.\n' : `No sandbox is running on ${dataDir}.\n`)
  return 0
}

/**
 * The tools around a sandbox (`sso-sandbox <command>`, `pnpm sandbox <command>`): ca export,
 * inspect, login, trace, status and stop. Resolves with the exit code.
 */
export async function runToolsCommand(argv: readonly string[]): Promise<number> {
  const [group, command, ...rest] = argv
  if (group === 'ca' && command === 'export') return caExport(rest).then(() => 0)
  if (group === 'ca' && (command === undefined || command === '--help')) {
    process.stdout.write(formatHelp(`Usage: ${commandNames().tools} ca export [options]`, CA_FLAGS))
    return 0
  }
  if (group === 'inspect') return runInspectCommand(argv.slice(1))
  if (group === 'login') return login(argv.slice(1))
  if (group === 'trace') return runTraceCommand(argv.slice(1))
  if (group === 'status') return runStatusCommand(argv.slice(1))
  if (group === 'stop') return stop(argv.slice(1))
  if (!group || group === '--help' || group === 'help') {
    process.stdout.write(`${usage(commandNames().tools)}\n`)
    return 0
  }
  throw new ConfigError([`Unknown command "${argv.slice(0, 2).join(' ')}".`, usage(commandNames().tools)])
}
