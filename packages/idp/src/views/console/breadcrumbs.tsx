import { Icon } from './icons'

/** One step of the trail; the last one is the current page and is not a link. */
export interface Crumb {
  readonly label: string
  readonly href?: string
}

/** `Home > Enterprise applications | All applications > …` above a blade's title. */
export function Breadcrumbs(props: { readonly trail: readonly Crumb[] }) {
  const last = props.trail.length - 1
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {props.trail.map((crumb, index) => (
          <li>
            {crumb.href && index < last ? (
              <a href={crumb.href}>{crumb.label}</a>
            ) : (
              <span aria-current={index === last ? 'page' : undefined}>{crumb.label}</span>
            )}
            {index < last ? <Icon name="chevron-right" size={16} /> : null}
          </li>
        ))}
      </ol>
    </nav>
  )
}
