import { Pane } from '../../pane'

/** The `?pane=` value of a log page's Download pane. */
export const DOWNLOAD_PANE = 'download'

/**
 * A log page's "Download" (Entra's Sign-in logs and Audit logs): the newest entries the log
 * keeps, as CSV for a spreadsheet or JSON in Graph's shape for a script.
 */
export function LogDownloadPane(props: {
  readonly closeHref: string
  /** Where the file is served; `?format=csv` or `?format=json` is added. */
  readonly downloadHref: string
  /** What the file holds, in a sentence. */
  readonly holds: string
}) {
  return (
    <Pane
      id={DOWNLOAD_PANE}
      title="Download"
      size="small"
      closeHref={props.closeHref}
      footer={
        <>
          <a class="button button-primary" href={`${props.downloadHref}?format=csv`} download>
            Download CSV
          </a>
          <a class="button" href={`${props.downloadHref}?format=json`} download>
            Download JSON
          </a>
        </>
      }
    >
      <p>{props.holds}</p>
      <p>CSV opens in a spreadsheet; JSON holds the entries as Microsoft Graph returns them.</p>
    </Pane>
  )
}
