import { describeError, type SpError, type SpErrorCode } from '../errors/catalogue'

/** One check as the check log records it (the session page, `GET /api/v1/session`, Test SSO). */
export interface Check {
  readonly name: string
  readonly passed: boolean
  readonly detail: string
}

/** What one step found: a pass (with what it learnt), or a refusal that ends the pipeline. */
export type Verdict<F> =
  | {
      readonly kind: 'pass'
      /** The check log's detail; null records nothing (a step that only reads, or a silent precondition). */
      readonly detail: string | null
      readonly facts?: Partial<F>
      /**
       * The entry waits for the next step: it is recorded as passed when that step passes or
       * refuses under its own name, and replaced when that step refuses under this step's name.
       */
      readonly held?: boolean
    }
  | {
      readonly kind: 'refuse'
      readonly error: SpError
      /** The log entry's name when another check's name says better what failed. */
      readonly entry?: string
      /** The log entry's detail (default: the error's message). */
      readonly detail?: string
      /** What was learnt before refusing (shown beside the refusal). */
      readonly facts?: Partial<F>
    }

export function passed<F>(detail: string | null, facts?: Partial<F>): Verdict<F> {
  return facts ? { kind: 'pass', detail, facts } : { kind: 'pass', detail }
}

export function refused<F>(
  error: SpError,
  options: { entry?: string; detail?: string; facts?: Partial<F> } = {},
): Verdict<F> {
  return { kind: 'refuse', error, ...options }
}

/** One named step of a check pipeline: what it checks, how it can fail, and the facts it may read. */
export interface CheckStep<F, X, R extends keyof F = keyof F> {
  /** The name the check log shows. */
  readonly name: string
  /** What the step checks, in a sentence (the inspector lists it). */
  readonly checks: string
  /** The codes it refuses with. */
  readonly codes: readonly SpErrorCode[]
  /** Where a failure of this check is fixed, in general; each refusal's own fix is the catalogue's. */
  readonly fix: string
  /** The facts it may read; `run` sees these and no others. */
  readonly reads: readonly R[]
  readonly run: (facts: Pick<F, R>, context: X) => Verdict<F>
}

/** A step of a table: the step, and the condition on the facts under which it runs. */
export interface PipelineEntry<F, X> {
  /** Any step of these facts: a step reading fewer facts is one that accepts them all. */
  readonly step: CheckStep<F, X>
  /** When set, the step runs only where `holds` is true of the facts so far. */
  readonly when?: { readonly describe: string; readonly holds: (facts: Partial<F>) => boolean }
}

/** How a pipeline ended: the facts learnt, the checks made, and the refusal if there was one. */
export interface PipelineRun<F> {
  readonly facts: Partial<F>
  readonly checks: readonly Check[]
  readonly refusal: SpError | null
}

/**
 * Runs the steps in table order until one refuses. A step sees only the facts it declares; a
 * fact no earlier step produced is a bug in the table, not bad input, and throws.
 */
export function runChecks<F, X>(
  table: readonly PipelineEntry<F, X>[],
  initial: Partial<F>,
  context: X,
  logSoFar: readonly Check[] = [],
): PipelineRun<F> {
  const facts: Partial<F> = { ...initial }
  const checks: Check[] = [...logSoFar]
  let held: Check | null = null
  for (const { step, when } of table) {
    if (when && !when.holds(facts)) continue
    const input: Partial<F> = {}
    for (const name of step.reads as readonly (keyof F)[]) {
      if (!(name in facts))
        throw new Error(`check "${step.name}" reads ${String(name)} before any step made it`)
      input[name] = facts[name]
    }
    const verdict = step.run(input as Pick<F, keyof F>, context)
    if (verdict.facts) Object.assign(facts, verdict.facts)
    if (verdict.kind === 'refuse') {
      const name = verdict.entry ?? step.name
      if (held && held.name !== name) checks.push(held)
      checks.push({ name, passed: false, detail: verdict.detail ?? describeError(verdict.error).message })
      return { facts, checks, refusal: verdict.error }
    }
    if (held) checks.push(held)
    held = null
    if (verdict.detail === null) continue
    const entry = { name: step.name, passed: true, detail: verdict.detail }
    if (verdict.held) held = entry
    else checks.push(entry)
  }
  if (held) checks.push(held)
  return { facts, checks, refusal: null }
}

/** A step as the inspector and the docs list it. */
export interface CheckDescription {
  readonly name: string
  readonly checks: string
  readonly fix: string
  readonly reads: readonly string[]
  readonly codes: readonly SpErrorCode[]
  /** For a step that does not always run: when it does. */
  readonly when: string | null
}

export function describeChecks<F, X>(table: readonly PipelineEntry<F, X>[]): CheckDescription[] {
  return table.map(({ step, when }) => ({
    name: step.name,
    checks: step.checks,
    fix: step.fix,
    reads: step.reads.map(String),
    codes: step.codes,
    when: when?.describe ?? null,
  }))
}
