import type { Child } from 'hono/jsx'
import { Icon } from './icons'

/** A card's "Edit": a link to the edit page, or to the pane it opens in place (`opensPane`). */
export interface CardEdit {
  readonly href: string
  readonly opensPane?: string
  /** Greyed and inert until the card can be edited. */
  readonly disabled?: boolean
}

/** One label/value line; an empty value shows "Required" (red, bold) or "Optional" (grey, italic). */
export interface CardRow {
  readonly label: string
  readonly value?: Child
  readonly whenEmpty?: 'required' | 'optional'
}

function isEmpty(value: Child | undefined): boolean {
  return value === undefined || value === null || value === '' || value === false
}

function EditLink(props: { readonly edit: CardEdit }) {
  const { edit } = props
  if (edit.disabled) {
    return (
      <button type="button" class="command" disabled>
        <Icon name="edit" />
        <span>Edit</span>
      </button>
    )
  }
  return (
    <a
      class="edit-link"
      href={edit.href}
      data-pane-link={edit.opensPane ? true : undefined}
      data-opens-overlay={edit.opensPane}
    >
      <Icon name="edit" />
      <span>Edit</span>
    </a>
  )
}

/** A card's (h3) or a card section's (h4) title, `{id}-title`, with its "Edit". */
function CardHead(props: {
  readonly id: string
  readonly title: string
  readonly level: 'card' | 'section'
  readonly edit: CardEdit | undefined
}) {
  const id = `${props.id}-title`
  return (
    <div class="step-card-head">
      {props.level === 'card' ? (
        <h3 class="step-card-title" id={id}>
          {props.title}
        </h3>
      ) : (
        <h4 class="step-card-subtitle" id={id}>
          {props.title}
        </h4>
      )}
      {props.edit ? <EditLink edit={props.edit} /> : null}
    </div>
  )
}

/** The label/value lines of a card or card section. */
export function CardRows(props: { readonly rows: readonly CardRow[] }) {
  return (
    <dl class="card-rows">
      {props.rows.map((row) => (
        <>
          <dt>{row.label}</dt>
          <dd>
            {!isEmpty(row.value) ? (
              row.value
            ) : row.whenEmpty === 'required' ? (
              <span class="value-required">Required</span>
            ) : row.whenEmpty === 'optional' ? (
              <span class="value-optional">Optional</span>
            ) : null}
          </dd>
        </>
      ))}
    </dl>
  )
}

/** The numbered cards of the SAML-based Sign-on page: blue circles on one vertical line. */
export function NumberedSteps(props: { readonly children: Child }) {
  return <ol class="numbered-steps">{props.children}</ol>
}

/** One card, a region named by its title (so each "Edit" can be found inside its card). */
export function NumberedCard(props: {
  readonly number: number
  readonly id: string
  readonly title: string
  readonly edit?: CardEdit
  readonly children: Child
}) {
  return (
    <li class="numbered-step">
      <span class="step-number" aria-hidden="true">
        {props.number}
      </span>
      <section class="step-card" id={props.id} aria-labelledby={`${props.id}-title`}>
        <CardHead id={props.id} title={props.title} level="card" edit={props.edit} />
        {props.children}
      </section>
    </li>
  )
}

/** A titled part of a card with its own "Edit" (Token signing certificate, Verification certificates). */
export function CardSection(props: {
  readonly id: string
  readonly title: string
  readonly edit?: CardEdit
  readonly children: Child
}) {
  return (
    <section class="step-card-section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <CardHead id={props.id} title={props.title} level="section" edit={props.edit} />
      {props.children}
    </section>
  )
}
