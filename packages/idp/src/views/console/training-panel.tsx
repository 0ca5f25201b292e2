import type { ActiveExerciseView, TrainingPanelModel } from '@sandbox/shared'
import {
  TrainingPanel as SharedTrainingPanel,
  TrainingSwitch as SharedTrainingSwitch,
  type TrainingForms,
  type TrainingPanelLook,
} from '@sandbox/shared/views'
import type { Child } from 'hono/jsx'
import { type HiddenField, HiddenFields } from './hidden-fields'

/** What the frame draws for training mode: the switch always, the panel while it is on. */
export interface TrainingFrame extends TrainingForms {
  readonly fields: readonly HiddenField[]
  /** The page to come back to after a POST. */
  readonly back: string
  /** The panel's content, read from both servers; absent while training mode is off. */
  readonly panel?: TrainingPanelModel
  /** The break-it exercise in progress, drawn at the panel's end. */
  readonly activeExercise?: ActiveExerciseView
}

/** Fluent's classes for the panel (the markup is the one Control Hub draws too). */
const ENTRA_LOOK: TrainingPanelLook = {
  primaryButtonClass: 'button button-primary',
  stepTitleClass: 'training-step-title',
  chevronClass: 'training-chevron',
}

/** Every training form's hidden inputs: the CSRF token, then the page to come back to. */
function FrameFields(props: { readonly training: TrainingFrame }) {
  return (
    <>
      <HiddenFields fields={props.training.fields} />
      <input type="hidden" name="back" value={props.training.back} />
    </>
  )
}

/** The top bar's "Training mode" switch. */
export function TrainingSwitch(props: { readonly training: TrainingFrame }) {
  return (
    <SharedTrainingSwitch training={props.training} formFields={<FrameFields training={props.training} />} />
  )
}

/** The training progress panel, with `children` (an exercise in progress) at its end. */
export function TrainingPanel(props: {
  readonly training: TrainingFrame
  readonly model: TrainingPanelModel
  readonly children?: Child
}) {
  return (
    <SharedTrainingPanel
      training={props.training}
      model={props.model}
      formFields={<FrameFields training={props.training} />}
      look={ENTRA_LOOK}
    >
      {props.children}
    </SharedTrainingPanel>
  )
}
