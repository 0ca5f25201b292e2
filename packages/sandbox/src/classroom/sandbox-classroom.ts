import {
  type ActiveExercise,
  type ClassroomActions,
  type ClassroomError,
  type ClassroomSetUp,
  classroomExerciseProblem,
  classroomStepProblem,
  err,
  findTrainingExercise,
  ok,
  type Result,
  readTutorialState,
  type TestUserCredentials,
} from '@sandbox/shared'
import type { ApiTarget } from '../clients/api-request'
import { createIdpClient } from '../clients/idp-client'
import { createSpClient } from '../clients/sp-client'
import { type RehearsalContext, TUTORIAL } from '../rehearse/context'
import { exerciseActionsOver } from '../rehearse/exercise-actions'
import { RehearsalFailure, type RunnerOutput, runSteps, type StepProblem } from '../rehearse/runner'
import { type ClassroomRecord, loadClassroomRecord, saveClassroomRecord } from './classroom-record'
import { setUpStepsFor } from './classroom-set-up'

export interface SandboxClassroomOptions {
  readonly idp: ApiTarget
  readonly sp: ApiTarget
  /** Where the active exercise is kept across starts; null keeps it in memory. */
  readonly dataDir: string | null
  /** The time stamps of set-ups and exercises. */
  readonly now: () => number
}

const SILENT: RunnerOutput = {
  stepStarted: () => undefined,
  action: () => undefined,
  artefact: () => undefined,
  stepFinished: () => undefined,
}

const setUpFailed = (problem: StepProblem): ClassroomError => ({
  code: 'SET_UP_FAILED',
  message: `Expected ${problem.expected}, but ${problem.happened}. ${problem.fix}`.trim(),
})

/**
 * The classroom actions over both servers' admin APIs: the same tutorial steps and exercise
 * actions the rehearsal CLI runs. Actions run one at a time, so two trainers clicking at once
 * get one set-up after the other, never a mix of both.
 */
export async function createSandboxClassroom(options: SandboxClassroomOptions): Promise<ClassroomActions> {
  let record: ClassroomRecord = await loadClassroomRecord(options.dataDir)
  let queue: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }
  const remember = async (next: ClassroomRecord) => {
    record = next
    await saveClassroomRecord(options.dataDir, next)
  }
  const stamp = () => new Date(options.now()).toISOString()

  /** Both servers reset, then the panel's steps 1..stepsDone set up (and what follows); answers the context. */
  async function setUp(
    stepsDone: number,
    then: 'sso' | 'provisioning' = 'sso',
  ): Promise<Result<RehearsalContext, ClassroomError>> {
    const context: RehearsalContext = {
      idp: createIdpClient(options.idp),
      sp: createSpClient(options.sp),
      idpUrl: options.idp.baseUrl,
      spUrl: options.sp.baseUrl,
      ...(options.idp.ca ? { ca: options.idp.ca } : {}),
      facts: {},
    }
    try {
      await Promise.all([context.idp.reset(), context.sp.reset()])
    } catch (error) {
      return err({
        code: 'SET_UP_FAILED',
        message: `Could not reset both servers: ${(error as Error).message}`,
      })
    }
    const run = await runSteps(setUpStepsFor(stepsDone, then), context, SILENT)
    const problem = run.logs.at(-1)?.problem
    return run.ok || !problem ? ok(context) : err(setUpFailed(problem))
  }

  const testUserOf = (context: RehearsalContext): TestUserCredentials | null =>
    context.facts.testUserPassword
      ? { userPrincipalName: TUTORIAL.testUser.userPrincipalName, password: context.facts.testUserPassword }
      : null

  async function fixedNow(id: string): Promise<boolean | null> {
    const exercise = findTrainingExercise(id)
    if (!exercise) return null
    const state = await readTutorialState({
      entra: options.idp,
      webex: options.sp,
      ...(options.idp.ca ? { ca: options.idp.ca } : {}),
    })
    return exercise.isFixed(state)
  }

  return {
    resetToBefore: (step) =>
      oneAtATime(async () => {
        const problem = classroomStepProblem(step)
        if (problem) return err(problem)
        const made = await setUp(step - 1)
        if (!made.ok) {
          await remember({ setUp: null, exercise: null })
          return made
        }
        const setUpDone: ClassroomSetUp = {
          stepsDone: step - 1,
          at: stamp(),
          testUser: testUserOf(made.value),
        }
        await remember({ setUp: setUpDone, exercise: null })
        return ok(setUpDone)
      }),

    applyExercise: (id) =>
      oneAtATime(async (): Promise<Result<ActiveExercise, ClassroomError>> => {
        const problem = classroomExerciseProblem(id)
        const exercise = findTrainingExercise(id)
        if (problem || !exercise) return err(problem ?? { code: 'EXERCISE_UNKNOWN', message: id })
        const made = await setUp(exercise.step, exercise.setUp)
        if (!made.ok) {
          await remember({ setUp: null, exercise: null })
          return made
        }
        let did: string
        try {
          did = await exercise.apply(exerciseActionsOver(made.value))
        } catch (error) {
          if (!(error instanceof RehearsalFailure)) throw error
          await remember({ setUp: null, exercise: null })
          return err(setUpFailed(error.problem))
        }
        const testUser = testUserOf(made.value)
        const appliedAt = stamp()
        await remember({
          setUp: { stepsDone: exercise.step, at: appliedAt, testUser },
          exercise: { id, appliedAt, did, testUser },
        })
        return ok({ id, appliedAt, did, testUser, fixed: await fixedNow(id) })
      }),

    activeExercise: async () => {
      const active = record.exercise
      return active ? { ...active, fixed: await fixedNow(active.id) } : null
    },

    lastSetUp: async () => record.setUp,

    endExercise: () =>
      oneAtATime(async () => {
        await remember({ ...record, exercise: null })
      }),
  }
}
