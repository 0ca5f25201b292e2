import type { Child } from 'hono/jsx'
import type { StoredUser } from '../../../users/user-service'
import { ActionButton, PostForm } from '../actions'
import { Card, Facts, type PillTone, StatusPill } from '../cards'
import { ControlHubLayout } from '../control-hub-layout'
import { DataTable, type PagerProps, SearchBox, TableToolbar } from '../data-table'
import { FormError, TextField } from '../fields'
import { AlertDialog } from '../modal'
import type { ConsoleChrome } from './page-chrome'

const SOURCE_LABELS = { manual: 'Manual', scim: 'SCIM', jit: 'Just-in-time' } as const

function status(user: StoredUser): { label: string; tone: PillTone } {
  if (user.active === true) return { label: 'Active', tone: 'success' }
  if (user.active === false) return { label: 'Deactivated', tone: 'neutral' }
  return { label: 'Unassigned', tone: 'warning' }
}

/** Users (E6): search, Manage Users, the list with its source, paging; an open dialog on top. */
export function UsersPage(props: {
  chrome: ConsoleChrome
  users: readonly StoredUser[]
  query: string
  pager: PagerProps
  modal?: Child
}) {
  return (
    <ControlHubLayout {...props.chrome} pageTitle="Users" modal={props.modal}>
      <TableToolbar
        search={<SearchBox action="/admin/users" label="Search for a user" value={props.query} />}
        actions={
          <ActionButton
            id="manage-users"
            label="Manage Users"
            variant="primary"
            action={{ method: 'get', href: '/admin/users/manage' }}
          />
        }
      />
      <DataTable
        caption="Users"
        captionHidden={true}
        columns={[
          { label: 'First Name' },
          { label: 'Last Name' },
          { label: 'Display Name' },
          { label: 'Email', wrap: true },
          { label: 'Status' },
          { label: 'Source' },
        ]}
        rows={props.users.map((user) => {
          const { label, tone } = status(user)
          return {
            cells: [
              user.givenName,
              user.familyName,
              <a href={`/admin/users/${user.id}`}>{user.displayName || user.userName}</a>,
              user.userName,
              <StatusPill tone={tone} label={label} />,
              <StatusPill tone="neutral" label={SOURCE_LABELS[user.source]} />,
            ],
          }
        })}
        empty={{
          title: props.query ? 'No users found' : 'No users yet',
          text: props.query
            ? 'No user matches this search. Check the spelling or clear the search.'
            : 'Add people with Manage Users, or let Entra provision them over SCIM.',
        }}
        pager={props.pager}
      />
    </ControlHubLayout>
  )
}

/** The Profile form's fields as typed. */
export interface ProfileDraft {
  readonly email: string
  readonly firstName: string
  readonly lastName: string
  readonly displayName: string
}

export interface UserDetailProps {
  readonly chrome: ConsoleChrome
  readonly user: StoredUser
  /** What was typed when a change was refused, and why (on the email field when it was the email). */
  readonly draft?: ProfileDraft
  readonly error?: { readonly message: string; readonly field: 'email' | null }
  readonly confirmDelete?: boolean
}

/** One user: edit the email and names, deactivate or activate, delete (after a confirmation). */
export function UserDetailPage(props: UserDetailProps) {
  const { user } = props
  const csrfToken = props.chrome.account.signOut.csrfToken
  const base = `/admin/users/${user.id}`
  const draft = props.draft ?? {
    email: user.userName,
    firstName: user.givenName,
    lastName: user.familyName,
    displayName: user.displayName,
  }
  const { label, tone } = status(user)
  const modal = props.confirmDelete ? (
    <AlertDialog
      title="Delete user"
      message={`${user.userName} will be removed from this organization and its groups. This cannot be undone.`}
      cancel={{ label: 'Cancel', action: { method: 'get', href: base } }}
      confirm={{ label: 'Delete', action: { method: 'post', href: `${base}/delete`, csrfToken } }}
      returnFocusId="delete-user"
    />
  ) : undefined
  return (
    <ControlHubLayout
      {...props.chrome}
      pageTitle={user.displayName || user.userName}
      subtitle={user.userName}
      modal={modal}
      headActions={<ActionButton label="Back to Users" action={{ method: 'get', href: '/admin/users' }} />}
    >
      <Card title="Profile" id="profile" aside={<StatusPill tone={tone} label={label} />}>
        <PostForm id="user-profile" action={base} csrfToken={csrfToken}>
          {props.error && props.error.field === null ? <FormError>{props.error.message}</FormError> : null}
          <TextField
            label="Email address"
            name="email"
            type="email"
            value={draft.email}
            maxLength={256}
            autocomplete="off"
            hint="Single sign-on finds the user whose email is the uid the identity provider sends."
            {...(props.error?.field === 'email' ? { error: props.error.message } : {})}
          />
          <TextField label="First Name" name="firstName" value={draft.firstName} maxLength={256} />
          <TextField label="Last Name" name="lastName" value={draft.lastName} maxLength={256} />
          <TextField
            label="Display Name"
            name="displayName"
            value={draft.displayName}
            maxLength={256}
            hint="Left empty, it is made from the names."
          />
        </PostForm>
        <ActionButton label="Save" variant="primary" action={{ method: 'submit', form: 'user-profile' }} />
      </Card>
      <Card title="Account" id="account">
        <Facts
          items={[
            { label: 'Source', value: SOURCE_LABELS[user.source] },
            {
              label: 'Services',
              value: user.licenses?.length ? user.licenses.join(', ') : 'None assigned here',
            },
            { label: 'Created', value: user.created },
          ]}
        />
        <div class="button-row">
          {user.active === true ? (
            <ActionButton
              label="Deactivate user"
              action={{ method: 'post', href: `${base}/deactivate`, csrfToken }}
            />
          ) : (
            <ActionButton
              label="Activate user"
              action={{ method: 'post', href: `${base}/activate`, csrfToken }}
            />
          )}
          <ActionButton
            id="delete-user"
            label="Delete user"
            action={{ method: 'get', href: `${base}?confirm=delete` }}
          />
        </div>
      </Card>
    </ControlHubLayout>
  )
}
