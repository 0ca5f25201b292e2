import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  ConfigError,
  type FlagSpec,
  formatHelp,
  readCommandLine,
  readDataDir,
  StartupError,
} from '@sandbox/shared'
import { combinedTrace, formatCombinedTrace, requestJson, type SandboxTarget } from '../index'
import { commandNames } from './cli-host'
import { findRunningSandbox } from './running-record'

/**
 * `trace [ID]`: one sign-in as both servers traced it, joined by its trace id (the AuthnRequest
 * ID), with the SAML inspector's diagnosis; `--export FILE` writes both sides as one HAR file
 * without secrets, which `pnpm sandbox inspect FILE` reads. Without ID: Webex's latest sign-in.
 * Exit status: 0 the sign-in succeeded, 1 it failed, 2 no such trace or no sandbox running.
 */

const usage = () => `Usage: ${commandNames().tools} trace [ID] [--json] [--export FILE] [--data-dir DIR]`

const TRACE_FLAGS: readonly FlagSpec[] = [
  { name: 'json', type: 'boolean', description: 'Print both traces and the diagnosis as JSON.' },
  { name: 'export', type: 'string', description: 'Write both sides as one HAR file (secrets redacted).' },
  {
    name: 'data-dir',
    type: 'string',
    description: "The running sandbox's data directory (default .sandbox).",
  },
  { name: 'help', type: 'boolean', description: 'Show this help.' },
]

/** The id of Webex's most recent traced sign-in, or null. */
async function latestTraceId(target: SandboxTarget): Promise<string | null> {
  const { traces } = await requestJson<{ traces: { id: string }[] }>(target.sp, {
    method: 'GET',
    path: '/api/v1/traces?limit=1',
  })
  return traces[0]?.id ?? null
}

/** Runs the command against a sandbox's two admin APIs; the CLI and the rehearsal call it. */
export async function runTrace(
  target: SandboxTarget,
  options: { readonly id: string | null; readonly json: boolean; readonly exportTo: string | null },
  write: (text: string) => void,
): Promise<number> {
  const id = options.id ?? (await latestTraceId(target))
  if (!id) {
    write(`No sign-in has been traced yet: sign in (${commandNames().tools} login, or from Webex) first.\n`)
    return 2
  }
  const trace = await combinedTrace(target, id)
  if (!trace) {
    write(
      `Neither server has a trace "${id}". Traces are kept in memory for the last 500 sign-ins; list them with GET /api/v1/traces (Webex) or /sandbox/api/traces (Entra).\n`,
    )
    return 2
  }
  if (options.exportTo)
    await writeFile(options.exportTo, `${JSON.stringify(trace.har, null, 2)}\n`, { mode: 0o600 })
  write(
    options.json
      ? `${JSON.stringify({ idp: trace.idp, sp: trace.sp, diagnosis: trace.diagnosis }, null, 2)}\n`
      : formatCombinedTrace(trace),
  )
  if (options.exportTo && !options.json)
    write(
      `Wrote ${options.exportTo}: inspect it with "${commandNames().tools} inspect ${options.exportTo}".\n`,
    )
  const failed = trace.sp?.outcome === 'failure' || trace.idp?.outcome === 'failure'
  return failed ? 1 : 0
}

/** `pnpm sandbox trace …` from the command line. */
export async function runTraceCommand(argv: readonly string[]): Promise<number> {
  // The trace id, when given, comes first (like inspect's FILE).
  const id = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : null
  const flags = readCommandLine(id === null ? argv : argv.slice(1), process.env, TRACE_FLAGS, (reader) => {
    const exportTo = reader.string({ flag: 'export' }, '')
    return {
      help: reader.boolean({ flag: 'help' }, false),
      id,
      json: reader.boolean({ flag: 'json' }, false),
      exportTo: exportTo ? resolve(process.cwd(), exportTo) : null,
      dataDir: readDataDir(reader, process.cwd()),
    }
  })
  if (flags.help) {
    process.stdout.write(`${formatHelp(usage(), TRACE_FLAGS)}\n`)
    return 0
  }
  const running = await findRunningSandbox(flags.dataDir)
  if (!running)
    throw new StartupError(
      `No sandbox is running on ${flags.dataDir}. Start one with "${commandNames().start}".`,
    )
  const target = {
    idp: { baseUrl: running.idp.url, token: running.idp.graphApiToken },
    sp: { baseUrl: running.sp.url, token: running.sp.adminApiToken },
  }
  try {
    return await runTrace(target, flags, (text) => process.stdout.write(text))
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new StartupError((error as Error).message)
  }
}
