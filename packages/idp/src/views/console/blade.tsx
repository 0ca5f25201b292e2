import type { Child } from 'hono/jsx'
import { Breadcrumbs, type Crumb } from './breadcrumbs'
import { Icon, type IconName } from './icons'

/** What a blade shows around its content. */
export interface BladeProps {
  readonly breadcrumbs: readonly Crumb[]
  /** The object, bold before the bar: "Cisco Webex" in "Cisco Webex | SAML-based Sign-on". */
  readonly object: string
  /** The page after the bar; absent for a one-part title ("Browse Microsoft Entra Gallery"). */
  readonly page?: string
  /** The grey line under the title: "Enterprise Application", or the tenant's name. */
  readonly subtitle?: string
  readonly icon?: IconName
  /** Drill-in pages have an X at the top right that goes back up the trail. */
  readonly closeHref?: string
  /** A `<ResourceMenu>` at the left of the content. */
  readonly menu?: Child
  /** A `<CommandBar>` at the top of the content. */
  readonly commands?: Child
  readonly children: Child
}

/** One Entra "blade": breadcrumbs, the `Object | Page` title, an optional menu, commands, content. */
export function Blade(props: BladeProps) {
  return (
    <div class="blade">
      <Breadcrumbs trail={props.breadcrumbs} />
      <div class="blade-header">
        {props.icon ? (
          <span class="blade-icon">
            <Icon name={props.icon} size={24} />
          </span>
        ) : null}
        <div class="blade-heading">
          <h1 class="blade-title">
            {props.object}
            {props.page ? <span class="blade-title-page"> | {props.page}</span> : null}
          </h1>
          {props.subtitle ? <p class="blade-subtitle">{props.subtitle}</p> : null}
        </div>
        {props.closeHref ? (
          <a class="icon-button" href={props.closeHref} aria-label="Close">
            <Icon name="close" size={20} />
          </a>
        ) : null}
      </div>
      <div class="blade-body">
        {props.menu ?? null}
        <div class="blade-content">
          {props.commands ?? null}
          {props.children}
        </div>
      </div>
    </div>
  )
}
