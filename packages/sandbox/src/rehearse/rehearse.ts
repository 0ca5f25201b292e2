import type { ApiTarget } from '../clients/api-request'
import { createIdpClient } from '../clients/idp-client'
import { createSpClient } from '../clients/sp-client'
import { type BreakCase, breakSteps } from './breaks'
import type { RehearsalContext, RehearsalFacts } from './context'
import { type RunnerOutput, runSteps, type StepLog } from './runner'
import { TUTORIAL_STEPS } from './tutorial'

/** The two admin APIs a rehearsal drives. */
export interface RehearsalTarget {
  readonly idp: ApiTarget
  readonly sp: ApiTarget
}

export interface RehearsalOptions {
  /** Reset both servers first (the IdP keeps its tenant id and token, the SP its org id and tokens). */
  readonly fromScratch?: boolean
  /** Stop after this tutorial step (1-based), leaving the sandbox ready for a demo at that point. */
  readonly lastStep?: number
  /** Run a break-it exercise instead of the whole tutorial. */
  readonly breakCase?: BreakCase
  readonly output: RunnerOutput
}

export interface RehearsalResult {
  readonly ok: boolean
  readonly logs: StepLog[]
  readonly facts: RehearsalFacts
}

/** Runs the tutorial (or a break-it exercise) against a running sandbox. */
export async function rehearse(target: RehearsalTarget, options: RehearsalOptions): Promise<RehearsalResult> {
  const context: RehearsalContext = {
    idp: createIdpClient(target.idp),
    sp: createSpClient(target.sp),
    idpUrl: target.idp.baseUrl,
    spUrl: target.sp.baseUrl,
    facts: {},
  }
  if (options.fromScratch) {
    await Promise.all([context.idp.reset(), context.sp.reset()])
    options.output.action(
      'Reset both servers (--from-scratch): no enterprise apps, no SSO configuration, no users',
    )
  }
  const steps = options.breakCase ? breakSteps(options.breakCase) : TUTORIAL_STEPS
  const { ok, logs } = await runSteps(steps, context, options.output, options.lastStep ?? steps.length)
  return { ok, logs, facts: context.facts }
}
