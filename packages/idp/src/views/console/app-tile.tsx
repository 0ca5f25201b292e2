import type { Child } from 'hono/jsx'
import { Icon } from './icons'
import { LogoTile } from './logo-tile'

/** An entry of a tile's corner menu ("Manage your application"). */
export interface TileMenuItem {
  readonly label: string
  readonly href: string
}

/** One My Apps tile: the logo tile and name launch the app; the corner menu is a disclosure. */
export function AppTile(props: {
  readonly name: string
  readonly href: string
  readonly menu?: readonly TileMenuItem[]
}) {
  return (
    <li class="app-tile" data-tile-name={props.name}>
      <a class="app-tile-link" href={props.href}>
        <LogoTile name={props.name} />
        <span class="app-tile-name">{props.name}</span>
      </a>
      {props.menu && props.menu.length > 0 ? (
        <details class="app-tile-menu" data-menu>
          <summary aria-label={`More options for ${props.name}`}>
            <Icon name="more" />
          </summary>
          <ul>
            {props.menu.map((item) => (
              <li>
                <a href={item.href}>{item.label}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  )
}

/** The grid of tiles; its id is what the header's search box filters. */
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
