import type { Child } from 'hono/jsx'
import { DocumentHead } from './document-head'
import { Icon } from './icons'
import { initialsOf } from './top-bar'

/** The signed-in user of My Apps, and where "Sign out" goes. */
export interface MyAppsAccount {
  readonly displayName: string
  readonly userPrincipalName: string
  readonly signOutHref: string
}

/**
 * My Apps' frame: a white header with "My Apps", the SANDBOX marker, "Search apps" (filters the
 * tiles with the console script; absent without it) and the account with a visible "Sign out".
 */
export function MyAppsLayout(props: {
  readonly account: MyAppsAccount
  /** The id of the tile grid the search box filters. */
  readonly tilesId: string
  readonly children: Child
}) {
  const { account } = props
  return (
    <html lang="en">
      <DocumentHead title="My Apps (sandbox)" withScript />
      <body class="my-apps">
        <header class="my-apps-header">
          <span class="my-apps-product">My Apps</span>
          <span class="sandbox-badge">SANDBOX</span>
          <div class="search-box" data-js-only hidden>
            <Icon name="search" />
            <input
              class="input"
              type="search"
              placeholder="Search apps"
              aria-label="Search apps"
              data-filter-tiles={props.tilesId}
            />
          </div>
          <div class="my-apps-account">
            <span class="my-apps-account-text">
              <span>{account.displayName}</span>
              <span class="my-apps-account-upn">{account.userPrincipalName}</span>
            </span>
            <span class="avatar" aria-hidden="true">
              {initialsOf(account.displayName)}
            </span>
            <a class="button" href={account.signOutHref}>
              Sign out
            </a>
          </div>
        </header>
        <main class="my-apps-main">{props.children}</main>
      </body>
    </html>
  )
}
