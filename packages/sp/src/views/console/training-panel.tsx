import type { ActiveExerciseView, TrainingPanelModel } from '@sandbox/shared'
import {
  TrainingPanel as SharedTrainingPanel,
  TrainingSwitch as SharedTrainingSwitch,
  type TrainingForms,
  type TrainingPanelLook,
} from '@sandbox/shared/views'
import type { Child } from 'hono/jsx'
import { CSRF_FIELD } from './actions'

/** What the chrome draws for training mode: the switch always, the panel while it is on. */
export interface TrainingChrome extends TrainingForms {
  readonly csrfToken: string
  /** The page to come back to after a POST. */
  readonly back: string
  /** The panel's content, read from both servers; absent while training mode is off. */
  readonly panel?: TrainingPanelModel
  /** The break-it exercise in progress, drawn at the panel's end. */
  readonly activeExercise?: ActiveExerciseView
}

/** Momentum's classes for the panel (the markup is the one Entra draws too). */
const CONTROL_HUB_LOOK: TrainingPanelLook = { primaryButtonClass: 'btn btn-primary' }

function BackFields(props: { readonly training: TrainingChrome }) {
  return (
    <>
      <input type="hidden" name={CSRF_FIELD} value={props.training.csrfToken} />
      <input type="hidden" name="back" value={props.training.back} />
    </>
  )
}

/** The top bar's "Training mode" switch. */
export function TrainingSwitch(props: { readonly training: TrainingChrome }) {
  return (
    <SharedTrainingSwitch training={props.training} formFields={<BackFields training={props.training} />} />
  )
}

/** The training progress panel, with `children` (an exercise in progress) at its end. */
export function TrainingPanel(props: {
  readonly training: TrainingChrome
  readonly model: TrainingPanelModel
  readonly children?: Child
}) {
  return (
    <SharedTrainingPanel
      training={props.training}
      model={props.model}
      formFields={<BackFields training={props.training} />}
      look={CONTROL_HUB_LOOK}
    >
      {props.children}
    </SharedTrainingPanel>
  )
}
