import { controlAttributes, type FieldBase, FieldShell } from './field-shell'

/** One choice of a dropdown. */
export interface SelectOption {
  readonly value: string
  readonly label: string
}

/** A native `<select>` styled as Fluent's dropdown. */
export interface SelectFieldProps extends FieldBase {
  readonly name: string
  readonly options: readonly SelectOption[]
  readonly selected?: string
  readonly disabled?: boolean
}

/** "Source attribute *" and its list. */
export function SelectField(props: SelectFieldProps) {
  return (
    <FieldShell field={props}>
      <select class="input" {...controlAttributes(props)} disabled={props.disabled === true}>
        <SelectOptions options={props.options} selected={props.selected} />
      </select>
    </FieldShell>
  )
}

/** The `<option>`s, the selected one marked. */
export function SelectOptions(props: {
  readonly options: readonly SelectOption[]
  readonly selected?: string
}) {
  return (
    <>
      {props.options.map((option) => (
        <option value={option.value} selected={option.value === props.selected}>
          {option.label}
        </option>
      ))}
    </>
  )
}
