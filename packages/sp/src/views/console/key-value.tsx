import type { Child } from 'hono/jsx'
import { isIdentifierLike, separatorBreaks } from './separator-breaks'

/** Text that may wrap only after its separators (`<wbr>` between the parts). */
export function Breakable(props: { text: string }) {
  const parts = separatorBreaks(props.text)
  return <>{parts.map((part, index) => (index === 0 ? part : [<wbr />, part]))}</>
}

export interface KeyValueRow {
  /** The name: a claim URI, "NameID", "Signing certificate". */
  readonly key: string
  /** One or more values (a claim may carry several). URI and URN values wrap at separators too. */
  readonly values: readonly (string | Child)[]
  /** Opaque data (base64, fingerprints) that has no separators: it may wrap anywhere. */
  readonly opaque?: boolean
  readonly failed?: boolean
}

/**
 * Names and values in two aligned columns (What the IdP sent: NameID, every attribute, the
 * certificate, the timing). The layout is fixed, so a long claim URI wraps inside its column at
 * its separators instead of widening the table or breaking in the middle of a word.
 */
export function KeyValueTable(props: {
  caption: string
  captionHidden?: boolean
  rows: readonly KeyValueRow[]
  keys?: 'wide' | 'narrow'
  mono?: boolean
  id?: string
}) {
  const tableClass = props.keys === 'narrow' ? 'kv narrow-keys' : 'kv'
  return (
    <table class={tableClass} id={props.id} aria-label={props.captionHidden ? props.caption : undefined}>
      {props.captionHidden ? null : <caption>{props.caption}</caption>}
      <tbody>
        {props.rows.map((row) => (
          <tr class={row.failed ? 'failed' : undefined}>
            <th scope="row" class={props.mono ? 'kv-key mono' : 'kv-key'}>
              <Breakable text={row.key} />
            </th>
            <td class={row.opaque ? 'kv-value opaque' : 'kv-value'}>
              {row.values.map((value) => (
                <div class={props.mono ? 'value mono' : 'value'}>
                  {typeof value === 'string' && !row.opaque && isIdentifierLike(value) ? (
                    <Breakable text={value} />
                  ) : (
                    value
                  )}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
