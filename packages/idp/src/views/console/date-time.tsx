/**
 * Dates as the admin center's grids show them ("12/3/2026, 9:43:06 AM"), in UTC so every run
 * of the sandbox reads the same; the exact instant stays in the `<time>` element's datetime.
 */
const ENTRA_DATE_TIME = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
})

/** The grid text of an ISO instant; an unreadable value is shown as it is. */
export function entraDateTimeText(iso: string): string {
  const instant = Date.parse(iso)
  return Number.isNaN(instant) ? iso : ENTRA_DATE_TIME.format(instant)
}

export function DateTime(props: { readonly iso: string }) {
  return <time datetime={props.iso}>{entraDateTimeText(props.iso)}</time>
}
