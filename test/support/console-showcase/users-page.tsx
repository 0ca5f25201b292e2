import type { Child } from 'hono/jsx'
import { Blade } from '../../../packages/idp/src/views/console/blade'
import { CommandBar } from '../../../packages/idp/src/views/console/command-bar'
import { ConfirmDialog } from '../../../packages/idp/src/views/console/confirm-dialog'
import { ConsoleLayout } from '../../../packages/idp/src/views/console/console-layout'
import { DataTable } from '../../../packages/idp/src/views/console/data-table'
import {
  FilterPill,
  ListToolbar,
  Paging,
  ResultCount,
  SearchBox,
} from '../../../packages/idp/src/views/console/list-toolbar'
import { SHOWCASE_ACCOUNT, SHOWCASE_NAV, TENANT } from './showcase-nav'

const FIRST = ['Britta', 'Adele', 'Alex', 'Diego', 'Grady', 'Isaiah', 'Johanna', 'Lee', 'Megan', 'Nestor']
const LAST = ['Simon', 'Vance', 'Wilber', 'Siciliani', 'Archie', 'Langer', 'Lorenz', 'Gu', 'Bowen', 'Wilke']

/** A thousand users, the size the console's lists must page through. */
const USERS = Array.from({ length: 1000 }, (_, i) => {
  const first = FIRST[i % 10] ?? ''
  const last = LAST[Math.floor(i / 10) % 10] ?? ''
  const n = String(Math.floor(i / 100)).padStart(2, '0')
  const name = `${first} ${last}${i < 100 ? '' : ` ${n}`}`
  return {
    id: `u${String(i).padStart(4, '0')}`,
    name,
    upn: `${first}.${last}${i < 100 ? '' : n}@contoso.onmicrosoft.com`.toLowerCase(),
    type: i % 17 === 0 ? 'Guest' : 'Member',
  }
})

const PAGE_SIZE = 50

/** All users: search, filter pill, count, sortable Display name, selection, paging, empty state. */
export function UsersPage(props: { readonly query: URLSearchParams; readonly overlay?: Child }) {
  const q = (props.query.get('search') ?? '').toLowerCase()
  const descending = props.query.get('sort') === 'desc'
  const page = Math.max(0, Number(props.query.get('page') ?? '0') | 0)
  const found = USERS.filter((u) => q === '' || u.name.toLowerCase().includes(q) || u.upn.includes(q)).sort(
    (a, b) => (descending ? -1 : 1) * a.name.localeCompare(b.name),
  )
  const shown = found.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
  const link = (changes: Record<string, string>) => {
    const next = new URLSearchParams(props.query)
    next.delete('pane')
    for (const [k, v] of Object.entries(changes)) next.set(k, v)
    return `/showcase/users?${next}`
  }
  return (
    <ConsoleLayout
      title="Users"
      tenantName={TENANT}
      account={SHOWCASE_ACCOUNT}
      nav={SHOWCASE_NAV}
      currentHref="/showcase/users"
      overlay={props.overlay}
    >
      <Blade
        breadcrumbs={[{ label: 'Home', href: '/showcase/home' }, { label: 'Users' }]}
        object="Users"
        subtitle={TENANT}
        icon="user"
        commands={
          <CommandBar
            commands={[
              { kind: 'link', label: 'New user', icon: 'add', href: '/showcase/users/new' },
              { kind: 'link', label: 'Refresh', icon: 'refresh', href: link({}) },
              { kind: 'separator' },
              {
                kind: 'button',
                label: 'Delete',
                icon: 'delete',
                form: 'users-selection',
                needsSelectionIn: 'users-table',
              },
            ]}
          />
        }
      >
        <form id="users-selection" method="get" action="/showcase/users">
          <input type="hidden" name="pane" value="delete-users" />
        </form>
        <ListToolbar>
          <SearchBox
            action="/showcase/users"
            name="search"
            label="Search by name or user principal name"
            value={q}
          />
          <FilterPill field="User type" value="All" />
        </ListToolbar>
        <ResultCount count={found.length} singular="user" plural="users" />
        <DataTable
          id="users-table"
          label="Users"
          selection={{ form: 'users-selection' }}
          columns={[
            {
              header: 'Display name',
              wide: true,
              sort: {
                href: link({ sort: descending ? 'asc' : 'desc', page: '0' }),
                direction: descending ? 'descending' : 'ascending',
              },
            },
            { header: 'User principal name' },
            { header: 'User type' },
          ]}
          rows={shown.map((u) => ({
            key: u.id,
            selection: { name: 'id', value: u.id, label: `Select ${u.name}` },
            cells: [<a href={`/showcase/users/${u.id}`}>{u.name}</a>, u.upn, u.type],
          }))}
          emptyText="No users found. Check the spelling, or search by another name."
        />
        <Paging
          label="Users pages"
          previousHref={page > 0 ? link({ page: String(page - 1) }) : undefined}
          nextHref={(page + 1) * PAGE_SIZE < found.length ? link({ page: String(page + 1) }) : undefined}
          status={
            found.length > 0
              ? `Showing ${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + shown.length} of ${found.length}`
              : undefined
          }
        />
      </Blade>
    </ConsoleLayout>
  )
}

/** "Delete user?" for the ticked rows. */
export function DeleteUsersDialog(props: { readonly ids: readonly string[] }) {
  return (
    <ConfirmDialog
      id="delete-users"
      title="Delete users"
      message={`Delete ${props.ids.length} user${props.ids.length === 1 ? '' : 's'}? Deleted users stay in Deleted users for 30 days.`}
      confirmLabel="OK"
      destructive
      action="/showcase/users/delete"
      fields={[
        { name: 'csrf', value: 'showcase-token' },
        ...props.ids.map((id) => ({ name: 'id', value: id })),
      ]}
      cancelHref="/showcase/users"
    />
  )
}
