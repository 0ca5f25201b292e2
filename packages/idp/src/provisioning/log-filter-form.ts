import { err, ok, type Result } from '@sandbox/shared'
import { PROVISIONING_ACTIONS, type ProvisioningAction, type ProvisioningLog } from '../state/idp-state'
import type { LogFilter } from './log-query'

/** The words Entra shows for each status, in its order. */
export const LOG_STATUS_LABELS: Readonly<Record<ProvisioningLog['status'], string>> = {
  success: 'Success',
  failure: 'Failure',
  skipped: 'Skipped',
  warning: 'Warning',
}

/** The filter form's fields as typed, echoed back into the form (empty means "All"). */
export interface LogFilterFields {
  readonly status: string
  readonly action: string
  readonly identity: string
  readonly from: string
  readonly to: string
}

export const MAX_IDENTITY_LENGTH = 256
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** Midnight UTC of a `YYYY-MM-DD` day, or null when it is not a real calendar day. */
function dayStart(text: string): number | null {
  const m = DAY.exec(text)
  if (!m) return null
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return new Date(at).toISOString().slice(0, 10) === text ? at : null
}

function fieldsOf(query: Readonly<Record<string, string | undefined>>): LogFilterFields {
  // Bounded before anything else so an oversized value is never echoed whole.
  const read = (name: string, max = 32) => (query[name] ?? '').trim().slice(0, max)
  return {
    status: read('status'),
    action: read('action'),
    identity: (query.identity ?? '').trim().slice(0, MAX_IDENTITY_LENGTH + 1),
    from: read('from'),
    to: read('to'),
  }
}

/**
 * Reads the Provisioning logs filters (status, action, identity, from, to: a GET query) into a
 * log filter. Values are matched case-insensitively against Entra's words; an unknown value is
 * refused with a sentence naming the accepted ones, and the fields come back for the form.
 */
export function parseLogFilterFields(
  query: Readonly<Record<string, string | undefined>>,
): Result<{ fields: LogFilterFields; filter: LogFilter }, { fields: LogFilterFields; message: string }> {
  const fields = fieldsOf(query)
  const fail = (message: string) => err({ fields, message })
  const filter: { -readonly [K in keyof LogFilter]: LogFilter[K] } = {}

  if (fields.status) {
    const status = (Object.keys(LOG_STATUS_LABELS) as ProvisioningLog['status'][]).find(
      (s) => s === fields.status.toLowerCase(),
    )
    if (!status)
      return fail(
        `Status '${fields.status}' is not one Entra knows. Choose ${Object.values(LOG_STATUS_LABELS).join(', ')}, or All.`,
      )
    filter.status = status
  }
  if (fields.action) {
    const action = PROVISIONING_ACTIONS.find((a) => a.toLowerCase() === fields.action.toLowerCase())
    if (!action)
      return fail(
        `Action '${fields.action}' is not one Entra knows. Choose ${PROVISIONING_ACTIONS.join(', ')}, or All.`,
      )
    filter.action = action satisfies ProvisioningAction
  }
  if (fields.identity.length > MAX_IDENTITY_LENGTH)
    return fail(`Identity is longer than ${MAX_IDENTITY_LENGTH} characters. Enter an id or part of a name.`)
  if (fields.identity) filter.identity = fields.identity

  const from = fields.from ? dayStart(fields.from) : null
  const to = fields.to ? dayStart(fields.to) : null
  if (fields.from && from === null)
    return fail(`Date from '${fields.from}' is not a date. Use YYYY-MM-DD, for example 2026-12-01.`)
  if (fields.to && to === null)
    return fail(`Date to '${fields.to}' is not a date. Use YYYY-MM-DD, for example 2026-12-01.`)
  if (from !== null && to !== null && from > to)
    return fail(`Date from (${fields.from}) is after Date to (${fields.to}). Swap them or clear one.`)
  if (from !== null) filter.since = new Date(from).toISOString()
  // "To" includes the whole day.
  if (to !== null) filter.until = new Date(to + DAY_MS).toISOString()
  return ok({ fields, filter })
}

/** The query string that reproduces `fields` (only the fields set), for links such as Download. */
export function logFilterQuery(fields: LogFilterFields): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) if (value) params.set(name, value)
  return params.toString()
}
