import { describe, expect, it } from 'vitest'
import type { CheckDescription } from '../check-pipeline'
import { acsCheckReport } from './acs-check-report'

const step = (name: string, codes: string[] = [], when: string | null = null): CheckDescription =>
  ({ name, checks: `checks ${name}`, fix: '', reads: [], codes, when }) as unknown as CheckDescription

const TABLE = [
  step('XML'),
  step('One assertion'),
  step('Decryption', ['SSO_DECRYPTION_FAILED'], 'the assertion is encrypted'),
  step('Subject confirmation', ['SSO_RECIPIENT_MISMATCH']),
  step('Audience'),
]

describe('the ACS check table of a test run', () => {
  it('marks recorded checks, silent passes, skipped conditional steps, and steps after a refusal', () => {
    const rows = acsCheckReport(
      [
        { name: 'XML', passed: true, detail: 'parsed' },
        { name: 'Recipient', passed: false, detail: 'wrong ACS' },
      ],
      'SSO_RECIPIENT_MISMATCH',
      TABLE,
    )
    expect(rows.map((r) => [r.name, r.result, r.detail])).toEqual([
      ['XML', 'passed', 'parsed'],
      ['One assertion', 'passed', ''],
      ['Decryption', 'skipped', 'Runs only when the assertion is encrypted.'],
      ['Subject confirmation', 'failed', 'Recipient: wrong ACS'],
      ['Audience', 'not reached', ''],
    ])
  })

  it('lists every step as passed or skipped when the run accepted the Response', () => {
    const rows = acsCheckReport([{ name: 'Audience', passed: true, detail: 'ok' }], null, TABLE)
    expect(rows.map((r) => r.result)).toEqual(['passed', 'passed', 'skipped', 'passed', 'passed'])
  })
})
