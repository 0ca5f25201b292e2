import type { Child } from 'hono/jsx'
import { Icon, type IconName } from './icons'

const TONE_ICON: Record<'info' | 'warning' | 'error' | 'success', IconName> = {
  info: 'info',
  warning: 'warning',
  error: 'error',
  success: 'success',
}

/**
 * The light-blue strip with (i) under a command bar. With `href` the whole line is a link ending
 * in "→", as Entra draws it.
 */
export function InfoBanner(props: {
  readonly children: Child
  readonly href?: string
  readonly tone?: 'info' | 'warning' | 'error' | 'success'
}) {
  const tone = props.tone ?? 'info'
  return (
    <div class={`info-banner tone-${tone}`}>
      <Icon name={TONE_ICON[tone]} size={20} />
      <span class="info-banner-text">
        {props.href ? (
          <a class="info-banner-link" href={props.href}>
            <span>{props.children}</span>
            <span aria-hidden="true">→</span>
          </a>
        ) : (
          props.children
        )}
      </span>
    </div>
  )
}
