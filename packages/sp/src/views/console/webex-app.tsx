import type { Child } from 'hono/jsx'
import { type Action, ActionButton, CSRF_FIELD } from './actions'
import { ConsoleDocument, SandboxMarker, SkipLink, webexTabTitle } from './document'
import { FormError, TextField } from './fields'
import { Icon, type IconName, SandboxMark } from './icons'
import { type ToastProps, ToastRegion } from './toasts'

/** The emulator's wordmark: its own mark and "Webex (sandbox)", no vendor logo. */
export function Wordmark() {
  return (
    <span class="wordmark">
      <SandboxMark />
      <span class="name">Webex</span>
      <span class="qualifier">(sandbox)</span>
    </span>
  )
}

/** The organization the page belongs to, at the right of the header. */
export function OrgName(props: { name: string }) {
  return (
    <span class="wx-org">
      <Icon name="organization" />
      <span>{props.name}</span>
    </span>
  )
}

/** The start of every Webex header: the wordmark, the SANDBOX marker, and the org at the right. */
export function WebexHeaderLead(props: { orgName?: string | undefined }) {
  return (
    <>
      <Wordmark />
      <SandboxMarker />
      <span class="spacer" />
      {props.orgName ? <OrgName name={props.orgName} /> : null}
    </>
  )
}

function SandboxStrip() {
  return (
    <div class="wx-sandbox-strip">
      <strong>SANDBOX</strong>
      <span>A Webex emulator on this machine for rehearsing SSO. No real account is used.</span>
    </div>
  )
}

export interface SignInFooterProps {
  readonly year: number
  readonly termsHref: string
  readonly privacyHref: string
}

export interface WebexSignInPageProps {
  readonly pageTitle?: string
  readonly heading?: string
  /** Where the email goes; GET forms need no token, POST forms carry `csrfToken`. */
  readonly form: { readonly action: string; readonly method: 'get' | 'post'; readonly csrfToken?: string }
  readonly email?: string
  readonly error?: string
  /** "Sign In" (Control Hub, E1) or "Next" (the Webex app, E7). */
  readonly submitLabel?: string
  readonly notice?: Child
  readonly footer: SignInFooterProps
  readonly toasts?: readonly ToastProps[]
}

/**
 * The email-first sign-in (Control Hub's and the Webex app's): a centred panel, "Enter your
 * email address", one email field, and the primary button, which the page script keeps disabled
 * until the address is valid; without the script it is enabled and the server checks the address.
 */
export function WebexSignInPage(props: WebexSignInPageProps) {
  const heading = props.heading ?? 'Enter your email address'
  return (
    <ConsoleDocument tabTitle={webexTabTitle(props.pageTitle ?? 'Sign in')} bodyClass="wx-sign-in">
      <SandboxStrip />
      <main id="main" tabindex={-1}>
        <div class="wx-panel">
          <Wordmark />
          <h1>{heading}</h1>
          <form method={props.form.method} action={props.form.action}>
            {props.form.method === 'post' && props.form.csrfToken ? (
              <input type="hidden" name={CSRF_FIELD} value={props.form.csrfToken} />
            ) : null}
            {props.error ? <FormError>{props.error}</FormError> : null}
            <TextField
              label="Email address"
              name="email"
              type="email"
              size="large"
              placeholder="Email address"
              autocomplete="username"
              required={true}
              value={props.email}
              autofocus={true}
              maxLength={254}
            />
            <button type="submit" class="btn btn-primary large block" data-enable-when-valid="">
              {props.submitLabel ?? 'Sign In'}
            </button>
          </form>
          {props.notice ? <p class="notice">{props.notice}</p> : null}
        </div>
      </main>
      <footer class="wx-footer">
        <a href={props.footer.termsHref}>Terms of Service</a>
        <a href={props.footer.privacyHref}>Privacy Statement</a>
        <span>© {props.footer.year} SSO rehearsal sandbox. Not affiliated with Cisco.</span>
      </footer>
      <ToastRegion toasts={props.toasts ?? []} withTopBar={false} />
    </ConsoleDocument>
  )
}

/** An entry of the Webex app's left rail; `href: null` shows the app's shape but is not built. */
export interface RailItem {
  readonly label: string
  readonly icon: IconName
  readonly href: string | null
  readonly current?: boolean
}

export interface WebexHomeFrameProps {
  readonly pageTitle: string
  readonly orgName?: string
  readonly user: { readonly displayName: string; readonly email: string }
  readonly signOut: Action
  readonly rail: readonly RailItem[]
  readonly toasts?: readonly ToastProps[]
  readonly children: Child
}

function initials(name: string): string {
  const words = name.split(/[\s.]+/).filter((w) => w.length > 0)
  const first = words[0]?.[0] ?? '?'
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : ''
  return `${first}${last}`.toUpperCase()
}

function Rail(props: { items: readonly RailItem[] }) {
  return (
    <nav class="wx-rail" aria-label="Webex">
      <SandboxMark />
      <ul>
        {props.items.map((item) => (
          <li>
            {item.href ? (
              <a class="wx-rail-item" href={item.href} aria-current={item.current ? 'page' : undefined}>
                <Icon name={item.icon} />
                <span>{item.label}</span>
              </a>
            ) : (
              <span class="wx-rail-item unavailable" title="Not part of the sandbox">
                <Icon name={item.icon} />
                <span>{item.label}</span>
                <span class="visually-hidden"> (not part of the sandbox)</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * The signed-in Webex app's frame (an original design in the app's manner): a dark rail, a header
 * with who is signed in and Sign out, and the content. No Control Hub chrome.
 */
export function WebexHomeFrame(props: WebexHomeFrameProps) {
  return (
    <ConsoleDocument tabTitle={webexTabTitle(props.pageTitle)}>
      <SkipLink />
      <div class="wx-app">
        <Rail items={props.rail} />
        <div class="wx-main-column">
          <header class="wx-header">
            <WebexHeaderLead orgName={props.orgName} />
            <div class="wx-user">
              <span class="avatar" aria-hidden="true">
                {initials(props.user.displayName)}
              </span>
              <span class="names">
                <strong>{props.user.displayName}</strong>
                <span class="email">{props.user.email}</span>
              </span>
            </div>
            {props.signOut.method === 'get' ? (
              // A link, not a GET form: signing out goes on to the IdP (single logout), and a
              // form whose answer redirects to another origin is blocked by the CSP's form-action.
              <a class="btn btn-secondary" href={props.signOut.href}>
                <Icon name="sign-out" />
                Sign out
              </a>
            ) : (
              <ActionButton label="Sign out" icon="sign-out" action={props.signOut} enhance={false} />
            )}
          </header>
          <main id="main" class="wx-content" tabindex={-1}>
            {props.children}
          </main>
        </div>
      </div>
      <ToastRegion toasts={props.toasts ?? []} />
    </ConsoleDocument>
  )
}
