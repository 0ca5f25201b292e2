import type { MyAppsView } from '../sso/my-apps'

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .map((w) => w[0] ?? '')
      .join('')
      .slice(0, 2)
      .toUpperCase() || '?'
  )
}

/** My Apps: one tile per assigned, visible app; a tile launches the app. */
export function MyAppsPage(props: { readonly view: MyAppsView }) {
  const { view } = props
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>My Apps</title>
        <link rel="stylesheet" href="/assets/entra.css" />
      </head>
      <body>
        <header class="topbar">
          <span class="product">My Apps</span>
          <span class="sandbox-badge">SANDBOX</span>
          <span class="tenant">
            {view.displayName} ({view.userPrincipalName}) · <a href={`/${view.tenantId}/logout`}>Sign out</a>
          </span>
        </header>
        <main>
          <h1>Apps</h1>
          {view.apps.length === 0 ? (
            <p>No apps are assigned to you yet. Ask your administrator to assign you to an application.</p>
          ) : (
            <ul class="tiles">
              {view.apps.map((app) => (
                <li class="tile">
                  <a href={`/myapps/launch/${app.servicePrincipalId}`}>
                    <span class="tile-icon" aria-hidden="true">
                      {initials(app.displayName)}
                    </span>
                    {app.displayName}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </main>
      </body>
    </html>
  )
}
