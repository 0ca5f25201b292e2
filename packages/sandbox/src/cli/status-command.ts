import {
  DATA_DIR_FLAG,
  type FlagSpec,
  formatHelp,
  HELP_FLAG,
  readCommandLine,
  readDataDir,
  readTutorialState,
  TRAINING_EXERCISES,
  type TutorialState,
} from '@sandbox/shared'
import { commandNames } from './cli-host'
import { apiTargetsOf, findRunningSandbox } from './running-record'

const FLAGS: readonly FlagSpec[] = [
  {
    name: 'steps',
    type: 'boolean',
    description: 'Also say which tutorial steps are done, from the state of both servers (read-only).',
  },
  { name: 'json', type: 'boolean', description: 'Print the status (and the steps) as JSON.' },
  DATA_DIR_FLAG,
  HELP_FLAG,
]

const usage = () => `Usage: ${commandNames().tools} status [options]

Says whether a sandbox runs on the data directory, and where (exit 0; 3 when none runs). With
--steps, which steps of the tutorial are done, computed from the real state of both servers.`

const mark = (done: boolean | null) => (done === true ? '[x]' : done === false ? '[ ]' : '[?]')

/** The steps as a person reads them: one line a step, its sub-steps under it, then the provisioning part. */
export function formatTutorialState(state: TutorialState): string {
  const lines: string[] = []
  for (const reading of [state.entra, state.webex]) if (!reading.up) lines.push(`Down: ${reading.reason}`)
  for (const step of state.steps) {
    lines.push(`${mark(step.done)} ${step.step}. ${step.title}`)
    for (const sub of step.subSteps) lines.push(`      ${mark(sub.done)} ${sub.title}`)
  }
  // The optional part after the 7 steps, outside the count: B Simon may be added by hand instead.
  const { provisioning } = state
  lines.push(`${mark(provisioning.done)} Automatic user provisioning (optional): ${provisioning.title}`)
  for (const sub of provisioning.subSteps) lines.push(`      ${mark(sub.done)} ${sub.title}`)
  lines.push(
    state.nextStep === null
      ? state.steps.every((s) => s.done === true)
        ? 'Every step is done.'
        : 'Some steps cannot be told while a server is down ([?]).'
      : `Next: step ${state.nextStep}.`,
  )
  return `${lines.join('\n')}\n`
}

/** `pnpm sandbox status [--steps] [--json]`. */
export async function runStatusCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(formatHelp(usage(), FLAGS))
    return 0
  }
  const { dataDir, steps, json } = readCommandLine(argv, process.env, FLAGS, (reader) => ({
    dataDir: readDataDir(reader, process.cwd()),
    steps: reader.boolean({ flag: 'steps' }, false),
    json: reader.boolean({ flag: 'json' }, false),
  }))
  const running = await findRunningSandbox(dataDir)
  if (!running) {
    process.stdout.write(
      json
        ? `${JSON.stringify({ running: false, dataDir }, null, 2)}\n`
        : `No sandbox is running on ${dataDir}.\n`,
    )
    return 3
  }
  const targets = apiTargetsOf(running)
  const state = steps
    ? await readTutorialState({
        entra: targets.idp,
        webex: targets.sp,
        ...(running.ca ? { ca: running.ca } : {}),
      })
    : undefined
  if (json) {
    const exercises = state
      ? TRAINING_EXERCISES.map((e) => ({ id: e.id, fixed: e.isFixed(state) }))
      : undefined
    const answer = {
      running: true,
      pid: running.pid,
      startedAt: running.startedAt,
      entraUrl: running.idp.url,
      webexUrl: running.sp.url,
      ...(state ? { tutorial: state, exercises } : {}),
    }
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`)
  } else {
    process.stdout.write(
      `Running (pid ${running.pid}, since ${running.startedAt}): Entra ${running.idp.url}, Webex ${running.sp.url}\n`,
    )
    if (state) process.stdout.write(formatTutorialState(state))
  }
  return 0
}
