import { controlAttributes, type FieldBase, FieldShell, TextBox } from './field-shell'

/** A one-line text box with its label, help, validation message and valid state. */
export interface TextFieldProps extends FieldBase {
  readonly name: string
  readonly value?: string
  readonly type?: 'text' | 'url' | 'email' | 'search' | 'number'
  /** Shows the green check inside the box (the server found the value valid). */
  readonly valid?: boolean
  readonly placeholder?: string
  readonly readOnly?: boolean
  readonly disabled?: boolean
  readonly autocomplete?: string
  readonly maxLength?: number
}

/** Entra's text field: "Display name *", a box, a red border and message when invalid. */
export function TextField(props: TextFieldProps) {
  return (
    <FieldShell field={props}>
      <TextBox valid={props.valid && !props.error}>
        <input
          class="input"
          {...controlAttributes(props)}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          placeholder={props.placeholder}
          readonly={props.readOnly === true}
          disabled={props.disabled === true}
          autocomplete={props.autocomplete}
          maxlength={props.maxLength}
        />
      </TextBox>
    </FieldShell>
  )
}
