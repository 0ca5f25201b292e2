import type {
  ActiveExerciseView,
  PanelProvisioning,
  PanelStep,
  StepStatus,
  TrainingPanelModel,
} from '@sandbox/shared'
import type { Child } from 'hono/jsx'
import { CSRF_FIELD } from './actions'

/** What the chrome draws for training mode: the switch always, the panel while it is on. */
export interface TrainingChrome {
  readonly on: boolean
  /** Where the switch posts (with `on` = the new value). */
  readonly switchAction: string
  /** Where the panel's disclosure posts (with `open` and `back`). */
  readonly panelAction: string
  readonly trainerHref: string
  readonly handoutsHref: string
  readonly csrfToken: string
  /** The page to come back to after a POST. */
  readonly back: string
  readonly collapsed: boolean
  /** The panel's content, read from both servers; absent while training mode is off. */
  readonly panel?: TrainingPanelModel
  /** The break-it exercise in progress, drawn at the panel's end. */
  readonly activeExercise?: ActiveExerciseView
}

const MARKS: Readonly<Record<StepStatus, string>> = { done: '✓', 'not-done': '○', unknown: '?' }
const STATUS_LABELS: Readonly<Record<StepStatus, string>> = {
  done: 'Done',
  'not-done': 'Not done',
  unknown: 'Unknown',
}

export function TrainingStatus(props: { readonly status: StepStatus }) {
  return (
    <span class={`training-status training-status-${props.status}`}>
      <span aria-hidden="true">{MARKS[props.status]}</span> {STATUS_LABELS[props.status]}
    </span>
  )
}

function BackFields(props: { readonly training: TrainingChrome }) {
  return (
    <>
      <input type="hidden" name={CSRF_FIELD} value={props.training.csrfToken} />
      <input type="hidden" name="back" value={props.training.back} />
    </>
  )
}

/** The top bar's "Training mode" switch: a one-button form, so it works without the script. */
export function TrainingSwitch(props: { readonly training: TrainingChrome }) {
  const { training } = props
  return (
    <form method="post" action={training.switchAction} class="training-switch-form">
      <BackFields training={training} />
      <input type="hidden" name="on" value={training.on ? 'false' : 'true'} />
      <button
        type="submit"
        role="switch"
        aria-checked={training.on ? 'true' : 'false'}
        class="training-switch"
      >
        <span class="training-switch-track" aria-hidden="true" />
        Training mode
      </button>
    </form>
  )
}

function StepItem(props: { readonly step: PanelStep }) {
  const { step } = props
  return (
    <li class={step.isNext ? 'training-step training-step-next' : 'training-step'}>
      <div class="training-step-head">
        <span>
          Step {step.step}: {step.title}
        </span>
        <TrainingStatus status={step.status} />
      </div>
      <ul class="training-substeps">
        {step.subSteps.map((sub) => (
          <li>
            <span>{sub.title}</span> <TrainingStatus status={sub.status} />
          </li>
        ))}
      </ul>
    </li>
  )
}

/** The tutorial's optional part after the 7 steps: each provisioning sub-step, and the screen of the next. */
function ProvisioningPart(props: { readonly part: PanelProvisioning }) {
  const { part } = props
  return (
    <section class="training-provisioning" aria-labelledby="training-provisioning-heading">
      <h3 id="training-provisioning-heading" class="training-step-head">
        <span>{part.heading}</span> <TrainingStatus status={part.status} />
      </h3>
      <p>{part.title}</p>
      <ul class="training-substeps">
        {part.subSteps.map((sub) => (
          <li>
            <span>{sub.title}</span> <TrainingStatus status={sub.status} />
          </li>
        ))}
      </ul>
      {part.next?.subStep.href ? (
        <p>
          Next: {part.next.subStep.title}{' '}
          <a class="btn btn-primary" href={part.next.subStep.href}>
            {part.next.linkLabel}
          </a>
        </p>
      ) : null}
    </section>
  )
}

/**
 * The training progress panel: the tutorial's steps as both servers' state has them, the
 * screen of the next step, and `children` at its end (an exercise in progress).
 */
export function TrainingPanel(props: {
  readonly training: TrainingChrome
  readonly model: TrainingPanelModel
  readonly children?: Child
}) {
  const { training, model } = props
  const open = !training.collapsed
  return (
    <aside
      class={open ? 'training-panel' : 'training-panel training-panel-collapsed'}
      aria-labelledby="training-panel-heading"
    >
      <form method="post" action={training.panelAction}>
        <BackFields training={training} />
        <input type="hidden" name="open" value={open ? 'false' : 'true'} />
        <h2 id="training-panel-heading" class="training-panel-heading">
          <button
            type="submit"
            class="training-toggle"
            aria-expanded={open ? 'true' : 'false'}
            aria-controls="training-panel-body"
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            Training progress
          </button>
        </h2>
      </form>
      <div id="training-panel-body" class="training-panel-body" hidden={!open}>
        <p class="training-count">
          {model.doneCount} of {model.total} steps done
        </p>
        {model.notices.map((notice) => (
          <p class="training-notice">{notice}</p>
        ))}
        {model.next ? (
          <div class="training-next">
            <p>
              <strong>Next: Step {model.next.step}</strong>, {model.next.subStep.title}
            </p>
            {model.next.subStep.href ? (
              <a class="btn btn-primary" href={model.next.subStep.href}>
                {model.next.linkLabel}
              </a>
            ) : null}
          </div>
        ) : model.complete ? (
          <p class="training-next">Every step is done: B.Simon can sign in to Webex with Entra.</p>
        ) : null}
        <ol class="training-steps" aria-label="Tutorial steps">
          {model.steps.map((step) => (
            <StepItem step={step} />
          ))}
        </ol>
        <ProvisioningPart part={model.provisioning} />
        <p class="training-links">
          <a href={training.trainerHref}>Trainer view</a> ·{' '}
          <a href={training.handoutsHref}>Exercise handouts</a>
        </p>
        {props.children ?? null}
      </div>
    </aside>
  )
}
