import type { ListedGroup } from '../../../../directory/directory-lists'
import type { ListPage } from '../../../../lists/list-page'
import { Blade } from '../../blade'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { DataTable } from '../../data-table'
import { ListToolbar, ResultCount, SearchBox } from '../../list-toolbar'
import { ListPaging, withQuery } from '../list-paging'
import { GROUPS_HREF, groupHref, NEW_GROUP_HREF } from './group-links'

/** Identity > Groups > All groups. */
export function AllGroupsPage(props: {
  readonly frame: ConsoleFrame
  readonly search: string
  readonly list: ListPage<ListedGroup>
}) {
  const query = { search: props.search }
  return (
    <ConsoleLayout title="Groups | All groups" {...props.frame}>
      <Blade
        breadcrumbs={[{ label: 'Home', href: '/' }, { label: 'Groups' }]}
        object="Groups"
        page="All groups"
        subtitle={props.frame.tenantName}
        icon="group"
        commands={
          <CommandBar
            label="Groups commands"
            commands={[
              { kind: 'link', label: 'New group', icon: 'add', href: NEW_GROUP_HREF },
              { kind: 'link', label: 'Refresh', icon: 'refresh', href: withQuery(GROUPS_HREF, query) },
            ]}
          />
        }
      >
        <ListToolbar>
          <SearchBox action={GROUPS_HREF} name="search" label="Search" value={props.search} />
        </ListToolbar>
        <ResultCount count={props.list.total} singular="group" plural="groups" />
        <DataTable
          id="groups-table"
          label="Groups"
          columns={[
            { header: 'Name', wide: true },
            { header: 'Object Id' },
            { header: 'Group type' },
            { header: 'Membership type' },
            { header: 'Members' },
          ]}
          rows={props.list.items.map((group) => ({
            key: group.id,
            cells: [
              <a href={groupHref(group.id)}>{group.displayName}</a>,
              group.id,
              'Security',
              'Assigned',
              String(group.memberIds.length),
            ],
          }))}
          emptyText="No groups found"
        />
        <ListPaging label="Groups pages" href={GROUPS_HREF} query={query} list={props.list} />
      </Blade>
    </ConsoleLayout>
  )
}
