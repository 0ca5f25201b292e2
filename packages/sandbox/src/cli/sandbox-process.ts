import { spawn } from 'node:child_process'
import { mkdirSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { IDP_DEFAULTS } from '@sandbox/idp'
import { COMMON_DEFAULTS, isProcessAlive, StartupError } from '@sandbox/shared'
import { SP_DEFAULTS } from '@sandbox/sp'
import { assertPortsFree } from '../port-probe'
import { cliHost, commandNames } from './cli-host'
import { suggestCommand } from './command-hints'
import { type FoundSandbox, findRunningSandbox } from './running-record'
import { SERVER_NODE_FLAGS } from './server-flags'

const READY_TIMEOUT_MS = 30_000

/** The end of a log file, for an error message. */
function lastLines(file: string, count = 6): string {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-count)
      .map((l) => `  ${l}`)
      .join('\n')
  } catch {
    return '  (no log)'
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** The ports a background sandbox listens on; unset ones come from the environment or the defaults. */
export interface BackgroundPorts {
  readonly idpPort?: number
  readonly spPort?: number
}

/** A port as the background server will read it: the flag, else its environment variable, else the default. */
function effectivePort(flag: number | undefined, envName: string, fallback: number): number {
  if (flag !== undefined) return flag
  const fromEnv = Number(process.env[envName])
  return process.env[envName] !== undefined && Number.isInteger(fromEnv) ? fromEnv : fallback
}

/**
 * The sandbox on `dataDir`: the one already running, or one started now in the background
 * (the `start` command, detached, its output in `{dataDir}/sandbox.log`) that keeps
 * running after this command ends. The `stop` command ends it.
 */
export async function ensureSandboxRunning(
  dataDir: string,
  ports: BackgroundPorts = {},
): Promise<{ record: FoundSandbox; startedNow: boolean; logFile: string }> {
  const logFile = join(dataDir, 'sandbox.log')
  const running = await findRunningSandbox(dataDir)
  if (running) return { record: running, startedNow: false, logFile }
  // Checked before the data directory (and its log) is created: a busy port leaves nothing behind.
  await assertPortsFree(COMMON_DEFAULTS.host, [
    {
      label: 'The Entra ID emulator',
      port: effectivePort(ports.idpPort, 'SANDBOX_IDP_PORT', IDP_DEFAULTS.port),
    },
    { label: 'The Webex emulator', port: effectivePort(ports.spPort, 'SANDBOX_SP_PORT', SP_DEFAULTS.port) },
  ])
  const launch = cliHost().backgroundStart()
  launch.prepare?.()
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const log = openSync(logFile, 'a', 0o600)
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      ...launch.args,
      '--data-dir',
      dataDir,
      ...(ports.idpPort === undefined ? [] : ['--idp-port', String(ports.idpPort)]),
      ...(ports.spPort === undefined ? [] : ['--sp-port', String(ports.spPort)]),
    ],
    {
      cwd: launch.cwd,
      detached: true,
      stdio: ['ignore', log, log],
    },
  )
  child.unref()
  const exited = new Promise<number | null>((done) => child.once('exit', done))
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    const record = await findRunningSandbox(dataDir)
    if (record) return { record, startedNow: true, logFile }
    const code = await Promise.race([exited, sleep(100).then(() => 'waiting' as const)])
    if (code !== 'waiting')
      throw new StartupError(
        `The sandbox did not start in the background (exit code ${code}). Its last words (${logFile}):\n${lastLines(logFile)}\nA sandbox started with --ephemeral or another --data-dir cannot be found from here: pass the same --data-dir, or stop it first (${suggestCommand(`${commandNames().tools} stop`, dataDir)}).`,
      )
  }
  throw new StartupError(
    `The sandbox did not become ready within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}.`,
  )
}

/** Stops the sandbox running on `dataDir`; false when none was running. */
export async function stopSandbox(dataDir: string): Promise<boolean> {
  const running = await findRunningSandbox(dataDir)
  if (!running) return false
  process.kill(running.pid, 'SIGTERM')
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (!isProcessAlive(running.pid)) return true
    await sleep(50)
  }
  throw new StartupError(
    `The sandbox (pid ${running.pid}) did not stop within 10 s; end it with kill ${running.pid}.`,
  )
}
