import type { Child } from 'hono/jsx'

/** A white card: a title, a body, and buttons in its footer. */
export function Card(props: {
  title?: string
  /** The heading level inside the page (2 under the page's h1, 3 inside a section). */
  level?: 2 | 3
  /** Shown at the right of the title (a status, a link). */
  aside?: Child
  footer?: Child
  tone?: 'success' | 'error'
  id?: string
  children: Child
}) {
  const headingId = props.id ? `${props.id}-title` : undefined
  const Heading = props.level === 3 ? 'h3' : 'h2'
  return (
    <section
      class={props.tone ? `card tone-${props.tone}` : 'card'}
      id={props.id}
      aria-labelledby={props.title ? headingId : undefined}
    >
      {props.title ? (
        <div class="card-head">
          <Heading id={headingId}>{props.title}</Heading>
          {props.aside ? <div class="aside">{props.aside}</div> : null}
        </div>
      ) : null}
      <div class="card-body">{props.children}</div>
      {props.footer ? <div class="card-foot">{props.footer}</div> : null}
    </section>
  )
}

/** Cards side by side, as many columns as fit. */
export function CardGrid(props: { children: Child }) {
  return <div class="card-grid">{props.children}</div>
}

/** A green (on), grey (off) or amber (warning) dot with its words, e.g. "Enabled". */
export function StatusDot(props: { state: 'on' | 'off' | 'warning'; label: string; id?: string }) {
  const className = props.state === 'off' ? 'status-dot' : `status-dot ${props.state}`
  return (
    <span class={className} id={props.id}>
      {props.label}
    </span>
  )
}

export type PillTone = 'success' | 'warning' | 'error' | 'info' | 'neutral'

/** A small status badge: "Active", "Invite Pending", "SCIM", a result. */
export function StatusPill(props: { tone: PillTone; label: string }) {
  return <span class={props.tone === 'neutral' ? 'pill' : `pill ${props.tone}`}>{props.label}</span>
}

/**
 * A section of the Settings page: its title on the left ("Authentication"), its settings on the
 * right, as in Control Hub's Organization Settings.
 */
export function SettingsSection(props: {
  id: string
  title: string
  /** "wide": the title above the content, for a table that needs the card's whole width. */
  layout?: 'wide'
  children: Child
}) {
  const layout = props.layout === 'wide' ? 'settings-section settings-section-wide' : 'settings-section'
  return (
    <section class={layout} id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <div>{props.children}</div>
    </section>
  )
}

/**
 * One setting: its name ("Single Sign-On"), a line about it, its status, and the button that
 * changes it ("Modify") on the right.
 */
export function SettingsRow(props: {
  label: string
  description?: Child
  status?: Child
  action?: Child
  children?: Child
}) {
  return (
    <div class="settings-row">
      <div>
        <h3>{props.label}</h3>
        {props.description ? <p class="description">{props.description}</p> : null}
        {props.status ?? null}
        {props.children ?? null}
      </div>
      {props.action ? <div>{props.action}</div> : null}
    </div>
  )
}

/** Facts as a definition list: a label column and a value column. */
export function Facts(props: { items: readonly { label: string; value: Child; id?: string }[] }) {
  return (
    <dl class="facts">
      {props.items.map((item) => (
        <>
          <dt>{item.label}</dt>
          <dd id={item.id}>{item.value}</dd>
        </>
      ))}
    </dl>
  )
}
