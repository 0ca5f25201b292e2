import { currentPage } from './current-page'
import { Icon, type IconName } from './icons'

/** An item of a blade's left menu; `unavailable` items are greyed, as Entra greys unlicensed ones. */
export interface ResourceMenuItem {
  readonly label: string
  readonly href: string
  readonly icon?: IconName
  readonly unavailable?: boolean
}

/** A section under a bold heading with a rule ("Manage", "Security", …); the first may have none. */
export interface ResourceMenuSection {
  readonly heading?: string
  readonly items: readonly ResourceMenuItem[]
}

/** What the blade's own menu shows: its name, its sections, and the page being shown. */
export interface ResourceMenuProps {
  readonly label: string
  readonly sections: readonly ResourceMenuSection[]
  readonly currentHref: string
}

/** An item's icon and words, the same whether it is a link or greyed. */
function ItemFace(props: { readonly item: ResourceMenuItem }) {
  return (
    <>
      {props.item.icon ? <Icon name={props.item.icon} size={20} /> : null}
      <span class="resource-menu-text">{props.item.label}</span>
    </>
  )
}

/** The blade's own menu (A6): sections of links, the current one highlighted. */
export function ResourceMenu(props: ResourceMenuProps) {
  return (
    <nav class="resource-menu" aria-label={props.label}>
      <div class="resource-menu-collapse">
        <button
          type="button"
          class="icon-button"
          aria-label="Collapse the menu"
          data-menu-collapse
          data-js-only
          hidden
        >
          <Icon name="collapse" size={16} />
        </button>
      </div>
      {props.sections.map((section) => (
        <>
          {section.heading ? <h2 class="resource-menu-heading">{section.heading}</h2> : null}
          <ul class="resource-menu-list">
            {section.items.map((item) => (
              <li>
                {item.unavailable ? (
                  <span class="resource-menu-item" aria-disabled="true">
                    <ItemFace item={item} />
                  </span>
                ) : (
                  <a
                    class="resource-menu-item"
                    href={item.href}
                    aria-current={currentPage(item.href, props.currentHref)}
                  >
                    <ItemFace item={item} />
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      ))}
    </nav>
  )
}
