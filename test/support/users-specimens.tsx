import type { Child } from 'hono/jsx'
import { type Action, ActionButton, PostForm } from '../../packages/sp/src/views/console/actions'
import { StatusPill } from '../../packages/sp/src/views/console/cards'
import { CheckboxGroup, RadioGroup } from '../../packages/sp/src/views/console/choices'
import { ControlHubLayout } from '../../packages/sp/src/views/console/control-hub-layout'
import { DataTable, SearchBox, TableToolbar } from '../../packages/sp/src/views/console/data-table'
import { FormError, NameEmailEntry } from '../../packages/sp/src/views/console/fields'
import { WizardModal } from '../../packages/sp/src/views/console/modal'
import { SPECIMEN_ACCOUNT, SPECIMEN_NAV, SPECIMEN_ORG, SPECIMEN_TOKEN } from './control-hub-specimens'

/** The Users page and the Manage Users dialog with made-up data, for the look test. */
const get = (href: string): Action => ({ method: 'get', href })

export interface SpecimenUser {
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly status: 'Active' | 'Invite Pending'
  readonly source: 'manual' | 'SCIM' | 'just-in-time'
}

/** Users, with search, sortable columns, status pills and paging (the caller slices the page). */
export function UsersSpecimen(props: {
  users: readonly SpecimenUser[]
  total: number
  from: number
  query: string
  sort: 'firstName' | 'lastName' | 'email'
  direction: 'ascending' | 'descending'
  previousHref: string | null
  nextHref: string | null
  manage?: Child
}) {
  const sortHref = (key: string): string =>
    `/admin/users?sort=${key}&dir=${props.sort === key && props.direction === 'ascending' ? 'desc' : 'asc'}${props.query ? `&q=${encodeURIComponent(props.query)}` : ''}`
  const column = (label: string, key: 'firstName' | 'lastName' | 'email') => ({
    label,
    wrap: key === 'email',
    sort: { href: sortHref(key), direction: props.sort === key ? props.direction : undefined },
  })
  return (
    <ControlHubLayout
      pageTitle="Users"
      orgName={SPECIMEN_ORG}
      nav={SPECIMEN_NAV}
      current="users"
      account={SPECIMEN_ACCOUNT}
      modal={props.manage}
    >
      <TableToolbar
        search={
          <SearchBox
            action={`/admin/users?sort=${props.sort}`}
            label="Search for a user"
            value={props.query}
          />
        }
        actions={
          <ActionButton label="Manage Users" variant="primary" action={get('/admin/users?manage=1')} />
        }
      />
      <DataTable
        caption="Users"
        captionHidden={true}
        columns={[
          column('First Name', 'firstName'),
          column('Last Name', 'lastName'),
          { label: 'Display Name' },
          column('Email', 'email'),
          { label: 'Status' },
          { label: 'Source' },
        ]}
        rows={props.users.map((user) => ({
          cells: [
            user.firstName,
            user.lastName,
            `${user.firstName} ${user.lastName}`,
            user.email,
            <StatusPill tone={user.status === 'Active' ? 'success' : 'warning'} label={user.status} />,
            <StatusPill tone="neutral" label={user.source} />,
          ],
        }))}
        empty={{
          title: 'No users found',
          text: 'No user matches this search. Check the spelling or clear the search.',
        }}
        pager={{
          from: props.total === 0 ? 0 : props.from,
          to: props.from + props.users.length - 1,
          total: props.total,
          previousHref: props.previousHref,
          nextHref: props.nextHref,
        }}
      />
    </ControlHubLayout>
  )
}

/** Manage Users > Manually Add or Modify Users, Names and Email address, with one entry and an error. */
export function ManageUsersSpecimen() {
  return (
    <WizardModal
      title="Manually Add or Modify Users"
      closeHref="/admin/users"
      back={{ action: get('/admin/users') }}
      primary={{ label: 'Next', action: { method: 'submit', form: 'manual-add' } }}
    >
      <PostForm id="manual-add" action="/admin/users/manage" csrfToken={SPECIMEN_TOKEN}>
        <RadioGroup
          legend="Add users by"
          name="by"
          look="plain"
          options={[
            { value: 'email', label: 'Email address' },
            { value: 'names', label: 'Names and Email address', checked: true },
          ]}
        />
      </PostForm>
      <FormError>Unable to proceed. There are duplicate or invalid email addresses.</FormError>
      <NameEmailEntry
        form="manual-add"
        draft={{ firstName: 'B', lastName: 'Simon', email: 'b.simon@contoso' }}
        entries={[{ firstName: 'Alex', lastName: 'Wilber', email: 'alex.wilber@contoso.com' }]}
      />
      <CheckboxGroup
        legend="Add Services for Users"
        name="license"
        form="manual-add"
        look="columns"
        options={[
          { value: 'message', label: 'Message', icon: 'message', checked: true },
          { value: 'meeting', label: 'Meeting', icon: 'meeting', checked: true },
          { value: 'call', label: 'Call', icon: 'call' },
        ]}
      />
    </WizardModal>
  )
}
