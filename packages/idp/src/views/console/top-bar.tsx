import { type HiddenField, HiddenFields } from './hidden-fields'
import { type TrainingFrame, TrainingSwitch } from './training-panel'

/** The signed-in admin the account tile shows, and how to sign them out (a POST form). */
export interface ConsoleAccount {
  readonly displayName: string
  readonly userPrincipalName: string
  readonly signOut: { readonly action: string; readonly fields?: readonly HiddenField[] }
}

/**
 * Up to two initials, from the first two words, as Entra draws app tiles and avatars: "Cisco
 * Webex" -> "CW", "Amazon Web Services (AWS)" -> "AW", "B.Simon" -> "BS", "Salesforce" -> "S".
 */
export function initialsOf(name: string): string {
  const words = name
    .split(/[\s._@-]+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length > 0)
  const initials = words
    .slice(0, 2)
    .map((word) => String.fromCodePoint(word.codePointAt(0) ?? 63))
    .join('')
  return initials === '' ? '?' : initials.toUpperCase()
}

/** The blue top bar: product name, the SANDBOX marker, the tenant and the account tile. */
export function TopBar(props: {
  readonly tenantName: string
  readonly account?: ConsoleAccount
  readonly training?: TrainingFrame | undefined
}) {
  const { account } = props
  return (
    <header class="topbar">
      <a class="topbar-product" href="/">
        Microsoft Entra admin center
      </a>
      <span
        class="sandbox-badge"
        title="An offline rehearsal sandbox: nothing here is a real Microsoft service"
      >
        SANDBOX
      </span>
      <span class="topbar-spacer" />
      {props.training ? <TrainingSwitch training={props.training} /> : null}
      {account ? (
        <details class="account" data-menu>
          <summary>
            <span class="visually-hidden">Account manager for {account.displayName}: </span>
            <span class="account-text">
              <span class="account-name">{account.userPrincipalName}</span>
              <span class="account-tenant">{props.tenantName}</span>
            </span>
            <span class="avatar" aria-hidden="true">
              {initialsOf(account.displayName)}
            </span>
          </summary>
          <div class="account-card">
            <div class="account-card-head">
              <span class="avatar" aria-hidden="true">
                {initialsOf(account.displayName)}
              </span>
              <div>
                <div class="account-card-name">{account.displayName}</div>
                <div class="account-card-upn">{account.userPrincipalName}</div>
              </div>
            </div>
            <form method="post" action={account.signOut.action}>
              <HiddenFields fields={account.signOut.fields} />
              <button type="submit" class="link-button">
                Sign out
              </button>
            </form>
          </div>
        </details>
      ) : (
        <span class="topbar-tenant">{props.tenantName}</span>
      )}
    </header>
  )
}
