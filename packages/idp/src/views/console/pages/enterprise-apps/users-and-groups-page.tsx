import type { Child } from 'hono/jsx'
import type { PrincipalChoice, RoleChoice } from '../../../../enterprise-apps/assignment-choices'
import type { ListPage } from '../../../../lists/list-page'
import { Blade } from '../../blade'
import { Checkbox } from '../../choice-fields'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { DataTable } from '../../data-table'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { InfoBanner } from '../../info-banner'
import { SearchBox } from '../../list-toolbar'
import { Pane, PaneLink } from '../../pane'
import { SelectField } from '../../select-field'
import { ListPaging } from '../list-paging'
import { AppBlade, type AppRef } from './app-blade'
import { ENTERPRISE_APPS_HREF } from './app-hrefs'

/** One row of the app's Users and groups list. */
export interface AssignmentRow {
  readonly id: string
  readonly displayName: string
  readonly type: 'User' | 'Group'
  readonly role: string
}

/** "Cisco Webex | Users and groups" (A14): Add user/group, the assignments, Remove per row. */
export function UsersAndGroupsPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  /** One page of the assignments (50 rows, as the other console lists). */
  readonly list: ListPage<AssignmentRow>
  readonly csrf: readonly HiddenField[]
}) {
  const { app } = props
  return (
    <ConsoleLayout title={`${app.displayName} | Users and groups`} {...props.frame}>
      <AppBlade
        app={app}
        page="Users and groups"
        icon="group"
        currentHref={app.hrefs.users}
        commands={
          <CommandBar
            commands={[{ kind: 'link', label: 'Add user/group', icon: 'add', href: app.hrefs.addAssignment }]}
          />
        }
      >
        <InfoBanner>
          The application will appear for assigned users within My Apps. Set 'visible to users?' to no in
          properties to prevent this.
        </InfoBanner>
        <DataTable
          id="assignments-table"
          label="Users and groups assigned to this application"
          columns={[
            { header: 'Display Name', wide: true },
            { header: 'Object Type' },
            { header: 'Role assigned' },
            { header: 'Actions' },
          ]}
          rows={props.list.items.map((row) => ({
            key: row.id,
            cells: [
              row.displayName,
              row.type,
              row.role,
              <form method="post" action={`${app.hrefs.users}/remove`} class="inline-form">
                <HiddenFields fields={[...props.csrf, { name: 'assignment', value: row.id }]} />
                <button type="submit" class="button" aria-label={`Remove ${row.displayName}`}>
                  Remove
                </button>
              </form>,
            ],
          }))}
          emptyText="No application assignments found"
        />
        <ListPaging label="Users and groups pages" href={app.hrefs.users} query={{}} list={props.list} />
      </AppBlade>
    </ConsoleLayout>
  )
}

/** The Add Assignment page: "Users and groups" with its picker link, "Select a role", Assign. */
export function AddAssignmentPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly selected: readonly PrincipalChoice[]
  readonly roles: readonly RoleChoice[]
  readonly csrf: readonly HiddenField[]
  readonly error?: string | undefined
  readonly overlay?: Child
}) {
  const { app, selected } = props
  const users = selected.filter((s) => s.type === 'User').length
  const groups = selected.length - users
  const summary =
    selected.length === 0
      ? 'None Selected'
      : [
          users ? `${users} user${users === 1 ? '' : 's'}` : '',
          groups ? `${groups} group${groups === 1 ? '' : 's'}` : '',
        ]
          .filter(Boolean)
          .join(', ') + ' selected'
  const keep = selected.map((s) => `principal=${encodeURIComponent(s.id)}`).join('&')
  return (
    <ConsoleLayout title="Add Assignment" {...props.frame} overlay={props.overlay}>
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/' },
          { label: 'Enterprise applications | All applications', href: ENTERPRISE_APPS_HREF },
          { label: app.displayName, href: app.hrefs.overview },
          { label: 'Users and groups', href: app.hrefs.users },
          { label: 'Add Assignment' },
        ]}
        object="Add Assignment"
        subtitle={props.frame.tenantName}
        closeHref={app.hrefs.users}
      >
        {props.error ? <InfoBanner tone="error">{props.error}</InfoBanner> : null}
        <form method="post" action={app.hrefs.addAssignment}>
          <HiddenFields
            fields={[...props.csrf, ...selected.map((s, i) => ({ name: `principal-${i}`, value: s.id }))]}
          />
          <h2 id="assign-users-heading">Users and groups</h2>
          <p>
            <PaneLink href={`${app.hrefs.addAssignment}?pane=pick${keep ? `&${keep}` : ''}`} paneId="pick">
              {summary}
            </PaneLink>
          </p>
          {selected.length > 0 ? (
            <ul aria-labelledby="assign-users-heading">
              {selected.map((s) => (
                <li>
                  {s.displayName} ({s.detail})
                </li>
              ))}
            </ul>
          ) : null}
          <SelectField
            id="assign-role"
            name="role"
            label="Select a role"
            options={props.roles.map((r) => ({ value: r.id, label: r.displayName }))}
            disabled={props.roles.length === 1 && props.roles[0]?.displayName === 'Default Access'}
          />
          {props.roles.length === 1 && props.roles[0]?.displayName === 'Default Access' ? (
            <HiddenFields fields={[{ name: 'role', value: props.roles[0].id }]} />
          ) : null}
          <button type="submit" class="button button-primary" disabled={selected.length === 0}>
            Assign
          </button>
        </form>
      </Blade>
    </ConsoleLayout>
  )
}

/** The "Users and groups" picker pane: search, a check box per user or group, Select. */
export function PickPrincipalsPane(props: {
  readonly app: AppRef
  readonly search: string
  readonly choices: readonly PrincipalChoice[]
  readonly selected: readonly string[]
}) {
  const action = props.app.hrefs.addAssignment
  return (
    <Pane id="pick" title="Users and groups" closeHref={action}>
      <SearchBox
        action={action}
        name="search"
        label="Search"
        value={props.search}
        keep={[
          { name: 'pane', value: 'pick' },
          ...props.selected.map((id) => ({ name: 'principal', value: id })),
        ]}
      />
      <form method="get" action={action} id="pick-form">
        <fieldset class="plain-fieldset">
          <legend>Users and groups</legend>
          {props.choices.map((c) => (
            <Checkbox
              id={`pick-${c.id}`}
              name="principal"
              value={c.id}
              label={c.displayName}
              description={c.detail}
              checked={props.selected.includes(c.id)}
            />
          ))}
        </fieldset>
        {props.choices.length === 0 ? <p>No users or groups match “{props.search}”.</p> : null}
        <button type="submit" class="button button-primary">
          Select
        </button>
      </form>
    </Pane>
  )
}
