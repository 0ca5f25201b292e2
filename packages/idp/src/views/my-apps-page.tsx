import type { MyAppsView } from '../sso/my-apps'
import { AppTile, AppTileGrid } from './console/app-tile'
import { MyAppsLayout } from './console/my-apps-layout'

const TILES_ID = 'my-apps-tiles'

/** My Apps: one tile per assigned, visible app; a tile launches the app. */
export function MyAppsPage(props: { readonly view: MyAppsView }) {
  const { view } = props
  return (
    <MyAppsLayout
      tilesId={TILES_ID}
      account={{
        displayName: view.displayName,
        userPrincipalName: view.userPrincipalName,
        signOutHref: `/${view.tenantId}/logout`,
      }}
    >
      <h1>Apps</h1>
      {view.apps.length === 0 ? (
        <p class="my-apps-empty">
          No apps are assigned to you yet. Ask your administrator to assign you to an application.
        </p>
      ) : (
        <AppTileGrid id={TILES_ID} label="Apps">
          {view.apps.map((app) => (
            <AppTile name={app.displayName} href={`/myapps/launch/${app.servicePrincipalId}`} />
          ))}
        </AppTileGrid>
      )}
    </MyAppsLayout>
  )
}
