import type { Child } from 'hono/jsx'
import type { ListedGroup, ListedUser } from '../../../../directory/directory-lists'
import type { NamedAssignment } from '../../../../enterprise-apps/assignment-service'
import { Blade } from '../../blade'
import { CommandBar } from '../../command-bar'
import { ConfirmDialog } from '../../confirm-dialog'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { CopyText } from '../../copy-field'
import { DataTable } from '../../data-table'
import type { HiddenField } from '../../hidden-fields'
import { Pane } from '../../pane'
import { PasswordField } from '../../password-field'
import { LinkTabs } from '../../tabs'
import { groupHref } from '../groups/group-links'
import { USERS_HREF, userHref, userPropertiesHref } from './user-links'
import { UserPropertiesTab } from './user-properties-tab'

/** What the profile shows: the user, their groups and their app assignments. */
export interface UserProfile {
  readonly user: ListedUser
  readonly groups: readonly ListedGroup[]
  readonly assignments: readonly NamedAssignment[]
}

/** The profile's tabs; each is its own URL. */
export type UserProfileTab = 'overview' | 'properties'

/**
 * A user's profile: Overview (basic info, Groups, Applications) or Properties, under the
 * Edit properties / Delete / Refresh / Reset password commands.
 */
export function UserProfilePage(props: {
  readonly frame: ConsoleFrame
  readonly profile: UserProfile
  readonly tab?: UserProfileTab
  readonly overlay?: Child
}) {
  const { user } = props.profile
  const here = userHref(user.id)
  const properties = props.tab === 'properties'
  const tabName = properties ? 'Properties' : 'Overview'
  return (
    <ConsoleLayout title={`${user.displayName} | ${tabName}`} {...props.frame} overlay={props.overlay}>
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/' },
          { label: 'Users', href: USERS_HREF },
          { label: user.displayName },
        ]}
        object={user.displayName}
        page={tabName}
        subtitle="User"
        icon="user"
        closeHref={USERS_HREF}
        commands={
          <CommandBar
            label="User commands"
            commands={[
              {
                kind: 'link',
                label: 'Edit properties',
                icon: 'edit',
                // A full page load, not a pane swapped in: the pane opens over the Properties tab.
                href: `${userPropertiesHref(user.id)}&pane=edit-properties`,
              },
              {
                kind: 'link',
                label: 'Delete',
                icon: 'delete',
                href: `${here}?pane=delete`,
                opensPane: 'delete',
              },
              { kind: 'link', label: 'Refresh', icon: 'refresh', href: here },
              {
                kind: 'link',
                label: 'Reset password',
                icon: 'edit',
                href: `${here}?pane=reset-password`,
                opensPane: 'reset-password',
              },
            ]}
          />
        }
      >
        <LinkTabs
          label="User"
          currentHref={properties ? userPropertiesHref(user.id) : here}
          tabs={[
            { label: 'Overview', href: here },
            { label: 'Properties', href: userPropertiesHref(user.id) },
          ]}
        />
        {properties ? <UserPropertiesTab user={user} /> : <UserOverview profile={props.profile} />}
      </Blade>
    </ConsoleLayout>
  )
}

/** The Overview tab: Basic info, Groups and Applications. */
function UserOverview(props: { readonly profile: UserProfile }) {
  const { user, groups, assignments } = props.profile
  return (
    <>
      <h2>Basic info</h2>
      <dl class="properties">
        <dt>User principal name</dt>
        <dd>{user.userPrincipalName}</dd>
        <dt>Object ID</dt>
        <dd>
          <CopyText id="user-object-id" value={user.id} copyLabel="Copy Object ID to clipboard" />
        </dd>
        <dt>Created date time</dt>
        <dd>{user.createdDateTime}</dd>
        <dt>User type</dt>
        <dd>Member</dd>
        <dt>Account enabled</dt>
        <dd>{user.accountEnabled ? 'Yes' : 'No'}</dd>
        <dt>Directory roles</dt>
        <dd>{user.directoryRoles.length > 0 ? user.directoryRoles.join(', ') : 'None'}</dd>
      </dl>
      <h2>Groups</h2>
      <DataTable
        id="user-groups"
        label="Group memberships"
        columns={[{ header: 'Name', wide: true }, { header: 'Group type' }, { header: 'Membership type' }]}
        rows={groups.map((group) => ({
          key: group.id,
          cells: [<a href={groupHref(group.id)}>{group.displayName}</a>, 'Security', 'Direct'],
        }))}
        emptyText="No groups found"
      />
      <h2>Applications</h2>
      <DataTable
        id="user-applications"
        label="Assigned applications"
        columns={[{ header: 'Name', wide: true }, { header: 'Assigned through' }]}
        rows={assignments.map((assignment) => ({
          key: assignment.id,
          cells: [
            assignment.resourceDisplayName ?? assignment.resourceId,
            assignment.principalType === 'User' ? 'Direct' : (assignment.principalDisplayName ?? 'Group'),
          ],
        }))}
        emptyText="No application assignments found"
      />
    </>
  )
}

/** "Reset password": before, the button; after, the temporary password (shown once). */
export function ResetPasswordPane(props: {
  readonly userId: string
  readonly userPrincipalName: string
  readonly csrf: readonly HiddenField[]
  readonly temporaryPassword: string | null
}) {
  const here = userHref(props.userId)
  return (
    <Pane
      id="reset-password"
      title="Reset password"
      subtitle={props.userPrincipalName}
      closeHref={here}
      size="small"
      form={props.temporaryPassword ? undefined : { action: `${here}/reset-password`, fields: props.csrf }}
      footer={
        props.temporaryPassword ? (
          <a class="button button-primary" href={here} data-overlay-close>
            Done
          </a>
        ) : (
          <button type="submit" class="button button-primary">
            Reset password
          </button>
        )
      }
    >
      {props.temporaryPassword ? (
        <PasswordField
          id="temporary-password"
          name="temporaryPassword"
          label="Temporary password"
          value={props.temporaryPassword}
          readOnly
          help="Give this password to the user; it is not shown again."
        />
      ) : (
        <p>
          The user will be assigned a temporary password that must be changed on the next sign-in. To display
          the temporary password, click "Reset password".
        </p>
      )}
    </Pane>
  )
}

/** "Delete user?" */
export function DeleteUserDialog(props: {
  readonly userId: string
  readonly displayName: string
  readonly csrf: readonly HiddenField[]
}) {
  const here = userHref(props.userId)
  return (
    <ConfirmDialog
      id="delete"
      title="Delete user"
      message={`Are you sure you want to delete ${props.displayName}? Their group memberships and application assignments go with them.`}
      confirmLabel="OK"
      destructive
      action={`${here}/delete`}
      fields={props.csrf}
      cancelHref={here}
    />
  )
}
