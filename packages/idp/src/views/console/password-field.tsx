import { controlAttributes, type FieldBase, FieldShell, TextBox } from './field-shell'

/** A password box with its "Show password" check box. */
export interface PasswordFieldProps extends FieldBase {
  readonly name: string
  /** A value the server knows (an auto-generated password); it can be shown without JavaScript. */
  readonly value?: string
  readonly readOnly?: boolean
  readonly autocomplete?: string
  readonly showLabel?: string
}

/**
 * Password with "Show password". With the console script the box switches between hidden and
 * plain text. Without it, ticking the box reveals a read-only copy of the value the server
 * rendered (what the tutorial's auto-generated password needs); a typed value stays hidden.
 */
export function PasswordField(props: PasswordFieldProps) {
  const showId = `${props.id}-show`
  const known = props.value !== undefined && props.value !== ''
  return (
    <FieldShell
      field={props}
      class={`password-field${known ? ' has-plain' : ''}`}
      after={
        <div class="choice">
          <input type="checkbox" id={showId} class="password-show" data-show-password={props.id} />
          <label for={showId} class="choice-text">
            {props.showLabel ?? 'Show password'}
          </label>
        </div>
      }
    >
      <TextBox class="password-masked">
        <input
          class="input"
          {...controlAttributes(props)}
          type="password"
          value={props.value ?? ''}
          readonly={props.readOnly === true}
          autocomplete={props.autocomplete ?? 'new-password'}
        />
      </TextBox>
      {known ? (
        <TextBox class="password-plain">
          <span class="input input-static">{props.value}</span>
        </TextBox>
      ) : null}
    </FieldShell>
  )
}
