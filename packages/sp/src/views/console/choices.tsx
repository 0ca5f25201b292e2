import type { Child } from 'hono/jsx'
import { Icon, type IconName } from './icons'

/**
 * One radio or checkbox. Its label alone is its accessible name (the description is its
 * description), so `getByRole('radio', { name, exact: true })` with the tutorial's words works.
 */
export interface ChoiceOption {
  readonly value: string
  readonly label: string
  readonly description?: Child
  readonly checked?: boolean
  readonly disabled?: boolean
  readonly icon?: IconName
}

export interface ChoiceGroupProps {
  /** The group's question; visually hidden when the step's heading already asks it. */
  readonly legend: string
  readonly legendHidden?: boolean
  readonly name: string
  readonly options: readonly ChoiceOption[]
  /** Cards (bordered, selected one highlighted) or a plain list; `columns` lays cards side by side. */
  readonly look?: 'cards' | 'plain' | 'columns'
  readonly required?: boolean
  /** The form the inputs belong to when they sit outside it (a wizard body and its footer). */
  readonly form?: string
  readonly describedBy?: string
}

function groupClass(look: ChoiceGroupProps['look']): string {
  if (look === 'plain') return 'choices'
  if (look === 'columns') return 'choices cards columns'
  return 'choices cards'
}

function Choice(props: { type: 'radio' | 'checkbox'; group: ChoiceGroupProps; option: ChoiceOption }) {
  const { group, option } = props
  const id = `${group.name}-${option.value}`.replace(/[^A-Za-z0-9_-]/g, '-')
  return (
    <label class="choice" for={id}>
      <input
        type={props.type}
        id={id}
        name={group.name}
        value={option.value}
        checked={option.checked}
        disabled={option.disabled}
        required={props.type === 'radio' ? group.required : undefined}
        form={group.form}
        aria-labelledby={`${id}-label`}
        aria-describedby={option.description ? `${id}-description` : undefined}
      />
      {option.icon ? <Icon name={option.icon} /> : null}
      <span class="text">
        <span id={`${id}-label`}>{option.label}</span>
        {option.description ? (
          <span class="description" id={`${id}-description`}>
            {option.description}
          </span>
        ) : null}
      </span>
    </label>
  )
}

function ChoiceFieldset(props: { type: 'radio' | 'checkbox'; group: ChoiceGroupProps }) {
  const { group } = props
  return (
    <fieldset class={groupClass(group.look)} aria-describedby={group.describedBy}>
      <legend class={group.legendHidden ? 'visually-hidden' : undefined}>{group.legend}</legend>
      {group.options.map((option) => (
        <Choice type={props.type} group={group} option={option} />
      ))}
    </fieldset>
  )
}

/** A set of radios ("Integrate a 3rd-party identity provider. (Advanced)", certificate options). */
export function RadioGroup(props: ChoiceGroupProps) {
  return <ChoiceFieldset type="radio" group={props} />
}

/** A set of checkboxes (the license services Message, Meeting, Call). */
export function CheckboxGroup(props: ChoiceGroupProps) {
  return <ChoiceFieldset type="checkbox" group={props} />
}
