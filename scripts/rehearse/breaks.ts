import {
  readTutorialState,
  type SymptomTrigger,
  TRAINING_EXERCISES,
  type TrainingExercise,
  type TutorialState,
} from '@sandbox/shared'
import { ApiError } from '../lib/clients/api-request'
import { need, type RehearsalContext, TUTORIAL } from './context'
import { exerciseActionsOver } from './exercise-actions'
import { fail, type Step, type StepReporter } from './runner'
import { attempt, signInAsTestUser } from './step-actions'
import { TUTORIAL_STEPS } from './tutorial'

/** Where a person sees a mistake, and what that screen says. */
export interface Symptom {
  /** 'entra' = an Entra error page or admin screen; 'webex' = a Webex page or Control Hub. */
  readonly side: 'entra' | 'webex'
  /** Text the person sees that names the cause (an AADSTS code, a Webex error code). */
  readonly shows: string
}

/**
 * A break-it exercise as the CLI runs it: the shared definition ({@link TRAINING_EXERCISES}),
 * applied over the admin APIs, then observed the way a person would meet it.
 */
export interface BreakCase {
  readonly name: string
  /** The mistake, in the words a trainer would use. */
  readonly mistake: string
  /** How many tutorial steps run before the mistake is made. */
  readonly after: number
  readonly expected: Symptom
  /** The screen where the mistake is fixed. */
  readonly fix: string
  readonly exercise: TrainingExercise
}

/** An SP-initiated sign-in as B.Simon; returns what the page it ended on says. */
async function signInFromWebex(context: RehearsalContext, report: StepReporter): Promise<string> {
  const outcome = await signInAsTestUser(context, need(context, 'signOnUrl'), {
    username: TUTORIAL.testUser.userPrincipalName,
    password: need(context, 'testUserPassword'),
  })
  if (outcome.ok) {
    report.did('B.Simon signed in to Webex anyway')
    return 'signed in'
  }
  const page = outcome.error.page
  const where = page ? `${page.url.origin}${page.url.pathname}` : 'nowhere'
  report.did(`The sign-in stopped at ${where} (HTTP ${page?.status ?? '-'})`)
  return `${outcome.error.message}\n${page?.facts.text ?? ''}`
}

/** What an admin call answered, as the text the admin sees on screen. */
async function refusalOf(call: Promise<unknown>, report: StepReporter, action: string): Promise<string> {
  try {
    await call
    report.did(`${action}: accepted`)
    return 'accepted'
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    report.did(`${action}: refused (${error.code}) ${error.detail}`)
    return `${error.code} ${error.detail}`
  }
}

/** What the person does to meet the symptom, per trigger; returns what they see. */
const OBSERVERS: Record<
  SymptomTrigger,
  (context: RehearsalContext, report: StepReporter) => Promise<string>
> = {
  'sign-in': signInFromWebex,
  'import-idp-metadata': (context, report) =>
    refusalOf(
      context.sp.importIdpMetadata(need(context, 'federationMetadataXml'), 'ca-signed'),
      report,
      'Imported the metadata in Control Hub with "Require certificate signed by a certificate authority"',
    ),
  'enable-sso': (context, report) =>
    refusalOf(context.sp.enable(), report, 'Ticked "Enable Single Sign-On" and saved'),
}

export const BREAK_CASES: readonly BreakCase[] = TRAINING_EXERCISES.map((exercise) => ({
  name: exercise.id,
  mistake: exercise.title,
  after: exercise.step,
  expected: { side: exercise.symptom.side, shows: exercise.symptom.shows },
  fix: exercise.explanation.fixScreen,
  exercise,
}))

export function findBreakCase(name: string): BreakCase | undefined {
  return BREAK_CASES.find((c) => c.name === name)
}

/** Both servers' state, as the training panel reads it. */
export function stateOf(context: RehearsalContext): Promise<TutorialState> {
  return readTutorialState({
    entra: context.idp.target,
    webex: context.sp.target,
    ...(context.ca ? { ca: context.ca } : {}),
  })
}

/**
 * Every exercise starts from the clean set-up it needs, whatever an earlier exercise (or a
 * learner) left behind: both servers are reset (admin credentials and API tokens kept), then
 * the tutorial's earlier steps run again through the admin APIs.
 */
const startClean: Step<RehearsalContext> = {
  title: 'Start from a clean set-up (reset both servers; admin credentials and API tokens are kept)',
  async run(context, report) {
    await attempt(
      Promise.all([context.idp.reset(), context.sp.reset()]),
      'both servers to reset',
      'Check that the sandbox is running ("pnpm sandbox status").',
    )
    report.did('Reset both servers: no enterprise apps, no SSO configuration, no users')
  },
}

/** The title of the step that observes an exercise's symptom; only its success means "shown". */
export const OBSERVE_STEP_PREFIX = 'What a person sees'

/**
 * The steps of `--break NAME`: a clean start, the tutorial up to the mistake, the mistake, and
 * what a person sees.
 */
export function breakSteps(breakCase: BreakCase): Step<RehearsalContext>[] {
  return [
    startClean,
    ...TUTORIAL_STEPS.slice(0, breakCase.after),
    {
      title: `Break it: ${breakCase.mistake}`,
      run: async (context, report) =>
        report.did(await breakCase.exercise.apply(exerciseActionsOver(context))),
    },
    {
      title: `${OBSERVE_STEP_PREFIX} (expected on ${breakCase.expected.side === 'entra' ? 'Entra' : 'Webex'}: ${breakCase.expected.shows})`,
      async run(context, report) {
        const seen = await OBSERVERS[breakCase.exercise.symptom.trigger](context, report)
        if (!seen.includes(breakCase.expected.shows))
          fail({
            expected: `${breakCase.expected.shows} on the ${breakCase.expected.side === 'entra' ? 'Entra' : 'Webex'} side`,
            happened: seen.slice(0, 500),
            fix: 'This break-it exercise did not show its symptom: a sandbox bug worth reporting.',
          })
        // The fix detection reads the same state a console's panel reads: broken now.
        const fixed = breakCase.exercise.isFixed(await stateOf(context))
        if (fixed !== false)
          fail({
            expected: 'the state of both servers to show the exercise as not fixed yet',
            happened: fixed === null ? 'a server could not be read' : 'it reads as fixed',
            fix: 'This break-it exercise does not detect its own mistake: a sandbox bug worth reporting.',
          })
        report.did(`Look: ${breakCase.exercise.whereToLook}`)
        report.did(`Cause: ${breakCase.mistake}`)
        report.did(`Fix it in: ${breakCase.fix}`)
        report.produced({
          symptom: breakCase.expected.shows,
          side: breakCase.expected.side,
          fixScreen: breakCase.fix,
          fixed,
        })
      },
    },
  ]
}
