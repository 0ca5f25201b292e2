import type { Child } from 'hono/jsx'
import type { ActiveExerciseView } from '../../training/classroom-view'
import type { PanelProvisioning, PanelStep, TrainingPanelModel } from '../../training/training-panel-model'
import { TrainingStatus } from './training-status'

/** Where training mode's forms post and link to, as both servers' frames carry it. */
export interface TrainingForms {
  readonly on: boolean
  /** Where the switch posts (with `on` = the new value). */
  readonly switchAction: string
  /** Where the panel's disclosure posts (with `open` and `back`). */
  readonly panelAction: string
  readonly trainerHref: string
  readonly handoutsHref: string
  readonly collapsed: boolean
}

/** What a console's frame draws for training mode: the switch always, the panel while it is on. */
export interface ConsoleTraining extends TrainingForms {
  /** The page to come back to after a POST. */
  readonly back: string
  /** The panel's content, read from both servers; absent while training mode is off. */
  readonly panel?: TrainingPanelModel
  /** The break-it exercise in progress, drawn at the panel's end. */
  readonly activeExercise?: ActiveExerciseView
}

/** The classes a server's design system gives the panel's parts (Fluent's or Momentum's). */
export interface TrainingPanelLook {
  /** The link to the next step's screen: the server's primary button. */
  readonly primaryButtonClass: string
  /** Hooks the server's stylesheet hangs on, where it has one. */
  readonly stepTitleClass?: string
  readonly chevronClass?: string
}

/**
 * The top bar's "Training mode" switch: a one-button form, so it works without the script.
 * `formFields` are the server's hidden inputs (its CSRF token, the page to come back to).
 */
export function TrainingSwitch(props: { readonly training: TrainingForms; readonly formFields: Child }) {
  const { training } = props
  return (
    <form method="post" action={training.switchAction} class="training-switch-form">
      {props.formFields}
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

function StepItem(props: { readonly step: PanelStep; readonly look: TrainingPanelLook }) {
  const { step } = props
  return (
    <li class={step.isNext ? 'training-step training-step-next' : 'training-step'}>
      <div class="training-step-head">
        <span class={props.look.stepTitleClass}>
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
function ProvisioningPart(props: { readonly part: PanelProvisioning; readonly look: TrainingPanelLook }) {
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
        <p class="training-next">
          Next: {part.next.subStep.title}{' '}
          <a class={props.look.primaryButtonClass} href={part.next.subStep.href}>
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
  readonly training: TrainingForms
  readonly model: TrainingPanelModel
  /** The server's hidden inputs of the disclosure's form (its CSRF token, the page to come back to). */
  readonly formFields: Child
  readonly look: TrainingPanelLook
  readonly children?: Child
}) {
  const { training, model, look } = props
  const open = !training.collapsed
  return (
    <aside
      class={open ? 'training-panel' : 'training-panel training-panel-collapsed'}
      aria-labelledby="training-panel-heading"
    >
      <form method="post" action={training.panelAction}>
        {props.formFields}
        <input type="hidden" name="open" value={open ? 'false' : 'true'} />
        <h2 id="training-panel-heading" class="training-panel-heading">
          <button
            type="submit"
            class="training-toggle"
            aria-expanded={open ? 'true' : 'false'}
            aria-controls="training-panel-body"
          >
            <span aria-hidden="true" class={look.chevronClass}>
              {open ? '▾' : '▸'}
            </span>
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
              <a class={look.primaryButtonClass} href={model.next.subStep.href}>
                {model.next.linkLabel}
              </a>
            ) : null}
          </div>
        ) : model.complete ? (
          <p class="training-next">Every step is done: B.Simon can sign in to Webex with Entra.</p>
        ) : null}
        <ol class="training-steps" aria-label="Tutorial steps">
          {model.steps.map((step) => (
            <StepItem step={step} look={look} />
          ))}
        </ol>
        <ProvisioningPart part={model.provisioning} look={look} />
        <p class="training-links">
          <a href={training.trainerHref}>Trainer view</a> ·{' '}
          <a href={training.handoutsHref}>Exercise handouts</a>
        </p>
        {props.children ?? null}
      </div>
    </aside>
  )
}

/** What a console gives {@link consoleTrainingViews}: its classes, and its forms' hidden inputs. */
export interface ConsoleTrainingLook<F extends TrainingForms> {
  readonly look: TrainingPanelLook
  /** The hidden inputs every training form carries (the console's CSRF token, the page to come back to). */
  readonly FormFields: (props: { readonly training: F }) => Child
}

/**
 * The switch and the panel bound to one console's look, so its frame draws them from its own
 * training state (`F`, which carries what its hidden fields need) alone.
 */
export function consoleTrainingViews<F extends TrainingForms>(console: ConsoleTrainingLook<F>) {
  const { look, FormFields } = console
  return {
    /** The top bar's "Training mode" switch. */
    TrainingSwitch: (props: { readonly training: F }) => (
      <TrainingSwitch training={props.training} formFields={<FormFields training={props.training} />} />
    ),
    /** The training progress panel, with `children` (an exercise in progress) at its end. */
    TrainingPanel: (props: {
      readonly training: F
      readonly model: TrainingPanelModel
      readonly children?: Child
    }) => (
      <TrainingPanel
        training={props.training}
        model={props.model}
        formFields={<FormFields training={props.training} />}
        look={look}
      >
        {props.children}
      </TrainingPanel>
    ),
  }
}
