import { type ConsoleTraining, consoleTrainingViews, type TrainingPanelLook } from '@sandbox/shared/views'
import { type HiddenField, HiddenFields } from './hidden-fields'

/** Training mode as the frame draws it; its forms carry the session's CSRF token. */
export interface TrainingFrame extends ConsoleTraining {
  readonly fields: readonly HiddenField[]
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

/** The top bar's "Training mode" switch and the training progress panel, in this console's look. */
export const { TrainingSwitch, TrainingPanel } = consoleTrainingViews<TrainingFrame>({
  look: ENTRA_LOOK,
  FormFields: FrameFields,
})
