import type { ListedUser } from '../../../../directory/directory-lists'
import type { ListPage } from '../../../../lists/list-page'
import { Blade } from '../../blade'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { DataTable } from '../../data-table'
import { ListToolbar, ResultCount, SearchBox } from '../../list-toolbar'
import { ListPaging, withQuery } from '../list-paging'
import { USERS_HREF, userHref } from './user-links'

/** Identity > Users > All users: search, count, columns, paging. */
export function AllUsersPage(props: {
  readonly frame: ConsoleFrame
  readonly search: string
  readonly list: ListPage<ListedUser>
}) {
  const query = { search: props.search }
  return (
    <ConsoleLayout title="Users" {...props.frame}>
      <Blade
        breadcrumbs={[{ label: 'Home', href: '/' }, { label: 'Users' }]}
        object="Users"
        page="All users"
        subtitle={props.frame.tenantName}
        icon="user"
        commands={
          <CommandBar
            label="Users commands"
            commands={[
              { kind: 'link', label: 'New user', icon: 'add', href: `${USERS_HREF}/new` },
              { kind: 'link', label: 'Refresh', icon: 'refresh', href: withQuery(USERS_HREF, query) },
            ]}
          />
        }
      >
        <ListToolbar>
          <SearchBox
            action={USERS_HREF}
            name="search"
            label="Search by name or user principal name"
            value={props.search}
          />
        </ListToolbar>
        <ResultCount count={props.list.total} singular="user" plural="users" />
        <DataTable
          id="users-table"
          label="Users"
          columns={[
            { header: 'Display name', wide: true },
            { header: 'User principal name' },
            { header: 'User type' },
            { header: 'On-premises sync enabled' },
            { header: 'Account enabled' },
          ]}
          rows={props.list.items.map((user) => ({
            key: user.id,
            cells: [
              <a href={userHref(user.id)}>{user.displayName}</a>,
              user.userPrincipalName,
              'Member',
              'No',
              user.accountEnabled ? 'Yes' : 'No',
            ],
          }))}
          emptyText="No users found. Check the spelling, or search by another name."
        />
        <ListPaging label="Users pages" href={USERS_HREF} query={query} list={props.list} />
      </Blade>
    </ConsoleLayout>
  )
}
