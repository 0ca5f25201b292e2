import { type ConsoleFrame, ConsoleLayout } from '../../console-layout'
import { type HiddenField, HiddenFields } from '../../hidden-fields'
import { AppBlade, type AppRef } from './app-blade'

/** "Select a single sign-on method" (A7): Disabled, SAML, Password-based (unavailable), Linked (unavailable). */
export function SsoMethodPage(props: {
  readonly frame: ConsoleFrame
  readonly app: AppRef
  readonly mode: string | null
  readonly csrf: readonly HiddenField[]
}) {
  const { app } = props
  const methods = [
    {
      value: 'disabled',
      name: 'Disabled',
      text: 'Single sign-on is not enabled. The user won’t be able to launch the app from My Apps.',
      on: props.mode === null,
    },
    {
      value: 'saml',
      name: 'SAML',
      text: 'Rich and secure authentication to applications using the SAML (Security Assertion Markup Language) protocol.',
      on: props.mode === 'saml',
    },
    {
      value: 'password',
      name: 'Password-based',
      text: 'Password storage and replay using a web browser extension or mobile app. Not available in the sandbox.',
      unavailable: true,
      on: false,
    },
    {
      value: 'linked',
      name: 'Linked',
      text: 'Link to an application in My Apps and/or Office 365 application launcher. Not available in the sandbox.',
      unavailable: true,
      on: false,
    },
  ]
  return (
    <ConsoleLayout title={`${app.displayName} | Single sign-on`} {...props.frame}>
      <AppBlade app={app} page="Single sign-on" icon="sign-on" currentHref={app.hrefs.singleSignOn}>
        <p class="blade-intro">
          Single sign-on (SSO) adds security and convenience when users sign on to applications in Microsoft
          Entra ID by enabling a user in your organization to sign in to every application they use with only
          one account.
        </p>
        <h2>Select a single sign-on method</h2>
        <form method="post" action={app.hrefs.singleSignOn} class="method-grid">
          <HiddenFields fields={props.csrf} />
          {methods.map((m) => (
            <div
              class={`method-tile${m.on ? ' method-on' : ''}${m.unavailable ? ' method-unavailable' : ''}`}
            >
              <button
                type="submit"
                name="method"
                value={m.value}
                class="method-button"
                aria-pressed={m.on ? 'true' : 'false'}
                disabled={m.unavailable === true}
                aria-describedby={`method-${m.value}-text`}
              >
                {m.name}
              </button>
              <span id={`method-${m.value}-text`}>{m.text}</span>
            </div>
          ))}
        </form>
      </AppBlade>
    </ConsoleLayout>
  )
}
