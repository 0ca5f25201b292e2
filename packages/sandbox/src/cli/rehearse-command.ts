import {
  type FlagSpec,
  formatHelp,
  HELP_FLAG,
  readCommandLine,
  readDataDir,
  readTutorialState,
} from '@sandbox/shared'
import {
  BREAK_CASES,
  findBreakCase,
  PROVISIONING_STEPS,
  rehearse,
  silentOutput,
  TUTORIAL_STEPS,
  textOutput,
} from '../index'
import { commandNames } from './cli-host'
import { suggestCommand } from './command-hints'
import { apiTargetsOf } from './running-record'
import { ensureSandboxRunning } from './sandbox-process'
import { formatTutorialState } from './status-command'

const FLAGS: readonly FlagSpec[] = [
  { name: 'from-scratch', type: 'boolean', description: 'Reset both servers first.' },
  {
    name: 'provisioning',
    type: 'boolean',
    description:
      'Provision B.Simon to Webex with Entra automatic provisioning (SCIM) instead of creating the Webex user by hand.',
  },
  {
    name: 'step',
    type: 'string',
    description: `Stop after step N (1-${TUTORIAL_STEPS.length}, or 1-${PROVISIONING_STEPS.length} with --provisioning), leaving the sandbox ready for a demo at that point.`,
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
  {
    name: 'idp-port',
    type: 'string',
    description:
      'Port of the Entra ID emulator when a sandbox is started in the background (default 7070, 0 = any free port).',
  },
  {
    name: 'sp-port',
    type: 'string',
    description:
      'Port of the Webex emulator when a sandbox is started in the background (default 7080, 0 = any free port).',
  },
  HELP_FLAG,
]

const usage = () => `Usage: ${commandNames().rehearse} [options]

Runs the tutorial "Microsoft Entra SSO integration with Cisco Webex" against the sandbox
(started in the background if it is not running), step by step.`

/** `rehearse` (`sso-sandbox rehearse`, `pnpm rehearse`): the tutorial, step by step, against the sandbox. */
export async function runRehearseCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp(usage(), FLAGS))
    return 0
  }
  const { lastStep, json, fromScratch, dataDir, breakCase, listBreaks, ports, provisioning } =
    readCommandLine(argv, process.env, FLAGS, (reader, raw) => {
      const provisioning = reader.boolean({ flag: 'provisioning' }, false)
      const stepCount = provisioning ? PROVISIONING_STEPS.length : TUTORIAL_STEPS.length
      const lastStep =
        raw.flags.step === undefined
          ? undefined
          : reader.integer({ flag: 'step' }, stepCount, { min: 1, max: stepCount })
      const port = (flag: string) =>
        raw.flags[flag] === undefined ? undefined : reader.integer({ flag }, 0, { min: 0, max: 65535 })
      const ports = { idpPort: port('idp-port'), spPort: port('sp-port') }
      if (ports.idpPort && ports.idpPort === ports.spPort)
        reader.problem(`--idp-port and --sp-port are both ${ports.idpPort}; give each server its own port.`)
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
      // An exercise brings its own steps: the provisioning ones build on --provisioning's.
      if (breakCase && provisioning)
        reader.problem(
          '--provisioning and --break cannot be combined (the provisioning-… exercises provision).',
        )
      const listBreaks = reader.boolean({ flag: 'list-breaks' }, false)
      return { lastStep, json, fromScratch, dataDir, breakCase, listBreaks, ports, provisioning }
    })
  if (listBreaks) {
    const width = Math.max(...BREAK_CASES.map((c) => c.name.length)) + 2
    for (const c of BREAK_CASES) process.stdout.write(`  ${c.name.padEnd(width)}${c.mistake}\n`)
    return 0
  }

  const write = (text: string) => process.stdout.write(text)
  const sandbox = await ensureSandboxRunning(dataDir, {
    ...(ports.idpPort === undefined ? {} : { idpPort: ports.idpPort }),
    ...(ports.spPort === undefined ? {} : { spPort: ports.spPort }),
  })
  const stopHint = suggestCommand(`${commandNames().tools} stop`, dataDir)
  const recovery = `To get back to the clean tutorial set-up: ${suggestCommand(`${commandNames().rehearse} --from-scratch`, dataDir)}${breakCase ? '' : ' (or run an exercise with --break NAME: each starts from its own clean set-up)'}.`
  const { record } = sandbox
  if (!json) {
    write(
      sandbox.startedNow
        ? `Started the sandbox in the background (pid ${record.pid}; log ${sandbox.logFile}). Stop it with "${stopHint}".\n`
        : `Using the sandbox running at ${record.idp.url} (Entra) and ${record.sp.url} (Webex).\n`,
    )
    if (breakCase) write(`Break-it exercise "${breakCase.name}": ${breakCase.mistake}\n`)
  }
  const targets = apiTargetsOf(record)
  const result = await rehearse(targets, {
    fromScratch,
    ...(lastStep === undefined ? {} : { lastStep }),
    provisioning,
    ...(breakCase ? { breakCase } : {}),
    output: json ? silentOutput : textOutput(write),
  })
  // A failure says what state it found: the tutorial's steps as both servers report them.
  const found = result.ok
    ? undefined
    : await readTutorialState({
        entra: targets.idp,
        webex: targets.sp,
        ...(record.ca ? { ca: record.ca } : {}),
      })
  if (json) {
    const log = {
      ok: result.ok,
      sandbox: {
        idpUrl: record.idp.url,
        spUrl: record.sp.url,
        startedNow: sandbox.startedNow,
        pid: record.pid,
      },
      ...(breakCase ? { break: breakCase.name, symptomShown: result.symptomShown } : {}),
      provisioning,
      steps: result.logs,
      ...(found ? { found, recovery } : {}),
    }
    write(`${JSON.stringify(log, null, 2)}\n`)
  } else if (found) {
    write(
      breakCase && result.logs.at(-1)?.status === 'passed'
        ? '\nThe exercise stopped before its symptom could be observed.\n'
        : '\n',
    )
    write(`What the sandbox is like now:\n${formatTutorialState(found)}${recovery}\n`)
  } else {
    write(
      breakCase
        ? `\nThe exercise showed its symptom: ${breakCase.expected.shows}. The sandbox stays broken for the class to fix. ${recovery}\n`
        : lastStep !== undefined && lastStep < (provisioning ? PROVISIONING_STEPS : TUTORIAL_STEPS).length
          ? `\nStopped after step ${lastStep}, as asked: the sandbox is ready for a demo from step ${lastStep + 1}.\n`
          : '\nEvery step worked: B.Simon is signed in to Webex three ways.\n',
    )
  }
  return result.ok ? 0 : 1
}
