import type { SymptomTrigger, TrainingExercise } from './exercise-shape'
import { TRAINING_EXERCISES } from './exercises'
import { EMULATOR_NAMES } from './training-state-link'

/** One printable page per exercise: what the learner sees, where to look, hints, and the fix. */
export interface ExerciseHandout {
  readonly id: string
  readonly title: string
  /** "The tutorial's steps 1 to 6 are done, then the mistake is made." */
  readonly startsFrom: string
  readonly symptom: { readonly where: string; readonly shows: string }
  readonly whereToLook: string
  readonly hints: readonly string[]
  readonly fix: { readonly whatBroke: string; readonly whyThisError: string; readonly fixScreen: string }
}

const TRIGGER_HINTS: Readonly<Record<SymptomTrigger | 'sign-in-at-entra', string>> = {
  'sign-in':
    'Start the sign-in from Webex (SP-initiated), as B.Simon. Control Hub > Troubleshooting and the SAML inspector show the Response Webex judged.',
  'sign-in-at-entra':
    "Start the sign-in from Webex (SP-initiated), as B.Simon. Entra stops it on its own error page; the admin center's Sign-in logs show the same error.",
  'import-idp-metadata':
    'Import the Federation Metadata XML in Control Hub > Organization Settings > Authentication > Modify, with "Require certificate signed by a certificate authority", and read the result.',
  'enable-sso':
    'Open Control Hub > Organization Settings > Authentication > Modify and go to the last step; read the message shown when SSO is enabled.',
  'test-connection':
    'Open Entra > Cisco Webex > Provisioning and click Test Connection under Admin Credentials; compare the Secret Token with what Control Hub > Organization Settings > SCIM shows.',
  'provision-on-demand':
    'Open Entra > Cisco Webex > Provisioning > Provision on demand, choose B.Simon and read each step card; the Provisioning logs show the same error.',
}

/** The handout of one exercise, in the exercise's own words. */
export function exerciseHandout(exercise: TrainingExercise): ExerciseHandout {
  return {
    id: exercise.id,
    title: exercise.title,
    startsFrom:
      exercise.setUp === 'provisioning'
        ? `The tutorial's steps 1 to ${exercise.step} are done and the SCIM Tenant URL and Secret Token are copied from Control Hub, then the mistake is made.`
        : `The tutorial's steps 1 to ${exercise.step} are done, then the mistake is made.`,
    symptom: {
      where: `${EMULATOR_NAMES[exercise.symptom.side]} shows it`,
      shows: exercise.symptom.shows,
    },
    whereToLook: exercise.whereToLook,
    hints: [
      TRIGGER_HINTS[
        exercise.symptom.trigger === 'sign-in' && exercise.symptom.side === 'entra'
          ? 'sign-in-at-entra'
          : exercise.symptom.trigger
      ],
      `Look for "${exercise.symptom.shows}" on the page: it names the check that failed.`,
      'Compare what one console says with what the other was told; the progress panel shows which step is no longer done.',
    ],
    fix: { ...exercise.explanation },
  }
}

/** Every exercise's handout, in the order of the exercise list. */
export function exerciseHandouts(): readonly ExerciseHandout[] {
  return TRAINING_EXERCISES.map(exerciseHandout)
}
