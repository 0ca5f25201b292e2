import {
  readTutorialState,
  type SymptomTrigger,
  TRAINING_EXERCISES,
  type TrainingExercise,
  type TutorialState,
} from '@sandbox/shared'
import { need, type RehearsalContext, TUTORIAL } from './context'
import { exerciseActionsOver } from './exercise-actions'
import { PROVISIONING_BREAKS } from './provisioning-breaks'
import { fail, type Step, type StepReporter } from './runner'
import { attempt, refusalOf, signInAsTestUser } from './step-actions'
import { linkLatestTrace } from './trace-link'
import { TUTORIAL_STEPS } from './tutorial'

/** Where a person sees a mistake, and what that screen says. */
export interface Symptom {
  /** 'entra' = an Entra error page or admin screen; 'webex' = a Webex page or Control Hub. */
  readonly side: 'entra' | 'webex'
  /** Text the person sees that names the cause (an AADSTS code, a Webex error code). */
  readonly shows: string
}

/** What every break-it exercise declares, whichever way it is made. */
interface BreakBase {
  readonly name: string
  /** The mistake, in the words a trainer would use. */
  readonly mistake: string
  /** The steps the exercise builds on (default: the tutorial with the manual Webex user). */
  readonly tutorial?: readonly Step<RehearsalContext>[]
  /** How many of those steps run before the mistake is made. */
  readonly after: number
  readonly expected: Symptom
  /** The screen where the mistake is fixed. */
  readonly fix: string
}

/**
 * A break-it exercise from the shared definitions ({@link TRAINING_EXERCISES}): applied over the
 * admin APIs, observed the way a person would meet it, and its fix detected from state.
 */
export interface ExerciseBreak extends BreakBase {
  readonly exercise: TrainingExercise
}

/** A break-it exercise scripted here (provisioning): how it is made, and what a person sees. */
export interface ScriptedBreak extends BreakBase {
  make(context: RehearsalContext, report: StepReporter): Promise<void>
  observe(context: RehearsalContext, report: StepReporter): Promise<string>
}

export type BreakCase = ExerciseBreak | ScriptedBreak

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
  const link = await linkLatestTrace(context, report)
  if (link) context.facts.failedSignIn = link
  return `${outcome.error.message}\n${page?.facts.text ?? ''}`
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

const EXERCISE_BREAKS: readonly ExerciseBreak[] = TRAINING_EXERCISES.map((exercise) => ({
  name: exercise.id,
  mistake: exercise.title,
  after: exercise.step,
  expected: { side: exercise.symptom.side, shows: exercise.symptom.shows },
  fix: exercise.explanation.fixScreen,
  exercise,
}))

export const BREAK_CASES: readonly BreakCase[] = [...EXERCISE_BREAKS, ...PROVISIONING_BREAKS]

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
    ...(breakCase.tutorial ?? TUTORIAL_STEPS).slice(0, breakCase.after),
    {
      title: `Break it: ${breakCase.mistake}`,
      run: async (context, report) => {
        if ('exercise' in breakCase) report.did(await breakCase.exercise.apply(exerciseActionsOver(context)))
        else await breakCase.make(context, report)
      },
    },
    {
      title: `${OBSERVE_STEP_PREFIX} (expected on ${breakCase.expected.side === 'entra' ? 'Entra' : 'Webex'}: ${breakCase.expected.shows})`,
      async run(context, report) {
        const seen =
          'exercise' in breakCase
            ? await OBSERVERS[breakCase.exercise.symptom.trigger](context, report)
            : await breakCase.observe(context, report)
        if (!seen.includes(breakCase.expected.shows))
          fail({
            expected: `${breakCase.expected.shows} on the ${breakCase.expected.side === 'entra' ? 'Entra' : 'Webex'} side`,
            happened: seen.slice(0, 500),
            fix: 'This break-it exercise did not show its symptom: a sandbox bug worth reporting.',
          })
        // The fix detection reads the same state a console's panel reads: broken now.
        const fixed = 'exercise' in breakCase ? breakCase.exercise.isFixed(await stateOf(context)) : null
        if ('exercise' in breakCase && fixed !== false)
          fail({
            expected: 'the state of both servers to show the exercise as not fixed yet',
            happened: fixed === null ? 'a server could not be read' : 'it reads as fixed',
            fix: 'This break-it exercise does not detect its own mistake: a sandbox bug worth reporting.',
          })
        if ('exercise' in breakCase) report.did(`Look: ${breakCase.exercise.whereToLook}`)
        report.did(`Cause: ${breakCase.mistake}`)
        report.did(`Fix it in: ${breakCase.fix}`)
        report.produced({
          symptom: breakCase.expected.shows,
          side: breakCase.expected.side,
          fixScreen: breakCase.fix,
          fixed,
          ...(context.facts.failedSignIn
            ? {
                trace: context.facts.failedSignIn.command,
                diagnosis: context.facts.failedSignIn.diagnosis.join('\n'),
              }
            : {}),
        })
      },
    },
  ]
}
