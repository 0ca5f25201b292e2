import type { Child } from 'hono/jsx'
import { Icon, type IconName } from './icons'
import { LogoTile } from './logo-tile'

/** A gallery app as its tile shows it. */
export interface GalleryTileProps {
  /** Also the page's unique key for ids. */
  readonly id: string
  readonly name: string
  readonly publisher?: string
  readonly href: string
  /** The pane the tile opens (name + Create), when it opens one in place. */
  readonly opensPane?: string
  readonly singleSignOn?: boolean
  readonly provisioning?: boolean
}

/**
 * One tile of "Browse Microsoft Entra Gallery": name, logo tile, and small icons for federated
 * SSO and provisioning. The link's name is the app's name alone; the features describe it.
 */
export function GalleryTile(props: GalleryTileProps) {
  const featuresId = `${props.id}-features`
  const listed = [props.singleSignOn, props.provisioning].filter((supported) => supported === true)
  return (
    <li class="gallery-tile">
      {/* Only the name is the link, so its accessible name is the app's; CSS stretches it over the tile. */}
      <a
        class="gallery-tile-link"
        href={props.href}
        data-pane-link={props.opensPane ? true : undefined}
        data-opens-overlay={props.opensPane}
        aria-describedby={listed.length > 0 ? featuresId : undefined}
      >
        {props.name}
      </a>
      <LogoTile name={props.name} size="large" />
      {props.publisher ? <span class="gallery-tile-publisher">{props.publisher}</span> : null}
      <span class="gallery-tile-features" id={featuresId}>
        {props.singleSignOn ? <Feature icon="sign-on" label="SSO" /> : null}
        {props.provisioning ? <Feature icon="provisioning" label="Provisioning" /> : null}
      </span>
    </li>
  )
}

/** One feature badge of a tile (its icon and word). */
function Feature(props: { readonly icon: IconName; readonly label: string }) {
  return (
    <span class="gallery-tile-feature">
      <Icon name={props.icon} />
      <span>{props.label}</span>
    </span>
  )
}

/** A titled group of tiles ("Cloud platforms", "Featured applications", or the search results). */
export function GallerySection(props: { readonly heading: string; readonly children: Child }) {
  return (
    <section>
      <h2 class="gallery-section">{props.heading}</h2>
      <ul class="gallery">{props.children}</ul>
    </section>
  )
}
