import type { Child } from 'hono/jsx'
import { splitHref } from './actions'
import { Icon } from './icons'

export interface Column {
  readonly label: string
  /** A sortable column links to the list sorted by it; `direction` marks the current sort. */
  readonly sort?: { readonly href: string; readonly direction?: 'ascending' | 'descending' }
  /** Cells wrap long values (email addresses) instead of widening the table. */
  readonly wrap?: boolean
}

export interface TableRow {
  readonly id?: string
  readonly cells: readonly Child[]
}

export interface PagerProps {
  /** 1-based index of the first row shown. */
  readonly from: number
  readonly to: number
  readonly total: number
  readonly previousHref: string | null
  readonly nextHref: string | null
}

const count = (n: number): string => n.toLocaleString('en-US')

function SortIcon(props: { direction: 'ascending' | 'descending' | undefined }) {
  if (props.direction === 'ascending') return <Icon name="sort-up" size="small" />
  if (props.direction === 'descending') return <Icon name="sort-down" size="small" />
  return <Icon name="sort" size="small" />
}

function HeaderCell(props: { column: Column }) {
  const { column } = props
  if (!column.sort) return <th scope="col">{column.label}</th>
  return (
    <th scope="col" aria-sort={column.sort.direction}>
      <a class="sort" href={column.sort.href}>
        {column.label}
        <SortIcon direction={column.sort.direction} />
      </a>
    </th>
  )
}

function PageLink(props: { href: string | null; label: string; icon: 'chevron-left' | 'chevron-right' }) {
  if (!props.href)
    return (
      <button type="button" class="btn btn-ghost btn-icon" disabled={true} aria-label={props.label}>
        <Icon name={props.icon} />
      </button>
    )
  return (
    <a class="btn btn-ghost btn-icon" href={props.href} aria-label={props.label} title={props.label}>
      <Icon name={props.icon} />
    </a>
  )
}

/** "1–50 of 5,000" and the previous/next page links. */
export function Pager(props: PagerProps) {
  return (
    <nav class="pager" aria-label="Pages">
      <span class="range">
        {props.total === 0
          ? 'No results'
          : `${count(props.from)}–${count(props.to)} of ${count(props.total)}`}
      </span>
      <PageLink href={props.previousHref} label="Previous page" icon="chevron-left" />
      <PageLink href={props.nextHref} label="Next page" icon="chevron-right" />
    </nav>
  )
}

/** An empty list: an icon, what is missing, and what to do. */
export function EmptyState(props: { title: string; children?: Child }) {
  return (
    <div class="empty-state">
      <span class="icon-circle">
        <Icon name="search" size="large" />
      </span>
      <h3>{props.title}</h3>
      {props.children ? <p>{props.children}</p> : null}
    </div>
  )
}

/**
 * The list search ("Search for a user"): a GET form, so results are a URL. Query parameters of
 * `action` (the sort) travel as hidden fields, so a new search keeps them; paging starts again.
 */
export function SearchBox(props: { action: string; label: string; name?: string; value?: string }) {
  const { action, fields } = splitHref(props.action)
  return (
    <search>
      <form class="search" method="get" action={action}>
        {fields.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <Icon name="search" />
        <input
          class="input"
          type="search"
          name={props.name ?? 'q'}
          value={props.value}
          aria-label={props.label}
          placeholder={props.label}
          maxlength={200}
        />
      </form>
    </search>
  )
}

/** The bar above a table: search on the left, the page's buttons on the right. */
export function TableToolbar(props: { search?: Child; actions?: Child }) {
  return (
    <div class="table-toolbar">
      {props.search ?? null}
      {props.actions ? <div class="actions">{props.actions}</div> : null}
    </div>
  )
}

/** A data table (users, sign-in log) with sortable headers, an empty state and paging. */
export function DataTable(props: {
  caption: string
  captionHidden?: boolean
  columns: readonly Column[]
  rows: readonly TableRow[]
  empty: { title: string; text?: Child }
  pager?: PagerProps
  /** A wide table (long values) scrolls sideways: its wrapper is then a named, focusable region for keyboard users. */
  scrollable?: boolean
}) {
  const table = (
    <>
      <table class="data" aria-label={props.captionHidden ? props.caption : undefined}>
        {props.captionHidden ? null : <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((column) => (
              <HeaderCell column={column} />
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr id={row.id}>
              {row.cells.map((cell, index) => (
                <td class={props.columns[index]?.wrap ? 'wrap' : undefined}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 ? <EmptyState title={props.empty.title}>{props.empty.text}</EmptyState> : null}
      {props.pager ? <Pager {...props.pager} /> : null}
    </>
  )
  // A wide table scrolls sideways: its wrapper is then a named, focusable region for keyboard users.
  return props.scrollable ? (
    <section class="table-wrap" tabindex={0} aria-label={props.caption}>
      {table}
    </section>
  ) : (
    <div class="table-wrap">{table}</div>
  )
}
