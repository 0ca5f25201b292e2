import type { Child } from 'hono/jsx'
import type { MyAppsAccount } from '../../sso/my-apps'
import { DocumentHead } from './document-head'
import { Icon } from './icons'
import { MenuButton } from './menu-button'
import { initialsOf } from './top-bar'

/**
 * My Apps' frame: a white header with "My Apps", the SANDBOX marker, "Search apps" (a GET form
 * to `/myapps?q=`, filtered by the server; the console script also filters the tiles as one
 * types) and the account menu button (avatar) holding the user's name and "Sign out".
 */
export function MyAppsLayout(props: {
  readonly account: MyAppsAccount
  /** The search text the box shows. */
  readonly query: string
  /** The id of the tile grid the search box filters as one types, if the page has one. */
  readonly tilesId?: string
  readonly title?: string
  readonly children: Child
}) {
  const { account } = props
  return (
    <html lang="en">
      <DocumentHead
        title={props.title ? `${props.title} - My Apps (sandbox)` : 'My Apps (sandbox)'}
        withScript
      />
      <body class="my-apps">
        <header class="my-apps-header">
          <a class="my-apps-product" href="/myapps">
            My Apps
          </a>
          <span class="sandbox-badge">SANDBOX</span>
          <search class="my-apps-search">
            <form class="search-box" method="get" action="/myapps">
              <Icon name="search" />
              <input
                class="input"
                type="search"
                name="q"
                value={props.query}
                maxlength={100}
                placeholder="Search apps"
                aria-label="Search apps"
                {...(props.tilesId ? { 'data-filter-tiles': props.tilesId } : {})}
              />
            </form>
          </search>
          <MenuButton
            class="my-apps-account"
            label={`Account manager for ${account.displayName}`}
            menuId="my-apps-account-menu"
            face={
              <span class="avatar" aria-hidden="true">
                {initialsOf(account.displayName)}
              </span>
            }
            before={
              <div class="my-apps-account-card">
                <span class="avatar avatar-large" aria-hidden="true">
                  {initialsOf(account.displayName)}
                </span>
                <span class="my-apps-account-text">
                  <span class="my-apps-account-name">{account.displayName}</span>
                  <span class="my-apps-account-upn">{account.userPrincipalName}</span>
                </span>
              </div>
            }
            items={[{ label: 'Sign out', href: account.signOutHref }]}
          />
        </header>
        <main class="my-apps-main" id="my-apps-main">
          {props.children}
        </main>
      </body>
    </html>
  )
}
