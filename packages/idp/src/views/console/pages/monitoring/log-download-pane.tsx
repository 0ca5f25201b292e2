import type { Command } from '../../command-bar'
import { Pane } from '../../pane'

/** The `?pane=` value of a log page's Download pane. */
export const DOWNLOAD_PANE = 'download'

/** How a log names what it keeps, and how many at most. */
export interface LogEntries {
  readonly one: string
  readonly many: string
  readonly capacity: string
}

/** A log page's bar: Download (opens the pane in place) and Refresh. */
export function logPageCommands(listHref: string): Command[] {
  return [
    {
      kind: 'link',
      label: 'Download',
      icon: 'download',
      href: `${listHref}?pane=${DOWNLOAD_PANE}`,
      opensPane: DOWNLOAD_PANE,
    },
    { kind: 'link', label: 'Refresh', icon: 'refresh', href: listHref },
  ]
}

/**
 * A log page's "Download" (Entra's Sign-in logs and Audit logs): the entries the log keeps, as
 * CSV for a spreadsheet or JSON in Graph's shape for a script, served at `{listHref}/download`.
 */
export function LogDownloadPane(props: {
  readonly closeHref: string
  readonly listHref: string
  readonly count: number
  readonly entries: LogEntries
}) {
  const { count, entries } = props
  const download = (format: string) => `${props.listHref}/download?format=${format}`
  return (
    <Pane
      id={DOWNLOAD_PANE}
      title="Download"
      size="small"
      closeHref={props.closeHref}
      footer={
        <>
          <a class="button button-primary" href={download('csv')} download>
            Download CSV
          </a>
          <a class="button" href={download('json')} download>
            Download JSON
          </a>
        </>
      }
    >
      <p>
        {count === 0
          ? `The log holds no ${entries.many} yet: the files have the header row only.`
          : `The ${count} ${count === 1 ? entries.one : entries.many} the log keeps (the newest ${entries.capacity}), newest first.`}
      </p>
      <p>CSV opens in a spreadsheet; JSON holds the entries as Microsoft Graph returns them.</p>
    </Pane>
  )
}
