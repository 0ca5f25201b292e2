import type { Child } from 'hono/jsx'
import { CSRF_FIELD } from './actions'
import { ConsoleDocument, controlHubTabTitle, SandboxMarker, SkipLink } from './document'
import { Icon, type IconName, SandboxMark } from './icons'
import { ActiveExerciseSummary } from './pages/active-exercise-summary'
import { type ToastProps, ToastRegion } from './toasts'
import { type TrainingChrome, TrainingPanel, TrainingSwitch } from './training-panel'

/** The navigation entries Control Hub can show, keyed by the page they lead to. */
export type NavId =
  | 'overview'
  | 'users'
  | 'groups'
  | 'settings'
  | 'troubleshooting'
  | 'saml-inspector'
  | 'training'

export interface NavItem {
  readonly id: NavId
  readonly label: string
  readonly href: string
  readonly icon: IconName
  /** The heading the entry sits under in today's Control Hub ("Monitoring", "Management"). */
  readonly group?: string
}

/** The entries with the tutorial's names ("Organization Settings" is the tutorial's Settings). */
export const CONTROL_HUB_NAV: Readonly<Record<NavId, NavItem>> = {
  overview: { id: 'overview', label: 'Overview', href: '/admin', icon: 'overview' },
  troubleshooting: {
    id: 'troubleshooting',
    label: 'Troubleshooting',
    href: '/admin/troubleshooting',
    icon: 'troubleshooting',
    group: 'Monitoring',
  },
  'saml-inspector': {
    id: 'saml-inspector',
    label: 'SAML inspector',
    href: '/admin/saml-inspector',
    icon: 'troubleshooting',
    group: 'Monitoring',
  },
  users: { id: 'users', label: 'Users', href: '/admin/users', icon: 'users', group: 'Management' },
  groups: { id: 'groups', label: 'Groups', href: '/admin/groups', icon: 'users', group: 'Management' },
  settings: {
    id: 'settings',
    label: 'Organization Settings',
    href: '/admin/settings',
    icon: 'settings',
    group: 'Management',
  },
  // The sandbox's own page (no counterpart in the real Control Hub): reset and break-it exercises.
  training: { id: 'training', label: 'Training', href: '/admin/training', icon: 'shield', group: 'Sandbox' },
}

/**
 * The navigation for the pages that exist, in Control Hub's order (Overview, then Monitoring,
 * then Management), whatever order the ids come in.
 */
export function controlHubNav(ids: readonly NavId[]): NavItem[] {
  const order: NavId[] = [
    'overview',
    'troubleshooting',
    'saml-inspector',
    'users',
    'groups',
    'settings',
    'training',
  ]
  return order.filter((id) => ids.includes(id)).map((id) => CONTROL_HUB_NAV[id])
}

/** The signed-in administrator, for the account menu. */
export interface AdminAccount {
  readonly displayName: string
  readonly email: string
  /** Sign out is a POST (a link would let any site sign the admin out). */
  readonly signOut: { readonly action: string; readonly csrfToken: string }
}

export interface ControlHubLayoutProps {
  /** The page's heading and the first part of the tab title. */
  readonly pageTitle: string
  readonly orgName: string
  readonly nav: readonly NavItem[]
  readonly current: NavId | null
  readonly account?: AdminAccount
  readonly toasts?: readonly ToastProps[]
  /** An open dialog (the wizard, an alert). The page behind it becomes inert. */
  readonly modal?: Child
  /** Shown beside the heading (the page's main buttons). */
  readonly headActions?: Child
  readonly subtitle?: string
  /** Training mode's switch, and its progress panel while it is on. */
  readonly training?: TrainingChrome
  readonly children: Child
}

function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]?.toUpperCase() ?? '')
  return (letters.length > 1 ? `${letters[0]}${letters[letters.length - 1]}` : (letters[0] ?? '?')).slice(
    0,
    2,
  )
}

