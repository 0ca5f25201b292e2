import type { Child } from 'hono/jsx'
import { Icon, type IconName } from './icons'

/** The form field every state-changing form carries its CSRF token in. */
export const CSRF_FIELD = 'csrf_token'

/**
 * What a button does. Buttons that only go somewhere are still buttons (the tutorial says "click
 * Modify", "click Next"), so a GET is a one-button form whose query becomes hidden fields; a POST
 * carries the CSRF token; `submit` submits a form elsewhere on the page (a wizard step's body).
 */
export type Action =
  | { readonly method: 'get'; readonly href: string }
  | {
      readonly method: 'post'
      readonly href: string
      readonly csrfToken: string
      readonly fields?: Readonly<Record<string, string>>
    }
  | { readonly method: 'submit'; readonly form: string; readonly name?: string; readonly value?: string }

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'link'

export interface ActionButtonProps {
  readonly label: Child
  readonly action: Action
  readonly variant?: ButtonVariant
  readonly size?: 'large'
  readonly block?: boolean
  readonly icon?: IconName
  /** Replaces the visible words as the accessible name (icon-only buttons). */
  readonly ariaLabel?: string
  readonly id?: string
  /** Disabled on the server's word (a step that cannot go on). */
  readonly disabled?: boolean
  /** Disabled by the page script until the form it submits is valid; enabled without the script. */
  readonly enableWhenValid?: boolean
  /** Fetched and swapped in by the page script instead of a full page load (default: yes). */
  readonly enhance?: boolean
  /** Opens in a new tab (Test SSO Connection). */
  readonly newTab?: boolean
  /** Marks the control Escape activates in a dialog. */
  readonly closesDialog?: boolean
  /** Takes focus when the page (or the swapped-in dialog) appears. */
  readonly autofocus?: boolean
}

function buttonClass(props: ActionButtonProps): string {
  const variant = props.variant ?? 'secondary'
  const classes = variant === 'link' ? ['link-button'] : ['btn', `btn-${variant}`]
  if (props.size) classes.push(props.size)
  if (props.block) classes.push('block')
  if (props.icon && props.label === '' && variant !== 'link') classes.push('btn-icon')
  return classes.join(' ')
}

/** Splits a same-site href into the form's action (path and fragment) and its query fields. */
export function splitHref(href: string): { action: string; fields: [string, string][] } {
  const url = new URL(href, 'http://console.invalid')
  return { action: `${url.pathname}${url.hash}`, fields: [...url.searchParams.entries()] }
}

function Hidden(props: { fields: readonly (readonly [string, string])[] }) {
  return (
    <>
      {props.fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  )
}

/** A button that navigates, posts, or submits a form elsewhere, in the Momentum pill style. */
export function ActionButton(props: ActionButtonProps) {
  const action = props.action
  const enhance = props.enhance !== false && !props.newTab
  const button = (
    <button
      type="submit"
      class={buttonClass(props)}
      id={props.id}
      form={action.method === 'submit' ? action.form : undefined}
      name={action.method === 'submit' ? action.name : undefined}
      value={action.method === 'submit' ? action.value : undefined}
      disabled={props.disabled}
      autofocus={props.autofocus}
      data-enable-when-valid={props.enableWhenValid ? '' : undefined}
      aria-label={props.ariaLabel}
      title={props.ariaLabel}
    >
      {props.icon ? <Icon name={props.icon} /> : null}
      {props.label}
    </button>
  )
  if (action.method === 'submit') return button
  if (action.method === 'get') {
    const { action: target, fields } = splitHref(action.href)
    return (
      <form
        class="inline-form"
        method="get"
        action={target}
        target={props.newTab ? '_blank' : undefined}
        data-enhance={enhance ? '' : undefined}
        data-dialog-close={props.closesDialog ? '' : undefined}
      >
        <Hidden fields={fields} />
        {button}
      </form>
    )
  }
  return (
    <form
      class="inline-form"
      method="post"
      action={action.href}
      target={props.newTab ? '_blank' : undefined}
      data-enhance={enhance ? '' : undefined}
      data-dialog-close={props.closesDialog ? '' : undefined}
    >
      <input type="hidden" name={CSRF_FIELD} value={action.csrfToken} />
      <Hidden fields={Object.entries(action.fields ?? {})} />
      {button}
    </form>
  )
}

/** A state-changing form with its CSRF token: the body of a wizard step, a settings form. */
export function PostForm(props: {
  id?: string
  action: string
  csrfToken: string
  multipart?: boolean
  enhance?: boolean
  children: Child
}) {
  return (
    <form
      id={props.id}
      method="post"
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      data-enhance={props.enhance === false ? undefined : ''}
    >
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      {props.children}
    </form>
  )
}
