import { type ConsoleTraining, consoleTrainingViews, type TrainingPanelLook } from '@sandbox/shared/views'
import { CSRF_FIELD } from './actions'

/** Training mode as the chrome draws it; its forms carry the session's CSRF token. */
export interface TrainingChrome extends ConsoleTraining {
  readonly csrfToken: string
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

/** The top bar's "Training mode" switch and the training progress panel, in this console's look. */
export const { TrainingSwitch, TrainingPanel } = consoleTrainingViews<TrainingChrome>({
  look: CONTROL_HUB_LOOK,
  FormFields: BackFields,
})
