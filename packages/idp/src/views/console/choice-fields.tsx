import { LabelText } from './field-shell'

/** One check box with its label and an optional grey description under it. */
export interface CheckboxProps {
  readonly id: string
  readonly name: string
  readonly label: string
  readonly checked?: boolean
  /** What is submitted when ticked; "true" unless given. */
  readonly value?: string
  readonly disabled?: boolean
  readonly description?: string
}

/** A check box or radio with its label and optional description: the markup both share. */
function Choice(props: {
  readonly type: 'checkbox' | 'radio'
  readonly id: string
  readonly name: string
  readonly value: string
  readonly label: string
  readonly checked: boolean
  readonly disabled?: boolean
  readonly required?: boolean
  readonly description?: string
}) {
  const descriptionId = props.description ? `${props.id}-description` : undefined
  return (
    <div class="choice">
      <input
        type={props.type}
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        disabled={props.disabled === true}
        required={props.required === true}
        aria-describedby={descriptionId}
      />
      <span class="choice-text">
        <label for={props.id}>{props.label}</label>
        {props.description ? (
          <span class="choice-description" id={descriptionId}>
            {props.description}
          </span>
        ) : null}
      </span>
    </div>
  )
}

/** Entra's check box ("Account enabled", "Assignment required?"). */
export function Checkbox(props: CheckboxProps) {
  return (
    <Choice
      type="checkbox"
      id={props.id}
      name={props.name}
      value={props.value ?? 'true'}
      label={props.label}
      checked={props.checked === true}
      disabled={props.disabled}
      description={props.description}
    />
  )
}

/** One answer of a radio group. */
export interface RadioOption {
  readonly value: string
  readonly label: string
  readonly description?: string
  readonly disabled?: boolean
}

/** A question with one answer: a fieldset whose legend is the question. */
export interface RadioGroupProps {
  readonly id: string
  readonly name: string
  readonly legend: string
  readonly options: readonly RadioOption[]
  readonly selected?: string
  readonly required?: boolean
  /** Side by side (Source: Attribute / Transformation / …) instead of one under another. */
  readonly horizontal?: boolean
  readonly error?: string
}

/** "What are you looking to do with your application?" and its radios. */
export function RadioGroup(props: RadioGroupProps) {
  const errorId = props.error ? `${props.id}-error` : undefined
  return (
    <fieldset
      class={`choice-group${props.horizontal ? ' horizontal' : ''}`}
      id={props.id}
      aria-describedby={errorId}
    >
      <legend>
        <LabelText label={props.legend} required={props.required} />
      </legend>
      <div class="choice-options">
        {props.options.map((option, index) => (
          <Choice
            type="radio"
            id={`${props.id}-${index}`}
            name={props.name}
            value={option.value}
            label={option.label}
            checked={option.value === props.selected}
            disabled={option.disabled}
            required={props.required}
            description={option.description}
          />
        ))}
      </div>
      {props.error ? (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  )
}
