import type { Child } from 'hono/jsx'
import { Icon } from './icons'

export interface TextFieldProps {
  /** The visible label and the accessible name ("First Name", "Email address"). */
  readonly label: string
  readonly name: string
  readonly id?: string
  readonly type?: 'text' | 'email' | 'search' | 'password'
  readonly value?: string
  readonly placeholder?: string
  readonly autocomplete?: string
  readonly required?: boolean
  readonly hint?: string
  /** The field's own error, shown under it and tied to it (`aria-invalid`, `aria-describedby`). */
  readonly error?: string
  readonly size?: 'large'
  readonly form?: string
  readonly autofocus?: boolean
  readonly maxLength?: number
}

/** A labelled text input with an optional hint and inline error. */
export function TextField(props: TextFieldProps) {
  const id = props.id ?? `field-${props.name}`
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean)
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <input
        class={props.size ? `input ${props.size}` : 'input'}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        autocomplete={props.autocomplete}
        required={props.required}
        form={props.form}
        autofocus={props.autofocus}
        maxlength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
      />
      {props.error ? (
        <span class="field-error" id={`${id}-error`}>
          <Icon name="error-circle" size="small" />
          {props.error}
        </span>
      ) : null}
    </div>
  )
}

/**
 * A message about the whole form ("Unable to proceed. There are duplicate or invalid email
 * addresses."): `role="alert"` so it is read out when the page or step arrives with it.
 */
export function FormError(props: { id?: string; children: Child }) {
  return (
    <div class="form-error" role="alert" id={props.id}>
      <Icon name="error-circle" />
      <span>{props.children}</span>
    </div>
  )
}

/** One person already added to the list. */
export interface EntryToken {
  readonly firstName: string
  readonly lastName: string
  readonly email: string
}

export interface NameEmailEntryProps {
  /** The step's form; the inputs and buttons belong to it. */
  readonly form: string
  /** What is typed so far (kept after a failed add). */
  readonly draft?: Partial<EntryToken>
  /** The people added so far; each travels as hidden fields `entry` = `first\tlast\temail`. */
  readonly entries: readonly EntryToken[]
  readonly error?: string
}

function describe(entry: EntryToken): string {
  const name = `${entry.firstName} ${entry.lastName}`.trim()
  return name ? `${name} <${entry.email}>` : entry.email
}

/** The entry row's inputs, in the tutorial's words; the email is the one that can be refused. */
const ENTRY_FIELDS = [
  { label: 'First Name', name: 'firstName', id: 'entry-first-name', maxLength: 64 },
  { label: 'Last Name', name: 'lastName', id: 'entry-last-name', maxLength: 64 },
  { label: 'Email address', name: 'email', id: 'entry-email', type: 'email', maxLength: 254 },
] as const satisfies readonly (Pick<TextFieldProps, 'label' | 'id' | 'type' | 'maxLength'> & {
  name: keyof EntryToken
})[]

/**
 * "Names and Email address": First Name, Last Name and Email address, the plus sign that adds the
 * person to the list (a submit button `intent=add`, accessible name "Add", drawn as +), and the
 * list with a Remove button per person (`intent=remove-<n>`). The server keeps the list: it comes
 * back as hidden fields, so adding works the same with or without the page script.
 */
export function NameEmailEntry(props: NameEmailEntryProps) {
  return (
    <div class="name-email-entry">
      <div class="entry-row">
        {ENTRY_FIELDS.map((field) => (
          <TextField
            {...field}
            form={props.form}
            value={props.draft?.[field.name]}
            autocomplete="off"
            error={field.name === 'email' ? props.error : undefined}
          />
        ))}
        <button
          type="submit"
          class="btn btn-secondary btn-icon add"
          form={props.form}
          name="intent"
          value="add"
          aria-label="Add"
          title="Add"
        >
          <Icon name="plus" />
        </button>
      </div>
      {props.entries.length > 0 ? (
        <ul class="tokens" aria-label="People to add">
          {props.entries.map((entry, index) => (
            <li class="token">
              <input
                type="hidden"
                name="entry"
                form={props.form}
                value={`${entry.firstName}\t${entry.lastName}\t${entry.email}`}
              />
              <span>{describe(entry)}</span>
              <button
                type="submit"
                class="btn btn-ghost btn-icon"
                form={props.form}
                name="intent"
                value={`remove-${index}`}
                aria-label={`Remove ${entry.email}`}
                title={`Remove ${entry.email}`}
              >
                <Icon name="close" size="small" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
