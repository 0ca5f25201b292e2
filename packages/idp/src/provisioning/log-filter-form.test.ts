import { describe, expect, it } from 'vitest'
import type { ProvisioningLog } from '../state/idp-state'
import { logFilterQuery, parseLogFilterFields } from './log-filter-form'
import { queryLogs } from './log-query'

function entry(over: Partial<ProvisioningLog> & Pick<ProvisioningLog, 'id'>): ProvisioningLog {
  return {
    jobId: 'job',
    servicePrincipalId: 'sp-1',
    cycleId: 'cycle',
    changeId: 'change',
    activityDateTime: '2026-12-01T10:00:00.000Z',
    durationInMilliseconds: 5,
    action: 'Create',
    status: 'success',
    initiatedBy: 'system',
    sourceIdentity: { id: 'src-1', displayName: 'B.Simon', identityType: 'User' },
    targetIdentity: { id: 'tgt-1', displayName: 'b.simon@contoso.com', identityType: 'urn:scim:User' },
    modifiedProperties: [],
    steps: [],
    error: null,
    ...over,
  }
}

const logs: ProvisioningLog[] = [
  entry({ id: 'a' }),
  entry({
    id: 'b',
    status: 'failure',
    action: 'Update',
    activityDateTime: '2026-12-02T23:59:59.000Z',
    sourceIdentity: { id: 'src-2', displayName: 'Alex Wilber', identityType: 'User' },
    targetIdentity: { id: 'tgt-2', displayName: 'alex@contoso.com', identityType: 'urn:scim:User' },
  }),
  entry({ id: 'c', status: 'skipped', action: 'Other', activityDateTime: '2026-12-03T00:00:00.000Z' }),
]
const state = { provisioning: { jobs: [], logs } }

function idsFor(query: Record<string, string>): string[] {
  const parsed = parseLogFilterFields(query)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return queryLogs(state, parsed.value.filter).map((l) => l.id)
}

describe('parseLogFilterFields', () => {
  it('filters by Status and Action in Entra words, case-insensitively, and All when empty', () => {
    expect(idsFor({})).toEqual(['c', 'b', 'a'])
    expect(idsFor({ status: 'Failure' })).toEqual(['b'])
    expect(idsFor({ status: 'skipped' })).toEqual(['c'])
    expect(idsFor({ action: 'create' })).toEqual(['a'])
    expect(idsFor({ status: 'Success', action: 'Update' })).toEqual([])
  })

  it('matches Identity against a source or target id exactly and a display name in part', () => {
    expect(idsFor({ identity: 'tgt-2' })).toEqual(['b'])
    expect(idsFor({ identity: 'SRC-1' })).toEqual(['c', 'a'])
    expect(idsFor({ identity: 'wilber' })).toEqual(['b'])
    expect(idsFor({ identity: 'alex@contoso' })).toEqual(['b'])
    expect(idsFor({ identity: 'src' })).toEqual([])
  })

  it('takes a date range whose To day is included whole', () => {
    expect(idsFor({ from: '2026-12-02' })).toEqual(['c', 'b'])
    expect(idsFor({ to: '2026-12-02' })).toEqual(['b', 'a'])
    expect(idsFor({ from: '2026-12-02', to: '2026-12-02' })).toEqual(['b'])
  })

  it('refuses unknown or malformed values with a sentence naming what is accepted', () => {
    const message = (query: Record<string, string>) => {
      const parsed = parseLogFilterFields(query)
      return parsed.ok ? '' : parsed.error.message
    }
    expect(message({ status: 'Broken' })).toBe(
      "Status 'Broken' is not one Entra knows. Choose Success, Failure, Skipped, Warning, or All.",
    )
    expect(message({ action: 'Explode' })).toContain(
      'Choose Create, Update, Delete, StagedDelete, Disable, Other',
    )
    expect(message({ from: '2026-02-30' })).toContain('is not a date. Use YYYY-MM-DD')
    expect(message({ to: 'yesterday' })).toContain('is not a date')
    expect(message({ from: '2026-12-03', to: '2026-12-01' })).toContain('is after Date to')
    expect(message({ identity: 'x'.repeat(10_000) })).toBe(
      'Identity is longer than 256 characters. Enter an id or part of a name.',
    )
  })

  it('bounds what it echoes and rebuilds the query of the fields set', () => {
    const parsed = parseLogFilterFields({ status: 'F'.repeat(5000), identity: ' B.Simon ' })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.fields.status).toHaveLength(32)
    const good = parseLogFilterFields({ status: 'Failure', identity: ' B.Simon & co ' })
    if (!good.ok) throw new Error('expected valid')
    expect(logFilterQuery(good.value.fields)).toBe('status=Failure&identity=B.Simon+%26+co')
  })
})
