import type { ListPage } from '../../../lists/list-page'
import { Paging } from '../list-toolbar'

/** `href` with `changes` applied to its query (empty values removed). */
export function withQuery(href: string, query: Readonly<Record<string, string>>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (value !== '') params.set(name, value)
  const text = params.toString()
  return text === '' ? href : `${href}?${text}`
}

/** Previous / Next and "Showing 51–100 of 1000" for a list page at `href` with its `query`. */
export function ListPaging<T>(props: {
  readonly label: string
  readonly href: string
  readonly query: Readonly<Record<string, string>>
  readonly list: ListPage<T>
}) {
  const { list } = props
  const at = (page: number) => withQuery(props.href, { ...props.query, page: page === 0 ? '' : String(page) })
  const first = list.page * list.pageSize + 1
  return (
    <Paging
      label={props.label}
      previousHref={list.hasPrevious ? at(list.page - 1) : undefined}
      nextHref={list.hasNext ? at(list.page + 1) : undefined}
      status={
        list.total > 0 ? `Showing ${first}–${first + list.items.length - 1} of ${list.total}` : undefined
      }
    />
  )
}
