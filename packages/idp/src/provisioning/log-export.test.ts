import { describe, expect, it } from 'vitest'
import type { ProvisioningLog } from '../state/idp-state'
import { csvCell, provisioningLogsCsv } from './log-export'

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('Simon, B.')).toBe('"Simon, B."')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
  })

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('a=b')).toBe('a=b')
  })
})

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
