import type { ApiTarget } from '../clients/api-request'
import { createIdpClient } from '../clients/idp-client'
import { createSpClient } from '../clients/sp-client'
import { type BreakCase, breakSteps, OBSERVE_STEP_PREFIX } from './breaks'
import type { RehearsalContext, RehearsalFacts } from './context'
import { PROVISIONING_STEPS } from './provisioning'
import { type RunnerOutput, runSteps, type StepLog } from './runner'
import { TUTORIAL_STEPS } from './tutorial'

/** The two admin APIs a rehearsal drives. */
export interface RehearsalTarget {
  readonly idp: ApiTarget
  readonly sp: ApiTarget
}

export interface RehearsalOptions {
  /**
   * Reset both servers first (the IdP keeps its tenant id, token and admin credentials, the SP its
   * org id and tokens). An exercise always starts from a clean set-up of its own.
   */
  readonly fromScratch?: boolean
  /** Stop after this tutorial step (1-based), leaving the sandbox ready for a demo at that point. */
  readonly lastStep?: number
  /** Provision B.Simon to Webex over SCIM instead of creating the Webex user by hand. */
  readonly provisioning?: boolean
  /** Run a break-it exercise instead of the whole tutorial. */
  readonly breakCase?: BreakCase
  readonly output: RunnerOutput
}

export interface RehearsalResult {
  readonly ok: boolean
  readonly logs: StepLog[]
  readonly facts: RehearsalFacts
  /**
   * For an exercise: whether its symptom was observed (the last step, which signs in or saves
   * and compares what it saw, passed). False when the run stopped earlier, whatever the reason.
   */
  readonly symptomShown: boolean
}

/** Runs the tutorial (or a break-it exercise) against a running sandbox. */
export async function rehearse(target: RehearsalTarget, options: RehearsalOptions): Promise<RehearsalResult> {
  const context: RehearsalContext = {
    idp: createIdpClient(target.idp),
    sp: createSpClient(target.sp),
    idpUrl: target.idp.baseUrl,
    spUrl: target.sp.baseUrl,
    ...(target.idp.ca ? { ca: target.idp.ca } : {}),
    facts: {},
  }
  if (options.fromScratch && !options.breakCase) {
    await Promise.all([context.idp.reset(), context.sp.reset()])
    options.output.action(
      'Reset both servers (--from-scratch): no enterprise apps, no SSO configuration, no users',
    )
  }
  // --step applies to the tutorial only: an exercise always runs to its symptom.
  const steps = options.breakCase
    ? breakSteps(options.breakCase)
    : options.provisioning
      ? PROVISIONING_STEPS
      : TUTORIAL_STEPS
  const lastStep = options.breakCase ? steps.length : (options.lastStep ?? steps.length)
  const { ok, logs } = await runSteps(steps, context, options.output, lastStep)
  const last = logs.at(-1)
  const symptomShown =
    options.breakCase !== undefined &&
    logs.length === steps.length &&
    last?.status === 'passed' &&
    last.title.startsWith(OBSERVE_STEP_PREFIX)
  return {
    ok: ok && (options.breakCase === undefined || symptomShown),
    logs,
    facts: context.facts,
    symptomShown,
  }
}
