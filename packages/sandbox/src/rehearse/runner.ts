/**
 * Runs the tutorial as a list of steps. Each step reports what it did and produced; the first
 * failure stops the run with what was expected, what happened, and how to fix it.
 */

/** A value a step produced (ids, URLs, thumbprints), printed and kept in the JSON log. */
export type Artefacts = Record<string, string | number | boolean | null>

/** Why a step failed, in the words a person needs. */
export interface StepProblem {
  readonly expected: string
  readonly happened: string
  readonly fix: string
}

/** Thrown by a step (through {@link fail}) to stop the rehearsal with a {@link StepProblem}. */
export class RehearsalFailure extends Error {
  constructor(readonly problem: StepProblem) {
    super(problem.happened)
    this.name = 'RehearsalFailure'
  }
}

/** Stops the current step with a clear problem. */
export function fail(problem: StepProblem): never {
  throw new RehearsalFailure(problem)
}

/** What a step can do while it runs: say what happened, record artefacts. */
export interface StepReporter {
  /** One line of what was just done, e.g. "Uploaded the Webex metadata: Identifier filled in". */
  did(line: string): void
  produced(artefacts: Artefacts): void
}

/** One tutorial step. */
export interface Step<C> {
  readonly title: string
  run(context: C, report: StepReporter): Promise<void>
}

/** The log of one step, as printed with --json. */
export interface StepLog {
  readonly step: number
  readonly title: string
  readonly status: 'passed' | 'failed'
  readonly ms: number
  readonly actions: string[]
  readonly produced: Artefacts
  readonly problem?: StepProblem
}

/** Where the runner writes as it goes (text mode) or at the end (JSON mode). */
export interface RunnerOutput {
  stepStarted(index: number, total: number, title: string): void
  action(line: string): void
  artefact(name: string, value: Artefacts[string]): void
  stepFinished(log: StepLog): void
}

/** Runs `steps` in order up to `lastStep`, stopping at the first failure. */
export async function runSteps<C>(
  steps: readonly Step<C>[],
  context: C,
  output: RunnerOutput,
  lastStep: number = steps.length,
): Promise<{ ok: boolean; logs: StepLog[] }> {
  const logs: StepLog[] = []
  for (const [index, step] of steps.slice(0, lastStep).entries()) {
    const actions: string[] = []
    const produced: Artefacts = {}
    const started = performance.now()
    output.stepStarted(index + 1, steps.length, step.title)
    const reporter: StepReporter = {
      did: (line) => {
        actions.push(line)
        output.action(line)
      },
      produced: (artefacts) => {
        for (const [name, value] of Object.entries(artefacts)) {
          produced[name] = value
          output.artefact(name, value)
        }
      },
    }
    let problem: StepProblem | undefined
    try {
      await step.run(context, reporter)
    } catch (error) {
      problem =
        error instanceof RehearsalFailure
          ? error.problem
          : {
              expected: 'the step to complete',
              happened: (error as Error).message,
              fix: 'This is a sandbox bug; please report it with the output above.',
            }
    }
    const log: StepLog = {
      step: index + 1,
      title: step.title,
      status: problem ? 'failed' : 'passed',
      ms: Math.round(performance.now() - started),
      actions,
      produced,
      ...(problem ? { problem } : {}),
    }
    logs.push(log)
    output.stepFinished(log)
    if (problem) return { ok: false, logs }
  }
  return { ok: true, logs }
}

/** Human output: one block per step, artefacts indented, failures spelled out. */
export function textOutput(write: (text: string) => void): RunnerOutput {
  return {
    stepStarted: (index, total, title) => write(`\nStep ${index}/${total}  ${title}\n`),
    action: (line) => write(`  - ${line}\n`),
    artefact: (name, value) => write(`      ${name}: ${String(value)}\n`),
    stepFinished: (log) => {
      if (log.status === 'passed') {
        write(`  ok (${log.ms} ms)\n`)
        return
      }
      const problem = log.problem
      write(`  FAILED at step ${log.step}: ${log.title}\n`)
      if (problem)
        write(
          `    Expected: ${problem.expected}\n    Happened: ${problem.happened}\n    Fix:      ${problem.fix}\n`,
        )
    },
  }
}

/** JSON mode: nothing while running; the caller prints the collected logs. */
export const silentOutput: RunnerOutput = {
  stepStarted: () => undefined,
  action: () => undefined,
  artefact: () => undefined,
  stepFinished: () => undefined,
}
