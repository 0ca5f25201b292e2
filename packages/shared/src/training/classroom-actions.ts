import type { Result } from '../result'
import { TRAINING_EXERCISES } from './exercises'
import { tutorialStateOf } from './tutorial-state'

/**
 * The write side of training mode: what a trainer does to a class from either console. The
 * sandbox implements it over the same tutorial steps and exercise actions as the rehearsal CLI
 * and hands it to both servers once both listen; a server started alone has none, because the
 * actions change the other server too.
 */
export interface ClassroomActions {
  /**
   * Resets both servers (admin credentials and API tokens kept) and sets up the tutorial's
   * steps before `step` (1 to 7; 1 is the start, nothing set up). Ends the active exercise.
   */
  resetToBefore(step: number): Promise<Result<ClassroomSetUp, ClassroomError>>
  /** Starts from the clean set-up the exercise needs, then makes its mistake. */
  applyExercise(id: string): Promise<Result<ActiveExercise, ClassroomError>>
  /** The exercise handed out last, with whether the real state shows it fixed; null when none. */
  activeExercise(): Promise<ActiveExercise | null>
  /** The set-up made by the last reset or exercise (null when none was made). */
  lastSetUp(): Promise<ClassroomSetUp | null>
  /** Forgets the active exercise (the servers keep their state). */
  endExercise(): Promise<void>
}

/** The tutorial's test user as the set-up left it: the learner signs in with these. */
export interface TestUserCredentials {
  readonly userPrincipalName: string
  readonly password: string
}

/** What a reset or an exercise set up. */
export interface ClassroomSetUp {
  /** The tutorial steps in place (0 to 6, in the progress panel's numbering). */
  readonly stepsDone: number
  readonly at: string
  /** B.Simon's password when the set-up created B.Simon (it is shown once, as Entra does). */
  readonly testUser: TestUserCredentials | null
}

/** An exercise in progress. */
export interface ActiveExercise {
  readonly id: string
  readonly appliedAt: string
  /** The line the exercise answered when it made its mistake. */
  readonly did: string
  readonly testUser: TestUserCredentials | null
  /** From the real state of both servers; null while one of them cannot be read. */
  readonly fixed: boolean | null
}

export type ClassroomErrorCode =
  /** No such exercise id. */
  | 'EXERCISE_UNKNOWN'
  /** A step outside 1..7 or not a whole number. */
  | 'STEP_INVALID'
  /** A tutorial step or the mistake itself was refused by a server. */
  | 'SET_UP_FAILED'

export interface ClassroomError {
  readonly code: ClassroomErrorCode
  /** What went wrong and what to do, in a trainer's words. */
  readonly message: string
}

/**
 * Where a server finds the classroom actions: empty until the sandbox connects them, after
 * both servers listen (each server's routes hold the slot, not the actions).
 */
export interface ClassroomSlot {
  current(): ClassroomActions | null
  connect(actions: ClassroomActions): void
}

export function createClassroomSlot(): ClassroomSlot {
  let actions: ClassroomActions | null = null
  return {
    current: () => actions,
    connect: (given) => {
      actions = given
    },
  }
}

/** What a console says when the server runs without the other one. */
export const CLASSROOM_NEEDS_BOTH_SERVERS =
  'Reset and break-it exercises change both servers, so they need the Entra and Webex emulators started together: run "pnpm start" (or startSandbox()), not one server on its own.'

/** The steps a class can be reset to ("just before step N"), in the progress panel's words. */
export const CLASSROOM_STEPS: readonly { readonly step: number; readonly title: string }[] = tutorialStateOf(
  { up: false, reason: '' },
  { up: false, reason: '' },
).steps.map((s) => ({
  step: s.step,
  title: s.title,
}))

/** What a reset throws away, for the confirmation (admin credentials survive it). */
export const CLASSROOM_RESET_LOSES: readonly string[] = [
  'Entra: every enterprise application (Cisco Webex included) with its SAML configuration, claims, signing certificates and provisioning',
  'Entra: every user and group except the Global Administrator (B.Simon gets a new password)',
  'Entra: sign-in sessions, sign-in logs and the clock offset (learners sign in again)',
  'Webex: the imported IdP metadata, the Test SSO Connection result and whether SSO is enabled',
  'Webex: every user (B Simon included) and every Webex session',
  'The active break-it exercise',
]

/** What a reset keeps. */
export const CLASSROOM_RESET_KEEPS: readonly string[] = [
  'The Entra Global Administrator and the Control Hub administrator, with their passwords',
  "The tenant id, the Webex org id and both servers' API and SCIM tokens",
]

/** Why a step number is refused; null when it is one of {@link CLASSROOM_STEPS}. */
export function classroomStepProblem(step: number): ClassroomError | null {
  if (Number.isInteger(step) && CLASSROOM_STEPS.some((s) => s.step === step)) return null
  return {
    code: 'STEP_INVALID',
    message: `There is no tutorial step ${Number.isFinite(step) ? step : '(none given)'}: choose a step from 1 to ${CLASSROOM_STEPS.length} (1 = the start).`,
  }
}

/** Why an exercise id is refused; null when it names one of the exercises. */
export function classroomExerciseProblem(id: string): ClassroomError | null {
  if (TRAINING_EXERCISES.some((e) => e.id === id)) return null
  return {
    code: 'EXERCISE_UNKNOWN',
    message: `There is no break-it exercise "${id.slice(0, 80)}": choose one of ${TRAINING_EXERCISES.map((e) => e.id).join(', ')}.`,
  }
}
