import type { Child } from 'hono/jsx'

/** A column; sortable columns link to the same list sorted by them. */
export interface TableColumn {
  readonly header: string
  /** A column that gets a third of the width (Name), where the others share the rest. */
  readonly wide?: boolean
  /**
   * A fixed width: "date" fits "12/31/2026, 11:59:59 PM", "narrow" one word ("StagedDelete"),
   * "medium" a short name ("Microsoft Entra ID" on two lines at most).
   */
  readonly size?: 'date' | 'narrow' | 'medium'
  readonly sort?: { readonly href: string; readonly direction: 'ascending' | 'descending' | 'none' }
}

/** A row's check box: what it submits, and its accessible name ("Select B.Simon"). */
export interface RowSelection {
  readonly name: string
  readonly value: string
  readonly label: string
  readonly checked?: boolean
}

/** One row: its cells in column order, and its check box when the table is selectable. */
export interface TableRow {
  readonly key: string
  readonly cells: readonly Child[]
  readonly selection?: RowSelection
}

/** A list grid (All applications, All users, Users and groups). */
export interface DataTableProps {
  /** Also the id commands use to wait for a ticked row (`needsSelectionIn`). */
  readonly id: string
  /** The table's caption, for screen readers. */
  readonly label: string
  readonly columns: readonly TableColumn[]
  readonly rows: readonly TableRow[]
  /** The one line shown when there are no rows ("No application assignments found"). */
  readonly emptyText: string
  /** Long values wrap onto more lines instead of being cut with an ellipsis (a narrow blade). */
  readonly wrap?: boolean
  /** Adds the check box column; `form` is the id of the form the boxes submit with. */
  readonly selection?: { readonly form?: string }
}

const GLYPH = { ascending: '↑', descending: '↓', none: '↑↓' } as const

function Header(props: { readonly column: TableColumn }) {
  const { column } = props
  const wide = column.wide ? 'col-wide' : column.size ? `col-${column.size}` : undefined
  if (!column.sort)
    return (
      <th scope="col" class={wide}>
        {column.header}
      </th>
    )
  return (
    <th scope="col" class={wide} aria-sort={column.sort.direction}>
      <a class="sort-link" href={column.sort.href}>
        {column.header}
        <span class="sort-glyph" aria-hidden="true">
          {GLYPH[column.sort.direction]}
        </span>
      </a>
    </th>
  )
}

/** The grid: sortable headers (links with `aria-sort`), optional check boxes, an empty state. */
export function DataTable(props: DataTableProps) {
  const selectable = props.selection !== undefined
  const span = props.columns.length + (selectable ? 1 : 0)
  return (
    <table class={props.wrap ? 'data-table data-table-wrap' : 'data-table'} id={props.id}>
      <caption class="visually-hidden">{props.label}</caption>
      <thead>
        <tr>
          {selectable ? (
            <th scope="col" class="col-select">
              <span class="visually-hidden">Selected</span>
              <input type="checkbox" aria-label="Select all" data-select-all data-js-only hidden />
            </th>
          ) : null}
          {props.columns.map((column) => (
            <Header column={column} />
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 ? (
          <tr class="empty-row">
            <td colspan={span}>{props.emptyText}</td>
          </tr>
        ) : (
          props.rows.map((row) => (
            <tr>
              {selectable ? (
                <td class="col-select">
                  {row.selection ? (
                    <input
                      type="checkbox"
                      name={row.selection.name}
                      value={row.selection.value}
                      checked={row.selection.checked === true}
                      form={props.selection?.form}
                      aria-label={row.selection.label}
                      data-row-select
                    />
                  ) : null}
                </td>
              ) : null}
              {row.cells.map((cell) => (
                <td>{cell}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
