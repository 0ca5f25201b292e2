import { type ActiveExercise, CLASSROOM_STEPS, type ClassroomSetUp } from './classroom-actions'
import type { TrainingExercise } from './exercise-shape'
import { findTrainingExercise, TRAINING_EXERCISES } from './exercises'

/** An exercise as a Training page lists it (a button per exercise). */
export interface ExerciseChoice {
  readonly id: string
  readonly title: string
  readonly side: 'Entra' | 'Webex'
}

/** The active exercise as both consoles show it: the explanation only once it is fixed. */
export interface ActiveExerciseView {
  readonly id: string
  readonly title: string
  readonly did: string
  readonly appliedAt: string
  readonly whereToLook: string
  /** The text of the error to look for and on which side it shows. */
  readonly symptom: { readonly side: 'Entra' | 'Webex'; readonly shows: string }
  readonly status: 'broken' | 'fixed' | 'unknown'
  readonly testUser: ActiveExercise['testUser']
  readonly explanation: TrainingExercise['explanation'] | null
}

const sideName = (side: 'entra' | 'webex') => (side === 'entra' ? 'Entra' : 'Webex')

export const EXERCISE_CHOICES: readonly ExerciseChoice[] = TRAINING_EXERCISES.map((e) => ({
  id: e.id,
  title: e.title,
  side: sideName(e.symptom.side),
}))

/** What a console shows of the active exercise; null when none (or it names no exercise now). */
export function activeExerciseView(active: ActiveExercise | null): ActiveExerciseView | null {
  const exercise = active ? findTrainingExercise(active.id) : undefined
  if (!active || !exercise) return null
  const status = active.fixed === true ? 'fixed' : active.fixed === false ? 'broken' : 'unknown'
  return {
    id: exercise.id,
    title: exercise.title,
    did: active.did,
    appliedAt: active.appliedAt,
    whereToLook: exercise.whereToLook,
    symptom: { side: sideName(exercise.symptom.side), shows: exercise.symptom.shows },
    status,
    testUser: active.testUser,
    explanation: status === 'fixed' ? exercise.explanation : null,
  }
}

/** "Steps 1 to 4 are set up", in the page's words. */
export function setUpSummary(setUp: ClassroomSetUp | null): string | null {
  if (!setUp) return null
  if (setUp.stepsDone === 0) return 'The class is at the start: nothing is set up.'
  return setUp.stepsDone === 1
    ? 'Step 1 is set up; the class continues with step 2.'
    : `Steps 1 to ${setUp.stepsDone} are set up; the class continues with step ${setUp.stepsDone + 1}.`
}

/** Where a reset to just before `step` leaves the class, in a trainer's words. */
export function resetTarget(step: number): string {
  const title = CLASSROOM_STEPS.find((s) => s.step === step)?.title ?? ''
  return step === 1 ? 'the start' : `just before step ${step} (${title})`
}

/** What a reset to just before `step` sets up again. */
export function resetSetsUp(step: number): string {
  if (step === 1) return 'Nothing is set up again: the class starts at step 1.'
  const done = CLASSROOM_STEPS.slice(0, step - 1)
    .map((s) => `${s.step}. ${s.title}`)
    .join('; ')
  return `Then steps 1 to ${step - 1} are set up again through the same services the consoles use (${done}).`
}

/** The choices of "Reset to". */
export const RESET_CHOICES: readonly { readonly value: string; readonly label: string }[] =
  CLASSROOM_STEPS.map((s) => ({
    value: String(s.step),
    label: s.step === 1 ? `The start (step 1: ${s.title})` : `Just before step ${s.step}: ${s.title}`,
  }))

/** A posted or queried step ("5"); NaN for anything but a plain whole number. */
export function parseClassroomStep(text: string | undefined): number {
  return text !== undefined && /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN
}
