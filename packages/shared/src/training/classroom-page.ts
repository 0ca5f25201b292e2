import { err, ok, type Result } from '../result'
import {
  CLASSROOM_NEEDS_BOTH_SERVERS,
  CLASSROOM_RESET_KEEPS,
  CLASSROOM_RESET_LOSES,
  type ClassroomActions,
  type ClassroomError,
  classroomStepProblem,
  type TestUserCredentials,
} from './classroom-actions'
import {
  type ActiveExerciseView,
  activeExerciseView,
  EXERCISE_CHOICES,
  type ExerciseChoice,
  parseClassroomStep,
  RESET_CHOICES,
  resetSetsUp,
  resetTarget,
  setUpSummary,
} from './classroom-view'

/**
 * What both consoles' Training pages show of the classroom, read the same way: each server
 * draws it in its own look, so only the reading is shared.
 */
export interface ClassroomPageView {
  /** Why the classroom actions are not available (this server runs alone); null when they are. */
  readonly unavailable: string | null
  /** The choices of "Reset to": value = the step, label in the tutorial's words. */
  readonly resetChoices: readonly { readonly value: string; readonly label: string }[]
  readonly exercises: readonly ExerciseChoice[]
  readonly active: ActiveExerciseView | null
  readonly setUp: { readonly summary: string; readonly testUser: TestUserCredentials | null } | null
}

/** The Training page's classroom part; `actions` is null while this server runs alone. */
export async function classroomPageView(actions: ClassroomActions | null): Promise<ClassroomPageView> {
  const [active, setUp] = actions
    ? await Promise.all([actions.activeExercise(), actions.lastSetUp()])
    : [null, null]
  const summary = setUpSummary(setUp)
  return {
    unavailable: actions ? null : CLASSROOM_NEEDS_BOTH_SERVERS,
    resetChoices: RESET_CHOICES,
    exercises: EXERCISE_CHOICES,
    active: activeExerciseView(active),
    setUp: summary && setUp ? { summary, testUser: setUp.testUser } : null,
  }
}

/** "Reset the class to just before step N?": what the confirmation page says. */
export interface ResetConfirmView {
  readonly step: number
  readonly target: string
  readonly setsUp: string
  readonly loses: readonly string[]
  readonly keeps: readonly string[]
}

/** The confirmation of a reset to the queried `step` ("5"), or why that step is refused. */
export function resetConfirmView(stepText: string | undefined): Result<ResetConfirmView, ClassroomError> {
  const step = parseClassroomStep(stepText)
  const problem = classroomStepProblem(step)
  if (problem) return err(problem)
  return ok({
    step,
    target: resetTarget(step),
    setsUp: resetSetsUp(step),
    loses: CLASSROOM_RESET_LOSES,
    keeps: CLASSROOM_RESET_KEEPS,
  })
}

/** A refusal's HTTP status: the request named no such thing (400), or the sandbox could not do it (409). */
export function classroomRefusalStatus(error: ClassroomError): 400 | 409 {
  return error.code === 'SET_UP_FAILED' ? 409 : 400
}
