import type { Child } from 'hono/jsx'

/** One entry of a menu button's menu: a link, a file download when `download` is set. */
export interface MenuLink {
  readonly label: string
  readonly href: string
  readonly download?: boolean
}

/** An entry that submits the form around the menu to `formAction` with `name=value`. */
export interface MenuSubmit {
  readonly label: string
  readonly formAction: string
  readonly name: string
  readonly value: string
}

export type MenuItem = MenuLink | MenuSubmit

function MenuEntry({ item }: { readonly item: MenuItem }) {
  if ('formAction' in item)
    return (
      <button type="submit" role="menuitem" formaction={item.formAction} name={item.name} value={item.value}>
        {item.label}
      </button>
    )
  return (
    <a role="menuitem" href={item.href} download={item.download ? true : undefined}>
      {item.label}
    </a>
  )
}

/**
 * The ARIA menu button pattern on `<details>`: without JavaScript the summary opens and closes
 * the items like any disclosure; the console script adds `aria-expanded`, opens it with Enter,
 * Space or the arrow keys, moves between the items with the arrows, Home and End, and closes it
 * with Escape (focus back on the button, a pane around it left open) or by clicking elsewhere.
 * `before` is shown above the menu inside the popup (the account card), outside the
 * `role="menu"` list, which may hold menu items only.
 */
export function MenuButton(props: {
  readonly class: string
  /** The button's accessible name, e.g. "More options for Cisco Webex". */
  readonly label: string
  /** What the button shows (an icon, an avatar). */
  readonly face: Child
  readonly menuId: string
  readonly items: readonly MenuItem[]
  readonly before?: Child
  /** Drawn open (a deep link to the menu); the summary still closes it. */
  readonly open?: boolean
}) {
  return (
    <details
      class={`menu-button ${props.class}`}
      data-menu
      data-menu-button
      open={props.open ? true : undefined}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: a summary keeps the menu usable without JavaScript (a disclosure); the role makes it the menu button. */}
      <summary role="button" aria-haspopup="menu" aria-controls={props.menuId}>
        {/* The name is text, not aria-label: the face (initials) stays out of it without contradicting it. */}
        <span class="visually-hidden">{props.label}</span>
        {props.face}
      </summary>
      <div class="menu-popup">
        {props.before}
        <div role="menu" id={props.menuId} aria-label={props.label}>
          {props.items.map((item) => (
            <MenuEntry item={item} />
          ))}
        </div>
      </div>
    </details>
  )
}