function groupId(heading: string): string {
  return `nav-${heading.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
}

function Navigation(props: { items: readonly NavItem[]; current: NavId | null }) {
  const groups: { heading: string | undefined; items: NavItem[] }[] = []
  for (const item of props.items) {
    const last = groups[groups.length - 1]
    if (last && last.heading === item.group) last.items.push(item)
    else groups.push({ heading: item.group, items: [item] })
  }
  return (
    <nav class="ch-nav" aria-label="Control Hub">
      <a class="ch-product" href="/admin">
        <SandboxMark />
        <span>Control Hub</span>
      </a>
      {groups.map((group) => (
        <>
          {group.heading ? (
            <p class="ch-nav-group" id={groupId(group.heading)}>
              {group.heading}
            </p>
          ) : null}
          <ul aria-labelledby={group.heading ? groupId(group.heading) : undefined}>
            {group.items.map((item) => (
              <li>
                <a
                  class="ch-nav-item"
                  href={item.href}
                  aria-current={item.id === props.current ? 'page' : undefined}
                >
                  <Icon name={item.icon} />
                  <span>{item.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ))}
      <p class="ch-nav-foot">Webex emulator for SSO rehearsal. Not a Cisco service.</p>
    </nav>
  )
}

function AccountMenu(props: { account: AdminAccount }) {
  const { account } = props
  return (
    <details class="account-menu">
      <summary>
        <span class="visually-hidden">Account: {account.displayName}</span>
        <span class="avatar" aria-hidden="true">
          {initialsOf(account.displayName)}
        </span>
        <Icon name="chevron-down" size="small" />
      </summary>
      <div class="menu">
        <div class="who">
          <span class="avatar large" aria-hidden="true">
            {initialsOf(account.displayName)}
          </span>
          <div>
            <strong>{account.displayName}</strong>
            <div class="email">{account.email}</div>
          </div>
        </div>
        <form method="post" action={account.signOut.action}>
          <input type="hidden" name={CSRF_FIELD} value={account.signOut.csrfToken} />
          <button type="submit" class="btn btn-secondary block">
            <Icon name="sign-out" />
            Sign out
          </button>
        </form>
      </div>
    </details>
  )
}

/**
 * Control Hub's frame: skip link, dark left navigation, a top bar with the organization, the
 * SANDBOX marker and the account menu, the page heading, the content, toasts, and an optional
 * dialog. The tab title is `controlHubTabTitle(pageTitle)`.
 */
export function ControlHubLayout(props: ControlHubLayoutProps) {
  const main = (
    <main id="main" class="ch-content" tabindex={-1}>
      <div class="page-head">
        <div>
          <h1>{props.pageTitle}</h1>
          {props.subtitle ? <p class="subtitle">{props.subtitle}</p> : null}
        </div>
        {props.headActions ? <div class="actions">{props.headActions}</div> : null}
      </div>
      {props.children}
    </main>
  )
  return (
    <ConsoleDocument tabTitle={controlHubTabTitle(props.pageTitle)}>
      <div class="ch-shell" inert={props.modal ? true : undefined}>
        <SkipLink />
        <Navigation items={props.nav} current={props.current} />
        <div class="ch-main-column">
          <header class="ch-topbar">
            <div class="ch-org">
              <Icon name="organization" />
              <span class="name">{props.orgName}</span>
            </div>
            <SandboxMarker />
            <span class="spacer" />
            {props.training ? <TrainingSwitch training={props.training} /> : null}
            {props.account ? <AccountMenu account={props.account} /> : null}
          </header>
          {props.training?.panel ? (
            <div class="ch-work">
              {main}
              <TrainingPanel training={props.training} model={props.training.panel}>
                {props.training.activeExercise ? (
                  <ActiveExerciseSummary
                    active={props.training.activeExercise}
                    csrfToken={props.training.csrfToken}
                    actions={false}
                  />
                ) : null}
              </TrainingPanel>
            </div>
          ) : (
            main
          )}
        </div>
      </div>
      {props.modal ?? null}
      <ToastRegion toasts={props.toasts ?? []} />
    </ConsoleDocument>
  )
}
