import { currentPage } from './current-page'
import { Icon, type IconName } from './icons'

/** A page in the left navigation. */
export interface NavLink {
  readonly label: string
  readonly href: string
  readonly icon?: IconName
}

/** A collapsible group (a `<details>`, so it opens and closes without JavaScript). */
export interface NavGroup {
  readonly label: string
  readonly icon?: IconName
  readonly children: readonly NavEntry[]
  /** Open on arrival; a group holding the current page is always open. */
  readonly expanded?: boolean
}

/** One entry of the tree. The caller lists only pages that exist, so there are no dead links. */
export type NavEntry = NavLink | NavGroup

function isGroup(entry: NavEntry): entry is NavGroup {
  return 'children' in entry
}

function holds(entry: NavEntry, href: string): boolean {
  return isGroup(entry) ? entry.children.some((child) => holds(child, href)) : entry.href === href
}

function Entry(props: { readonly entry: NavEntry; readonly level: number; readonly currentHref: string }) {
  const { entry, level, currentHref } = props
  const levelClass = `nav-item nav-level-${Math.min(level, 3)}${level === 0 ? ' nav-top' : ''}`
  const icon = entry.icon ? <Icon name={entry.icon} size={20} /> : null
  if (!isGroup(entry)) {
    return (
      <li>
        <a class={levelClass} href={entry.href} aria-current={currentPage(entry.href, currentHref)}>
          {icon}
          <span class="nav-label">{entry.label}</span>
        </a>
      </li>
    )
  }
  return (
    <li>
      <details open={entry.expanded === true || holds(entry, currentHref)}>
        <summary class={levelClass}>
          {icon}
          <span class="nav-label">{entry.label}</span>
          <span class="nav-chevron">
            <Icon name="chevron-down" />
          </span>
        </summary>
        <ul class="nav-list">
          {entry.children.map((child) => (
            <Entry entry={child} level={level + 1} currentHref={currentHref} />
          ))}
        </ul>
      </details>
    </li>
  )
}

/** The admin center's left navigation tree, built from the entries the caller passes. */
export function LeftNav(props: { readonly entries: readonly NavEntry[]; readonly currentHref: string }) {
  return (
    <nav class="left-nav" aria-label="Left navigation">
      <ul class="nav-list">
        {props.entries.map((entry) => (
          <Entry entry={entry} level={0} currentHref={props.currentHref} />
        ))}
      </ul>
    </nav>
  )
}
