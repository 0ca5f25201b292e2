import {
  readTutorialState,
  type SymptomTrigger,
  TRAINING_EXERCISES,
  type TrainingExercise,
  type TutorialState,
} from '@sandbox/shared'
import { need, type RehearsalContext, TUTORIAL } from './context'
import { exerciseActionsOver } from './exercise-actions'
import { BEFORE_PROVISIONING, PROVISIONING_STEPS } from './provisioning'
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

/**
 * A break-it exercise from the shared definitions ({@link TRAINING_EXERCISES}): applied over the
 * admin APIs, observed the way a person would meet it, and its fix detected from state.
 */
export interface BreakCase {
  readonly name: string
  /** The mistake, in the words a trainer would use. */
  readonly mistake: string
  /** The steps the exercise builds on: the tutorial with the manual Webex user, or --provisioning's. */
  readonly tutorial: readonly Step<RehearsalContext>[]
  /** How many of those steps run before the mistake is made. */
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
  const link = await linkLatestTrace(context, report)
  if (link) context.facts.failedSignIn = link
  return `${outcome.error.message}\n${page?.facts.text ?? ''}`
}

/** Provision on demand for B.Simon; returns what the page shows (the result, the code and the reason). */
async function provisionBSimonOnDemand(context: RehearsalContext, report: StepReporter): Promise<string> {
  const answer = await attempt(
    context.idp.provisioning.provisionOnDemand(
      need(context, 'servicePrincipalId'),
      need(context, 'testUserId'),
    ),
    'Provision on demand to run for B.Simon',
    '',
  )
  const object = answer.objects[0]
  for (const card of object?.cards ?? []) report.did(`Provision on demand: ${card.title}: ${card.status}`)
  const error = object?.log.error
  report.did(`Result: ${answer.result}${error ? ` (${error.errorCode}) ${error.reason}` : ''}`)
  return `${answer.result} ${error?.errorCode ?? ''} ${error?.reason ?? ''}`
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
  'test-connection': (context, report) =>
    refusalOf(
      context.idp.provisioning.testConnection(need(context, 'servicePrincipalId')),
      report,
      'Clicked Test Connection',
    ),
  'provision-on-demand': provisionBSimonOnDemand,
}

// A provisioning exercise's steps 1..5 are the same in both step lists; then --provisioning's
// step 6 copies the SCIM credentials instead of adding B Simon to Webex by hand.
export const BREAK_CASES: readonly BreakCase[] = TRAINING_EXERCISES.map((exercise) => ({
  name: exercise.id,
  mistake: exercise.title,
  tutorial: exercise.setUp === 'provisioning' ? PROVISIONING_STEPS : TUTORIAL_STEPS,
  after: exercise.setUp === 'provisioning' ? BEFORE_PROVISIONING : exercise.step,
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
    ...breakCase.tutorial.slice(0, breakCase.after),
    {
      title: `Break it: ${breakCase.mistake}`,
      run: async (context, report) => {
        report.did(await breakCase.exercise.apply(exerciseActionsOver(context)))
      },
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
