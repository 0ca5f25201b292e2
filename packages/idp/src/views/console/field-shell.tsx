import type { Child } from 'hono/jsx'
import { Icon } from './icons'

/** What every labelled field has besides its control. */
export interface FieldBase {
  readonly id: string
  readonly label: string
  readonly required?: boolean
  /** The grey italic line under the label ("The unique ID that identifies your application…"). */
  readonly help?: string
  /** The validation message under the box; the box turns red and is `aria-invalid`. */
  readonly error?: string
  /** Label at the left (Manage claim) instead of above (Create new user). */
  readonly layout?: 'stacked' | 'inline'
  /** For rows whose label is drawn elsewhere (a card's left column): kept for screen readers only. */
  readonly labelHidden?: boolean
}

/** The ids a control lists in `aria-describedby`: its help, then its error. */
export function describedBy(field: FieldBase): string | undefined {
  const ids = [field.help ? `${field.id}-help` : null, field.error ? `${field.id}-error` : null]
  const list = ids.filter((id) => id !== null).join(' ')
  return list === '' ? undefined : list
}

/**
 * What every labelled control carries: its id and name, `required`, and the invalid state and
 * described-by list that tie it to its help and error lines.
 */
export function controlAttributes(field: FieldBase & { readonly name: string }) {
  return {
    id: field.id,
    name: field.name,
    required: field.required === true,
    'aria-invalid': field.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(field),
  }
}

/** The red asterisk of a required field, hidden from screen readers (the control says `required`). */
export function RequiredMark(props: { readonly required?: boolean }) {
  return props.required ? (
    <span class="required-mark" aria-hidden="true">
      *
    </span>
  ) : null
}

/** A legend's text with its asterisk. */
export function LabelText(props: { readonly label: string; readonly required?: boolean }) {
  return (
    <>
      {props.label}
      <RequiredMark required={props.required} />
    </>
  )
}

/** The red message under an invalid control. */
export function FieldError(props: { readonly id: string; readonly error?: string }) {
  return props.error ? (
    <p class="field-error" id={`${props.id}-error`}>
      <Icon name="error" />
      <span>{props.error}</span>
    </p>
  ) : null
}

/** Label, help, the control(s), the error and anything after (a "Show password" box). */
export function FieldShell(props: {
  readonly field: FieldBase
  /** The control the label names; defaults to the field's id. */
  readonly labelFor?: string
  readonly class?: string
  readonly after?: Child
  readonly children: Child
}) {
  const { field } = props
  const layout = field.layout === 'inline' ? ' field-inline' : ''
  return (
    <div class={`field${layout}${props.class ? ` ${props.class}` : ''}`}>
      {/* The asterisk sits outside the <label>, so the label's text is exactly the field's name. */}
      <div class={field.labelHidden ? 'visually-hidden' : 'field-label'}>
        <label for={props.labelFor ?? field.id}>{field.label}</label>
        <RequiredMark required={field.required} />
      </div>
      <div class="field-control">
        {field.help ? (
          <p class="field-help" id={`${field.id}-help`}>
            {field.help}
          </p>
        ) : null}
        {props.children}
        <FieldError id={field.id} error={field.error} />
        {props.after ?? null}
      </div>
    </div>
  )
}

/** The box around an input: the green check of a valid value sits inside it. */
export function TextBox(props: {
  readonly valid?: boolean
  readonly class?: string
  readonly children: Child
}) {
  return (
    <div class={`text-box${props.valid ? ' has-state' : ''}${props.class ? ` ${props.class}` : ''}`}>
      {props.children}
      {props.valid ? (
        <span class="state-icon">
          <Icon name="check" tone="success" />
        </span>
      ) : null}
    </div>
  )
}
