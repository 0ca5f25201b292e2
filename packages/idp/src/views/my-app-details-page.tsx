import type { MyAppDetails, MyAppsAccount } from '../sso/my-apps'
import { LogoTile } from './console/logo-tile'
import { MyAppsLayout } from './console/my-apps-layout'

/** "Manage your application": the app's name, publisher and address, and how to open it. */
export function MyAppDetailsPage(props: { readonly details: MyAppDetails }) {
  const { details } = props
  const { app } = details
  return (
    <MyAppsLayout account={details.account} query="" title={app.displayName}>
      <p class="my-apps-back">
        <a href="/myapps">Back to Apps</a>
      </p>
      <section class="my-app-details" aria-labelledby="my-app-details-title">
        <div class="my-app-details-head">
          <LogoTile name={app.displayName} />
          <h1 id="my-app-details-title">{app.displayName}</h1>
        </div>
        <dl class="my-app-details-facts">
          <dt>Publisher</dt>
          <dd>{details.publisher}</dd>
          <dt>URL</dt>
          <dd>{details.url ?? 'None: the app opens by IdP-initiated sign-in.'}</dd>
        </dl>
        <p>
          <a class="button button-primary" href={app.launchHref}>
            Open {app.displayName}
          </a>
        </p>
        <p class="my-app-details-note">
          <span class="sandbox-badge">SANDBOX</span> {details.sandboxNote}
        </p>
      </section>
    </MyAppsLayout>
  )
}

/** An app that is not on the user's My Apps: unknown, hidden from users, or not assigned to them. */
export function MyAppNotFoundPage(props: { readonly account: MyAppsAccount }) {
  return (
    <MyAppsLayout account={props.account} query="" title="App not found">
      <h1>This app isn’t in your apps</h1>
      <p class="my-apps-empty">
        It does not exist, is hidden from users, or is not assigned to you. Ask your administrator to assign
        you to it (Enterprise applications &gt; the app &gt; Users and groups).
      </p>
      <p>
        <a href="/myapps">Back to Apps</a>
      </p>
    </MyAppsLayout>
  )
}
