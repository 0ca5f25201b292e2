import type { GroupDetail, GroupSummary } from '../../../users/group-list'
import { ActionButton } from '../actions'
import { Card, Facts, StatusPill } from '../cards'
import { ControlHubLayout } from '../control-hub-layout'
import { DataTable, type PagerProps, SearchBox, TableToolbar } from '../data-table'
import type { ConsoleChrome } from './page-chrome'

const SOURCE_LABEL = 'SCIM'

/** Groups: the org's groups with their member counts, search and paging. */
export function GroupsPage(props: {
  chrome: ConsoleChrome
  groups: readonly GroupSummary[]
  query: string
  pager: PagerProps
}) {
  return (
    <ControlHubLayout {...props.chrome} pageTitle="Groups">
      <TableToolbar
        search={<SearchBox action="/admin/groups" label="Search for a group" value={props.query} />}
      />
      <DataTable
        caption="Groups"
        captionHidden={true}
        columns={[
          { label: 'Name', wrap: true },
          { label: 'Members' },
          { label: 'Source' },
          { label: 'Last modified' },
        ]}
        rows={props.groups.map((group) => ({
          cells: [
            <a href={`/admin/groups/${group.id}`}>{group.displayName}</a>,
            group.memberCount.toLocaleString('en-US'),
            <StatusPill tone="neutral" label={SOURCE_LABEL} />,
            group.lastModified,
          ],
        }))}
        empty={{
          title: props.query ? 'No groups found' : 'No groups yet',
          text: props.query
            ? 'No group matches this search. Check the spelling or clear the search.'
            : 'Groups arrive from your identity provider: assign a group to Cisco Webex in Entra and turn provisioning on.',
        }}
        pager={props.pager}
      />
    </ControlHubLayout>
  )
}

/** One group: its facts and its members, each linking to the user's page. */
export function GroupDetailPage(props: { chrome: ConsoleChrome; group: GroupDetail }) {
  const { group } = props
  return (
    <ControlHubLayout
      {...props.chrome}
      pageTitle={group.displayName}
      subtitle={`${group.memberCount.toLocaleString('en-US')} ${group.memberCount === 1 ? 'member' : 'members'}`}
      headActions={<ActionButton label="Back to Groups" action={{ method: 'get', href: '/admin/groups' }} />}
    >
      <Card title="Details" id="group-details">
        <Facts
          items={[
            { label: 'Source', value: SOURCE_LABEL },
            { label: 'External ID', value: group.externalId ?? 'None' },
            { label: 'Created', value: group.created },
            { label: 'Last modified', value: group.lastModified },
          ]}
        />
      </Card>
      <Card title="Members" id="group-members">
        <DataTable
          caption="Members"
          captionHidden={true}
          columns={[{ label: 'Display Name' }, { label: 'Email', wrap: true }]}
          rows={group.members.map((member) => ({
            cells: [
              member.exists ? (
                <a href={`/admin/users/${member.id}`}>{member.displayName}</a>
              ) : (
                member.displayName
              ),
              member.email ?? 'No longer in this organization',
            ],
          }))}
          empty={{
            title: 'No members',
            text: 'Entra adds members with a SCIM PATCH after it creates the group.',
          }}
        />
      </Card>
    </ControlHubLayout>
  )
}
