import type { Child } from 'hono/jsx'
import { type Action, ActionButton } from './actions'
import { Icon } from './icons'

/**
 * A status that changes elsewhere (the Test SSO result, written by the test tab). With the page
 * script, `statusUrl` is polled (it answers `{ "version": ... }`) and the page is fetched again in
 * place when the version differs from `version`; without it, Refresh reloads the step.
 */
export function PollingStatus(props: {
  statusUrl: string
  version: string
  intervalMs?: number
  refresh: Action
  children: Child
}) {
  return (
    <div
      class="poll-status"
      data-poll-url={props.statusUrl}
      data-poll-version={props.version}
      data-poll-interval={String(props.intervalMs ?? 2000)}
    >
      <Icon name="info" />
      <div class="text">{props.children}</div>
      <span class="no-js-only">
        <ActionButton label="Refresh" icon="refresh" variant="secondary" action={props.refresh} />
      </span>
    </div>
  )
}
