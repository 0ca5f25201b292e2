import {
  type FlagSpec,
  formatHelp,
  HELP_FLAG,
  readCommandLine,
  readDataDir,
  runCommand,
} from '@sandbox/shared'
import {
  ApiError,
  BREAK_CASES,
  findBreakCase,
  rehearse,
  silentOutput,
  TUTORIAL_STEPS,
  textOutput,
} from 'sso-rehearsal-sandbox'
import { ensureSandboxRunning } from '../lib/sandbox-process'

const FLAGS: readonly FlagSpec[] = [
  { name: 'from-scratch', type: 'boolean', description: 'Reset both servers first.' },
  {
    name: 'step',
    type: 'string',
    description: `Stop after step N (1-${TUTORIAL_STEPS.length}), leaving the sandbox ready for a demo at that point.`,
  },
  {
    name: 'json',
    type: 'boolean',
    description: 'Print a machine-readable log of every step instead of text.',
  },
  { name: 'break', type: 'string', description: 'Run a break-it exercise (see --list-breaks).' },
  { name: 'list-breaks', type: 'boolean', description: 'List the break-it exercises.' },
  {
    name: 'data-dir',
    type: 'string',
    description: 'Data directory of the sandbox to use or start (default ./.sandbox). Env SANDBOX_DATA_DIR.',
  },
  HELP_FLAG,
]

const USAGE = `Usage: pnpm rehearse [options]

Runs the tutorial "Microsoft Entra SSO integration with Cisco Webex" against the sandbox
(started in the background if it is not running), step by step.`

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp(USAGE, FLAGS))
    return 0
  }
  const { lastStep, json, fromScratch, dataDir, breakCase, listBreaks } = readCommandLine(
    argv,
    process.env,
    FLAGS,
    (reader, raw) => {
      const lastStep = reader.integer({ flag: 'step' }, TUTORIAL_STEPS.length, {
        min: 1,
        max: TUTORIAL_STEPS.length,
      })
      const json = reader.boolean({ flag: 'json' }, false)
      const fromScratch = reader.boolean({ flag: 'from-scratch' }, false)
      const breakName = reader.string({ flag: 'break' }, '')
      const dataDir = readDataDir(reader, process.cwd())
      const breakCase = breakName ? findBreakCase(breakName) : undefined
      if (breakName && !breakCase)
        reader.problem(
          `--break ${breakName} is not an exercise; one of: ${BREAK_CASES.map((c) => c.name).join(', ')}.`,
        )
      if (breakCase && raw.flags.step !== undefined) reader.problem('--step and --break cannot be combined.')
      const listBreaks = reader.boolean({ flag: 'list-breaks' }, false)
      return { lastStep, json, fromScratch, dataDir, breakCase, listBreaks }
    },
  )
  if (listBreaks) {
    for (const c of BREAK_CASES) process.stdout.write(`  ${c.name.padEnd(38)}${c.mistake}\n`)
    return 0
  }

  const write = (text: string) => process.stdout.write(text)
  const sandbox = await ensureSandboxRunning(dataDir)
  const { record } = sandbox
  if (!json) {
    write(
      sandbox.startedNow
        ? `Started the sandbox in the background (pid ${record.pid}; log ${sandbox.logFile}). Stop it with "pnpm sandbox stop".\n`
        : `Using the sandbox running at ${record.idp.url} (Entra) and ${record.sp.url} (Webex).\n`,
    )
    if (breakCase) write(`Break-it exercise "${breakCase.name}": ${breakCase.mistake}\n`)
  }
  const result = await rehearse(
    {
      idp: { baseUrl: record.idp.url, token: record.idp.graphApiToken },
      sp: { baseUrl: record.sp.url, token: record.sp.adminApiToken },
    },
    {
      fromScratch,
      lastStep,
      ...(breakCase ? { breakCase } : {}),
      output: json ? silentOutput : textOutput(write),
    },
  )
  if (json) {
    const log = {
      ok: result.ok,
      sandbox: {
        idpUrl: record.idp.url,
        spUrl: record.sp.url,
        startedNow: sandbox.startedNow,
        pid: record.pid,
      },
      ...(breakCase ? { break: breakCase.name } : {}),
      steps: result.logs,
    }
    write(`${JSON.stringify(log, null, 2)}\n`)
  } else if (result.ok) {
    write(
      breakCase
        ? '\nThe exercise showed its symptom. Restore the setup with "pnpm rehearse --from-scratch".\n'
        : lastStep < TUTORIAL_STEPS.length
          ? `\nStopped after step ${lastStep}, as asked: the sandbox is ready for a demo from step ${lastStep + 1}.\n`
          : '\nEvery step worked: B.Simon is signed in to Webex three ways.\n',
    )
  }
  return result.ok ? 0 : 1
}

runCommand(() => main(process.argv.slice(2)), { explained: [ApiError] })
