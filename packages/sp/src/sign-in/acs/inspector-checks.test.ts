import { ACS_CHECKS as INSPECTOR_JUDGEMENTS } from '@sandbox/shared'
import { describe, expect, it } from 'vitest'
import type { CheckDescription } from '../check-pipeline'
import { SIGN_IN_CHECK_LIST } from '../webex-user-checks'
import { ACS_CHECK_LIST } from './acs-pipeline'
import { INSPECTOR_ACS_CHECKS, inspectorChecksOf } from './inspector-checks'

describe("the SAML inspector's ACS checks are the ACS's table", () => {
  it("lists the ACS's checks in the ACS's order, with the ACS's refusal codes", () => {
    const acsNames = [...ACS_CHECK_LIST, ...SIGN_IN_CHECK_LIST].map((c) => c.name)
    const inspected = INSPECTOR_ACS_CHECKS.map((c) => c.name)
    // Every check of the ACS is there, in the same order (finer judgements in between).
    const coarse = inspected.filter((name) => acsNames.includes(name))
    // Replay is made by the ACS and again by the sign-in: judged once. The Webex user is judged
    // offline as the uid attribute.
    const once = acsNames.filter(
      (name, i) => name !== 'Webex user' && !(name === 'Replay' && acsNames.indexOf(name) !== i),
    )
    expect(coarse).toEqual(once)
    expect(inspected).toContain('uid attribute')
    const audience = ACS_CHECK_LIST.find((c) => c.name === 'Audience')
    expect(INSPECTOR_ACS_CHECKS.find((c) => c.name === 'Audience')?.codes).toEqual(audience?.codes)
  })

  it('leaves out a judgement the ACS does not make, and refuses an ACS check it cannot judge offline', () => {
    const table = ACS_CHECK_LIST.filter((c) => c.name !== 'Audience')
    expect(inspectorChecksOf(table, INSPECTOR_JUDGEMENTS).map((c) => c.name)).not.toContain('Audience')
    const planted: CheckDescription = { ...table[0], name: 'Token binding' } as CheckDescription
    expect(() => inspectorChecksOf([...table, planted], INSPECTOR_JUDGEMENTS)).toThrow(
      'The SAML inspector has no offline judgement for the ACS check "Token binding".',
    )
  })
})
