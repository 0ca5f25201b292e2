import { Blade } from '../../../packages/idp/src/views/console/blade'
import { CommandBar } from '../../../packages/idp/src/views/console/command-bar'
import { ConsoleLayout } from '../../../packages/idp/src/views/console/console-layout'
import { DataTable } from '../../../packages/idp/src/views/console/data-table'
import {
  FilterPill,
  ListToolbar,
  LoadMore,
  ResultCount,
  SearchBox,
} from '../../../packages/idp/src/views/console/list-toolbar'
import { LogoTile } from '../../../packages/idp/src/views/console/logo-tile'
import { GALLERY_HREF } from '../../../packages/idp/src/views/console/pages/enterprise-apps/app-hrefs'
import { ResourceMenu } from '../../../packages/idp/src/views/console/resource-menu'
import { SHOWCASE_ACCOUNT, SHOWCASE_NAV, TENANT } from './showcase-nav'

const PAGE = '/showcase/apps'

/** 200 apps, the tenant size the console's lists must handle; the first is Cisco Webex. */
const APPS = Array.from({ length: 200 }, (_, i) => ({
  name: i === 0 ? 'Cisco Webex' : `Line of business app ${String(i).padStart(3, '0')}`,
  objectId: `${(0x1c65f8cd + i * 7919).toString(16).padStart(8, '0')}-8818-4b40-9a1d-2f0c5e7d${String(i).padStart(4, '0')}`,
  appId: `${(0x4306fa74 + i * 104729).toString(16).padStart(8, '0')}-4331-4c21-8d0e-6b1f3a9c${String(i).padStart(4, '0')}`,
  homepage: i === 0 ? 'https://web.webex.com' : `https://app${i}.contoso.com`,
}))

/** Enterprise applications | All applications (A2): the list with "Load more". */
export function AppsPage(props: { readonly shown: number; readonly search: string }) {
  const found = APPS.filter(
    (a) => props.search === '' || a.name.toLowerCase().includes(props.search.toLowerCase()),
  )
  const rows = found.slice(0, props.shown)
  return (
    <ConsoleLayout
      title="Enterprise applications | All applications"
      tenantName={TENANT}
      account={SHOWCASE_ACCOUNT}
      nav={SHOWCASE_NAV}
      currentHref={GALLERY_HREF}
    >
      <Blade
        breadcrumbs={[
          { label: 'Home', href: '/showcase/home' },
          { label: 'Enterprise applications | All applications' },
        ]}
        object="Enterprise applications"
        page="All applications"
        subtitle={TENANT}
        icon="apps"
        menu={
          <ResourceMenu
            label="Enterprise applications"
            currentHref={PAGE}
            sections={[
              { heading: 'Manage', items: [{ label: 'All applications', href: PAGE, icon: 'apps' }] },
              {
                heading: 'Activity',
                items: [{ label: 'Sign-in logs', href: '/showcase/sign-in-logs', icon: 'logs' }],
              },
            ]}
          />
        }
        commands={
          <CommandBar
            commands={[
              { kind: 'link', label: 'New application', icon: 'add', href: GALLERY_HREF },
              { kind: 'link', label: 'Refresh', icon: 'refresh', href: PAGE },
              {
                kind: 'link',
                label: 'Download (Export)',
                icon: 'download',
                href: '/showcase/apps.csv',
                download: 'applications.csv',
              },
            ]}
          />
        }
      >
        <p>
          View, filter, and search applications in your organization that are set up to use your Microsoft
          Entra tenant as their Identity Provider.
        </p>
        <ListToolbar>
          <SearchBox
            action={PAGE}
            name="search"
            label="Search by application name or object ID"
            value={props.search}
          />
          <FilterPill field="Application type" value="Enterprise Applications" href={`${PAGE}?filter=type`} />
        </ListToolbar>
        <ResultCount count={found.length} singular="application" plural="applications" />
        <DataTable
          id="apps-table"
          label="Enterprise applications"
          columns={[
            { header: 'Name', wide: true, sort: { href: `${PAGE}?sort=desc`, direction: 'ascending' } },
            { header: 'Object ID' },
            { header: 'Application ID' },
            { header: 'Homepage URL' },
          ]}
          rows={rows.map((app) => ({
            key: app.objectId,
            cells: [
              <span class="name-cell">
                <LogoTile name={app.name} />
                <a href="/showcase/saml">{app.name}</a>
              </span>,
              <span class="cell-text" title={app.objectId}>
                {app.objectId}
              </span>,
              <span class="cell-text" title={app.appId}>
                {app.appId}
              </span>,
              <span class="cell-text">{app.homepage}</span>,
            ],
          }))}
          emptyText="Didn't find what you're looking for? Click 'Add' above to add a new application."
        />
        {rows.length < found.length ? <LoadMore href={`${PAGE}?shown=${props.shown + 50}`} /> : null}
      </Blade>
    </ConsoleLayout>
  )
}
