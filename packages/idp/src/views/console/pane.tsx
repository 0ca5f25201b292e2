import type { Child } from 'hono/jsx'
import { type Command, CommandBar } from './command-bar'
import { type HiddenField, HiddenFields } from './hidden-fields'
import { Icon } from './icons'

/** Where a pane's form posts. */
export interface PaneForm {
  readonly action: string
  readonly fields?: readonly HiddenField[]
  /** multipart/form-data when the pane holds a file picker. */
  readonly multipart?: boolean
}

/** What a right-side pane shows. */
export interface PaneProps {
  /** The `?pane=` value that addresses it ("basic-saml"); also finds its opener to refocus. */
  readonly id: string
  readonly title: string
  readonly subtitle?: string
  /** The page without `pane`: the X, Escape and "Discard changes" go there. */
  readonly closeHref: string
  readonly size?: 'small' | 'medium' | 'large'
  /** The pane's own bar (Save, Discard changes, …); inside the form, so Save submits it. */
  readonly commands?: readonly Command[]
  /** Wraps commands, body and footer in one POST form. */
  readonly form?: PaneForm
  /** The bottom row of buttons (primary first: Create, Select, Assign, Add). */
  readonly footer?: Child
  readonly children: Child
}

/**
 * An edit pane sliding in from the right: a modal dialog named by its title, with its command
 * bar, an X, a scrolling body and a footer. Drawn by the server when the URL asks for it, so it
 * works without JavaScript; the console script moves focus into it and back out again.
 */
export function Pane(props: PaneProps) {
  const titleId = `pane-${props.id}-title`
  const inner = (
    <>
      {props.commands ? (
        <div class="pane-commands">
          <CommandBar commands={props.commands} label={`${props.title} commands`} />
        </div>
      ) : null}
      <div class="pane-body">{props.children}</div>
      {props.footer ? <div class="pane-footer">{props.footer}</div> : null}
    </>
  )
  return (
    <>
      <div class="overlay-backdrop" />
      <div
        class={`pane size-${props.size ?? 'medium'}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabindex={-1}
        data-overlay-id={props.id}
      >
        <div class="pane-header">
          <div class="pane-heading">
            <h2 class="pane-title" id={titleId}>
              {props.title}
            </h2>
            {props.subtitle ? <p class="pane-subtitle">{props.subtitle}</p> : null}
          </div>
          <a class="icon-button" href={props.closeHref} aria-label="Close" data-overlay-close>
            <Icon name="close" size={20} />
          </a>
        </div>
        {props.form ? (
          <form
            class="pane-form"
            id={`pane-${props.id}-form`}
            method="post"
            action={props.form.action}
            enctype={props.form.multipart ? 'multipart/form-data' : undefined}
          >
            <HiddenFields fields={props.form.fields} />
            {inner}
          </form>
        ) : (
          <div class="pane-form">{inner}</div>
        )}
      </div>
    </>
  )
}

/** A link that opens a pane: a plain link to `?pane=<id>`, swapped in place with the script. */
export function PaneLink(props: {
  readonly href: string
  readonly paneId: string
  readonly class?: string
  readonly children: Child
}) {
  return (
    <a class={props.class} href={props.href} data-pane-link data-opens-overlay={props.paneId}>
      {props.children}
    </a>
  )
}
