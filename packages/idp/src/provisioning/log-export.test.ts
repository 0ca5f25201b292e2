import { describe, expect, it } from 'vitest'
import type { ProvisioningLog } from '../state/idp-state'
import { provisioningLogsCsv } from './log-export'

describe('provisioningLogsCsv', () => {
  it('writes the page columns, then one CRLF row per event', () => {
    const log = {
      id: 'a',
      activityDateTime: '2026-12-01T10:00:00.000Z',
      action: 'Create',
      status: 'failure',
      sourceIdentity: { id: 'src-1', displayName: '=cmd|calc', identityType: 'User' },
    } as ProvisioningLog
    expect(provisioningLogsCsv([log], () => 'Cisco Webex')).toBe(
      'Date,Identity,Action,Source System,Target System,Status\r\n' +
        "2026-12-01T10:00:00.000Z,'=cmd|calc (src-1),Create,Microsoft Entra ID,Cisco Webex,Failure\r\n",
    )
  })
})
