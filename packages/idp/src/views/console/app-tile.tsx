import type { Child } from 'hono/jsx'
import { Icon } from './icons'
import { LogoTile } from './logo-tile'
import { MenuButton, type MenuLink } from './menu-button'

/** One My Apps tile: the logo tile and name launch the app; the corner "More options" is a menu button. */
export function AppTile(props: {
  /** Unique on the page: names the tile's menu. */
  readonly id: string
  readonly name: string
  readonly href: string
  readonly menu: readonly MenuLink[]
}) {
  return (
    <li class="app-tile" data-tile-name={props.name}>
      <a class="app-tile-link" href={props.href}>
        <LogoTile name={props.name} />
        <span class="app-tile-name">{props.name}</span>
      </a>
      <MenuButton
        class="app-tile-menu"
        label={`More options for ${props.name}`}
        menuId={`tile-menu-${props.id}`}
        face={<Icon name="more" />}
        items={props.menu}
      />
    </li>
  )
}

/** The grid of tiles; its id is what the header's search box filters as one types. */
export function AppTileGrid(props: {
  readonly id: string
  readonly label: string
  readonly children: Child
}) {
  return (
    <ul class="app-tiles" id={props.id} aria-label={props.label}>
      {props.children}
    </ul>
  )
}
