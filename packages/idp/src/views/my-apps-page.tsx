import type { MyAppsView } from '../sso/my-apps'
import { AppTile, AppTileGrid } from './console/app-tile'
import { MyAppsLayout } from './console/my-apps-layout'

const TILES_ID = 'my-apps-tiles'

/** My Apps: one tile per assigned, visible app the search keeps; a tile launches the app. */
export function MyAppsPage(props: { readonly view: MyAppsView }) {
  const { view } = props
  return (
    <MyAppsLayout account={view.account} query={view.query} tilesId={TILES_ID}>
      <h1>Apps</h1>
      {view.query ? (
        <p class="my-apps-search-summary" role="status">
          {view.apps.length} of {view.totalApps} apps match “{view.query}”.{' '}
          <a href="/myapps">Show all apps</a>
        </p>
      ) : null}
      {view.totalApps === 0 ? (
        <p class="my-apps-empty">
          No apps are assigned to you yet. Ask your administrator to assign you to an application.
        </p>
      ) : (
        <AppTileGrid id={TILES_ID} label="Apps">
          {view.apps.map((app) => (
            <AppTile
              id={app.servicePrincipalId}
              name={app.displayName}
              href={app.launchHref}
              menu={[{ label: 'Manage your application', href: app.detailsHref }]}
            />
          ))}
        </AppTileGrid>
      )}
    </MyAppsLayout>
  )
}
