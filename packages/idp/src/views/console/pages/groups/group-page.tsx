import type { Child } from 'hono/jsx'
import type { ListedGroup, ListedUser } from '../../../../directory/directory-lists'
import { Blade } from '../../blade'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { CopyText } from '../../copy-field'
import { DataTable } from '../../data-table'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { Pane } from '../../pane'
import { userHref } from '../users/user-links'
import { GROUPS_HREF, groupHref } from './group-links'
import { MEMBER_FIELD } from './new-group-page'

type User = ListedUser

/** A group's Overview with its members: Add members (a pane), Remove per member. */
export function GroupPage(props: {
  readonly frame: ConsoleFrame
  readonly csrf: readonly HiddenField[]
  readonly group: ListedGroup
  readonly members: readonly User[]
  readonly overlay?: Child
}) {
  const { group } = props
  const here = groupHref(group.id)
  return (
    <ConsoleLayout title={`${group.displayName} | Overview`} {...props.frame} overlay={props.overlay}>
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/' },
          { label: 'Groups', href: GROUPS_HREF },
          { label: group.displayName },
        ]}
        object={group.displayName}
        page="Overview"
        subtitle="Group"
        icon="group"
        closeHref={GROUPS_HREF}
        commands={
          <CommandBar
            label="Group commands"
            commands={[
              {
                kind: 'link',
                label: 'Add members',
                icon: 'add',
                href: `${here}?pane=add-members`,
                opensPane: 'add-members',
              },
              { kind: 'link', label: 'Refresh', icon: 'refresh', href: here },
            ]}
          />
        }
      >
        <dl class="properties">
          <dt>Group type</dt>
          <dd>Security</dd>
          <dt>Object ID</dt>
          <dd>
            <CopyText id="group-object-id" value={group.id} copyLabel="Copy Object ID to clipboard" />
          </dd>
          <dt>Description</dt>
          <dd>{group.description ?? '—'}</dd>
          <dt>Created on</dt>
          <dd>{group.createdDateTime}</dd>
        </dl>
        <h2>Members</h2>
        <DataTable
          id="group-members"
          label="Members"
          columns={[{ header: 'Name', wide: true }, { header: 'User principal name' }, { header: 'Remove' }]}
          rows={props.members.map((user) => ({
            key: user.id,
            cells: [
              <a href={userHref(user.id)}>{user.displayName}</a>,
              user.userPrincipalName,
              <form method="post" action={`${here}/members/remove`}>
                <HiddenFields fields={[...props.csrf, { name: 'memberId', value: user.id }]} />
                <button type="submit" class="link-button" aria-label={`Remove ${user.displayName}`}>
                  Remove
                </button>
              </form>,
            ],
          }))}
          emptyText="No members found"
        />
      </Blade>
    </ConsoleLayout>
  )
}

/** "Add members": the users not yet in the group, as check boxes, and Select. */
export function AddMembersPane(props: {
  readonly groupId: string
  readonly csrf: readonly HiddenField[]
  readonly candidates: readonly User[]
}) {
  const here = groupHref(props.groupId)
  return (
    <Pane
      id="add-members"
      title="Add members"
      closeHref={here}
      size="small"
      form={{ action: `${here}/members`, fields: props.csrf }}
      footer={
        <button type="submit" class="button button-primary">
          Select
        </button>
      }
    >
      {props.candidates.length === 0 ? <p>Every user is already a member.</p> : null}
      <fieldset class="member-picker">
        <legend>Users</legend>
        {props.candidates.map((user) => (
          <div class="choice">
            <input type="checkbox" id={`add-${user.id}`} name={`${MEMBER_FIELD}${user.id}`} value="true" />
            <label for={`add-${user.id}`} class="choice-text">
              {user.displayName} ({user.userPrincipalName})
            </label>
          </div>
        ))}
      </fieldset>
    </Pane>
  )
}
