import { err, ok, type Result } from '@sandbox/shared'
import { propertyAt } from './odata-filter'

type Json = Record<string, unknown>
type Predicate = (item: Json) => boolean

/** Properties `auditLogs/provisioning` filters on, as Graph documents them. */
const FILTERABLE = [
  'id',
  'activityDateTime',
  'jobId',
  'cycleId',
  'changeId',
  'provisioningAction',
  'servicePrincipal/id',
  'servicePrincipal/displayName',
  'sourceIdentity/id',
  'sourceIdentity/displayName',
  'sourceIdentity/identityType',
  'targetIdentity/id',
  'targetIdentity/displayName',
  'provisioningStatusInfo/status',
  'initiatedBy/initiatingType',
  'targetSystem/displayName',
]

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/
const CLAUSE =
  /^\s*(?:(contains|startswith)\(\s*([\w/]+)\s*,\s*'((?:[^']|'')*)'\s*\)|([\w/]+)\s+(eq|ne|gt|ge|lt|le)\s+(?:'((?:[^']|'')*)'|(\d{4}-\d{2}-\d{2}T[\d:.]+Z)))\s*$/i

function compare(actual: unknown, op: string, expected: string): boolean {
  if (typeof actual !== 'string') return op === 'ne'
  if (INSTANT.test(expected) && INSTANT.test(actual)) {
    const a = Date.parse(actual)
    const b = Date.parse(expected)
    return { eq: a === b, ne: a !== b, gt: a > b, ge: a >= b, lt: a < b, le: a <= b }[op] ?? false
  }
  const a = actual.toLowerCase()
  const b = expected.toLowerCase()
  return { eq: a === b, ne: a !== b, gt: a > b, ge: a >= b, lt: a < b, le: a <= b }[op] ?? false
}

/**
 * Graph's `$filter` for provisioning logs: clauses joined by `and`, each `property op value`
 * (eq, ne, gt, ge, lt, le; a quoted string or an unquoted instant such as
 * `activityDateTime gt 2024-05-04T03:00:54Z`) or `contains(property, '…')` / `startswith`.
 */
export function parseProvisioningLogFilter(text: string): Result<Predicate, string> {
  if (text.length > 2048) return err('the filter is longer than 2048 characters')
  const clauses = text.split(/\s+and\s+/i)
  const predicates: Predicate[] = []
  for (const clause of clauses) {
    const m = CLAUSE.exec(clause)
    if (!m) return err(`Invalid filter clause: '${clause.trim().slice(0, 80)}'`)
    const property = m[2] ?? m[4] ?? ''
    const known = FILTERABLE.find((p) => p.toLowerCase() === property.toLowerCase())
    if (!known)
      return err(
        `Invalid filter clause: '${property}' is not a property provisioning logs can be filtered on (${FILTERABLE.join(', ')})`,
      )
    if (m[1]) {
      const fn = m[1].toLowerCase()
      const needle = (m[3] ?? '').replace(/''/g, "'").toLowerCase()
      predicates.push((item) => {
        const value = propertyAt(item, known)
        if (typeof value !== 'string') return false
        return fn === 'contains'
          ? value.toLowerCase().includes(needle)
          : value.toLowerCase().startsWith(needle)
      })
    } else {
      const op = (m[5] ?? 'eq').toLowerCase()
      const expected = m[6] !== undefined ? m[6].replace(/''/g, "'") : (m[7] ?? '')
      predicates.push((item) => compare(propertyAt(item, known), op, expected))
    }
  }
  return ok((item) => predicates.every((p) => p(item)))
}

/** One page of provisioning logs: filtered, newest first unless `$orderby=activityDateTime asc`, `$top` (≤ 1000). */
export function pageOfProvisioningLogs(
  items: readonly Json[],
  options: { filter?: string; top?: string; orderBy?: string; skipToken?: string },
): Result<{ value: Json[]; next: string | null }, string> {
  let list = [...items]
  if (options.filter?.trim()) {
    const predicate = parseProvisioningLogFilter(options.filter)
    if (!predicate.ok) return predicate
    list = list.filter(predicate.value)
  }
  const order = options.orderBy?.trim().toLowerCase() ?? 'activitydatetime desc'
  if (!/^activitydatetime(\s+(asc|desc))?$/.test(order))
    return err(`Unsupported sort property '${options.orderBy}'.`)
  const sign = order.endsWith('asc') ? 1 : -1
  list.sort(
    (a, b) => sign * (Date.parse(String(a.activityDateTime)) - Date.parse(String(b.activityDateTime))),
  )
  const top = options.top === undefined ? 50 : Number(options.top)
  if (!Number.isInteger(top) || top < 1 || top > 1000)
    return err(`Invalid $top value '${options.top}': a whole number from 1 to 1000.`)
  const offset = options.skipToken === undefined ? 0 : Number(options.skipToken)
  if (!Number.isInteger(offset) || offset < 0) return err('Invalid $skiptoken.')
  const value = list.slice(offset, offset + top)
  return ok({ value, next: offset + top < list.length ? String(offset + top) : null })
}
