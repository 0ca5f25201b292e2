import type { Child } from 'hono/jsx'

/** One entry of a menu button's menu: a link. */
export interface MenuLink {
  readonly label: string
  readonly href: string
}

/**
 * The ARIA menu button pattern on `<details>`: without JavaScript the summary opens and closes
 * the links like any disclosure; the console script adds `aria-expanded`, opens it with Enter,
 * Space or the arrow keys, moves between the items with the arrows, Home and End, and closes it
 * with Escape (focus back on the button) or by clicking elsewhere. `before` is shown above the
 * menu inside the popup (the account card), outside the `role="menu"` list, which may hold
 * menu items only.
 */
export function MenuButton(props: {
  readonly class: string
  /** The button's accessible name, e.g. "More options for Cisco Webex". */
  readonly label: string
  /** What the button shows (an icon, an avatar). */
  readonly face: Child
  readonly menuId: string
  readonly items: readonly MenuLink[]
  readonly before?: Child
}) {
  return (
    <details class={`menu-button ${props.class}`} data-menu data-menu-button>
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
            <a role="menuitem" href={item.href}>
              {item.label}
            </a>
          ))}
        </div>
      </div>
    </details>
  )
}
