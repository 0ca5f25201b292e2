import type { AppListQuery, AppListRow } from '../../../../enterprise-apps/app-list'
import { Blade } from '../../blade'
import { CommandBar } from '../../command-bar'
import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { DataTable } from '../../data-table'
import { FilterPill, ListToolbar, LoadMore, ResultCount } from '../../list-toolbar'
import { LogoTile } from '../../logo-tile'
import { ResourceMenu } from '../../resource-menu'
import { SelectField } from '../../select-field'
import { TextField } from '../../text-field'
import { appHrefs, ENTERPRISE_APPS_HREF, GALLERY_HREF } from './app-hrefs'

/** Enterprise applications | All applications (A2): search, filter, the list and "Load more". */
export function AllAppsPage(props: {
  readonly frame: ConsoleFrame
  readonly query: AppListQuery
  readonly rows: readonly AppListRow[]
  readonly total: number
  readonly moreHref: string | null
}) {
  return (
    <ConsoleLayout title="Enterprise applications | All applications" {...props.frame}>
      <Blade
        breadcrumbs={[{ label: 'Home', href: '/' }, { label: 'Enterprise applications | All applications' }]}
        object="Enterprise applications"
        page="All applications"
        subtitle={props.frame.tenantName}
        icon="apps"
        menu={
          <ResourceMenu
            label="Enterprise applications"
            currentHref={ENTERPRISE_APPS_HREF}
            sections={[
              {
                heading: 'Manage',
                items: [{ label: 'All applications', href: ENTERPRISE_APPS_HREF, icon: 'apps' }],
              },
            ]}
          />
        }
        commands={
          <CommandBar
            commands={[
              { kind: 'link', label: 'New application', icon: 'add', href: GALLERY_HREF },
              { kind: 'link', label: 'Refresh', icon: 'refresh', href: ENTERPRISE_APPS_HREF },
            ]}
          />
        }
      >
        <p>
          View, filter, and search applications in your organization that are set up to use your Microsoft
          Entra tenant as their Identity Provider.
        </p>
        <form method="get" action={ENTERPRISE_APPS_HREF} class="list-filters">
          <ListToolbar>
            <TextField
              id="apps-search"
              name="search"
              type="search"
              label="Search by application name or object ID"
              value={props.query.search}
            />
            <SelectField
              id="apps-assignment-required"
              name="assignmentRequired"
              label="Assignment required"
              selected={props.query.assignmentRequired}
              options={[
                { value: 'any', label: 'Any' },
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
              ]}
            />
            <button type="submit" class="button">
              Apply
            </button>
            <FilterPill field="Application type" value="Enterprise Applications" />
          </ListToolbar>
        </form>
        <ResultCount count={props.total} singular="application" plural="applications" />
        <DataTable
          id="apps-table"
          label="Enterprise applications"
          columns={[
            { header: 'Name', wide: true },
            { header: 'Object ID' },
            { header: 'Application ID' },
            { header: 'Homepage URL' },
          ]}
          rows={props.rows.map((app) => ({
            key: app.servicePrincipalId,
            cells: [
              <span class="name-cell">
                <LogoTile name={app.displayName} />
                <a href={appHrefs(app.servicePrincipalId).overview}>{app.displayName}</a>
              </span>,
              <span class="cell-text mono">{app.objectId}</span>,
              <span class="cell-text mono">{app.appId}</span>,
              <span class="cell-text">{app.homepageUrl ?? ''}</span>,
            ],
          }))}
          emptyText="Didn't find what you're looking for? Click 'New application' above to add a new application."
        />
        {props.moreHref ? <LoadMore href={props.moreHref} /> : null}
      </Blade>
    </ConsoleLayout>
  )
}
