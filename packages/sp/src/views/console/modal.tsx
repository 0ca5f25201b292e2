import type { Child } from 'hono/jsx'
import { type Action, ActionButton } from './actions'
import { Icon, type IconName } from './icons'

/** The wizard's primary button: its words change with the step (Next, Finish, Save). */
export interface PrimaryButton {
  readonly label: string
  readonly action: Action
  readonly disabled?: boolean
  /** Disabled by the page script until the step's form is valid (a radio chosen). */
  readonly enableWhenValid?: boolean
}

export interface WizardModalProps {
  /** The dialog's title and accessible name: "Enterprise Settings". */
  readonly title: string
  /** Where the X (and Escape, with the script) goes: the page behind, without the dialog. */
  readonly closeHref: string
  /** The id of the control that opened the dialog; focus returns to it when it closes. */
  readonly returnFocusId?: string
  /** Where the wizard is: drawn as a progress bar and read as "Step n of m". */
  readonly progress?: { readonly current: number; readonly total: number }
  readonly back?: { readonly label?: string; readonly action: Action } | null
  readonly primary?: PrimaryButton | null
  /** Another dialog (an alert) is open on top: this one is inert until it closes. */
  readonly covered?: boolean
  readonly children: Child
}

function Progress(props: { current: number; total: number }) {
  return (
    <ol class="modal-progress" aria-hidden="true">
      {Array.from({ length: props.total }, (_, index) => (
        <li class={index + 1 < props.current ? 'done' : index + 1 === props.current ? 'current' : ''} />
      ))}
    </ol>
  )
}

/**
 * The Enterprise Settings wizard as a modal dialog, rendered by the server at the step its URL
 * names. Without the page script the page behind is inert (so Tab stays in the dialog) and the X
 * is a link back; with it, Escape closes, Tab wraps, and steps swap without a reload.
 */
export function WizardModal(props: WizardModalProps) {
  return (
    <div class="modal-scrim" inert={props.covered ? true : undefined}>
      <div
        class="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="wizard-title"
        tabindex={-1}
        autofocus={props.covered ? undefined : true}
        data-return-focus={props.returnFocusId}
      >
        <div class="modal-head">
          <h2 id="wizard-title">{props.title}</h2>
          <ActionButton
            label=""
            icon="close"
            ariaLabel="Close"
            variant="ghost"
            action={{ method: 'get', href: props.closeHref }}
            closesDialog={true}
          />
        </div>
        {props.progress ? <Progress current={props.progress.current} total={props.progress.total} /> : null}
        <div class="modal-body">{props.children}</div>
        <div class="modal-foot">
          {props.progress ? (
            <span class="step-count">
              Step {props.progress.current} of {props.progress.total}
            </span>
          ) : null}
          {props.back ? <ActionButton label={props.back.label ?? 'Back'} action={props.back.action} /> : null}
          {props.primary ? (
            <ActionButton
              label={props.primary.label}
              action={props.primary.action}
              variant="primary"
              disabled={props.primary.disabled}
              enableWhenValid={props.primary.enableWhenValid}
            />
          ) : null}
        </div>
      </div>
    </div>
  )
}

/** One wizard step: an icon, its heading, a line, then its controls. */
export function WizardStep(props: {
  heading: string
  icon?: IconName
  description?: Child
  align?: 'centre' | 'left'
  children?: Child
}) {
  return (
    <div class="wizard-step">
      <div class={props.align === 'left' ? 'step-intro left' : 'step-intro'}>
        {props.icon ? (
          <span class="icon-circle">
            <Icon name={props.icon} size="large" />
          </span>
        ) : null}
        <h3>{props.heading}</h3>
        {props.description ? <p>{props.description}</p> : null}
      </div>
      {props.children ?? null}
    </div>
  )
}

/**
 * A confirmation on top of everything ("SSO Warning"): `role="alertdialog"`, its message as the
 * description, Cancel (what Escape does) and the confirming button.
 */
export function AlertDialog(props: {
  title: string
  message: Child
  cancel: { readonly label?: string; readonly action: Action }
  confirm: { readonly label?: string; readonly action: Action }
  returnFocusId?: string
}) {
  return (
    <div class="modal-scrim alert-layer">
      <div
        class="modal alert"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="alert-title"
        aria-describedby="alert-message"
        tabindex={-1}
        data-return-focus={props.returnFocusId}
      >
        <div class="modal-head">
          <Icon name="warning" />
          <h2 id="alert-title">{props.title}</h2>
        </div>
        <div class="modal-body" id="alert-message">
          {props.message}
        </div>
        <div class="modal-foot">
          <ActionButton
            label={props.cancel.label ?? 'Cancel'}
            action={props.cancel.action}
            closesDialog={true}
            autofocus={true}
          />
          <ActionButton label={props.confirm.label ?? 'Ok'} action={props.confirm.action} variant="primary" />
        </div>
      </div>
    </div>
  )
}
