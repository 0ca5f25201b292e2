import type { Child } from 'hono/jsx'
import { type HiddenField, HiddenFields } from './hidden-fields'
import { Icon } from './icons'

/** The row above a list: search box and filter pills. */
export function ListToolbar(props: { readonly children: Child }) {
  return <div class="list-toolbar">{props.children}</div>
}

/**
 * A search box: a GET form (Enter submits) whose placeholder is also its accessible name
 * ("Search by application name or object ID"). `keep` carries the list's other parameters.
 */
export function SearchBox(props: {
  readonly action: string
  readonly name: string
  readonly label: string
  readonly value?: string
  readonly keep?: readonly HiddenField[]
}) {
  return (
    <search>
      <form class="search-box" method="get" action={props.action}>
        <Icon name="search" />
        <HiddenFields fields={props.keep} />
        <input
          class="input"
          type="search"
          name={props.name}
          value={props.value ?? ''}
          placeholder={props.label}
          aria-label={props.label}
          autocomplete="off"
        />
      </form>
    </search>
  )
}

/**
 * "Application type == Enterprise Applications" (lists) or "Single Sign-on : All" (gallery): a
 * link when it can be changed, else a label.
 */
export function FilterPill(props: {
  readonly field: string
  readonly value: string
  readonly href?: string
  readonly operator?: '==' | ':'
}) {
  const face = (
    <>
      <span>
        {props.field} {props.operator ?? '=='}
      </span>
      <strong>{props.value}</strong>
    </>
  )
  return props.href ? (
    <a class="filter-pill" href={props.href}>
      {face}
    </a>
  ) : (
    <span class="filter-pill">{face}</span>
  )
}

/** "2 applications found". */
export function ResultCount(props: {
  readonly count: number
  readonly singular: string
  readonly plural: string
}) {
  return (
    <p class="result-count">
      {props.count} {props.count === 1 ? props.singular : props.plural} found
    </p>
  )
}

/** "Previous" or "Next": a link, or a disabled button at the end of the list. */
function PageLink(props: { readonly label: string; readonly href: string | undefined }) {
  return props.href ? (
    <a class="button" href={props.href}>
      {props.label}
    </a>
  ) : (
    <button type="button" class="button" disabled>
      {props.label}
    </button>
  )
}

/**
 * Paging for long lists (1 000 users): "Previous" / "Next" links, drawn as disabled buttons at
 * either end, and an optional "Showing 51–100" line.
 */
export function Paging(props: {
  readonly label: string
  readonly previousHref?: string
  readonly nextHref?: string
  readonly status?: string
}) {
  return (
    <nav class="paging" aria-label={props.label}>
      <PageLink label="Previous" href={props.previousHref} />
      <PageLink label="Next" href={props.nextHref} />
      {props.status ? <span class="paging-status">{props.status}</span> : null}
    </nav>
  )
}

/** "Load more" at the end of a list that grows in place (All applications). */
export function LoadMore(props: { readonly href: string }) {
  return (
    <div class="paging">
      <a class="button" href={props.href}>
        Load more
      </a>
    </div>
  )
}
