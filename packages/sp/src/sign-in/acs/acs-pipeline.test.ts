import { describe, expect, it } from 'vitest'
import { SP_ERRORS, spError } from '../../errors/catalogue'
import { passed, refused } from '../check-pipeline'
import { LOGOUT_CHECK_LISTS } from '../logout-pipeline'
import { SIGN_IN_CHECK_LIST } from '../webex-user-checks'
import { onPostedXml, onSignedAssertion } from './acs-facts'
import { ACS_CHECK_LIST } from './acs-pipeline'

// What the compiler refuses, checked by `tsc` (each line below must be an error, or the
// `@ts-expect-error` itself is one): a check on the signed assertion cannot read the posted XML,
// a check cannot read a fact it did not declare, and only the signature step makes a signed assertion.
export const REFUSED_BY_THE_COMPILER = [
  onSignedAssertion({
    name: 'reads the unsigned Response',
    checks: '',
    codes: [],
    fix: '',
    // @ts-expect-error a check of the signed assertion cannot read an unverified fact
    reads: ['response'],
    run: () => passed(null),
  }),
  onSignedAssertion({
    name: 'reads an undeclared fact',
    checks: '',
    codes: [],
    fix: '',
    reads: ['assertion'],
    // @ts-expect-error nor a fact it did not declare
    run: ({ response }) => passed(String(response)),
  }),
  onPostedXml({
    name: 'trusts the unsigned XML',
    checks: '',
    codes: [],
    fix: '',
    reads: ['response'],
    // @ts-expect-error a check of the posted XML cannot make a fact of the signed assertion
    run: ({ response }) => passed(null, { nameId: response.unverified.localName }),
  }),
  onPostedXml({
    name: 'uses an unverified element as an element',
    checks: '',
    codes: [],
    fix: '',
    reads: ['response'],
    // @ts-expect-error an unverified Element is read through `.unverified` only
    run: ({ response }) => passed(response.localName),
  }),
  onSignedAssertion({
    name: 'mints a signed assertion',
    checks: '',
    codes: [],
    fix: '',
    reads: ['nameId'],
    // @ts-expect-error only the assertion-signature step makes a SignedAssertion
    run: () => passed(null, { assertion: { element: {} as Element } }),
  }),
  onPostedXml({
    name: 'refuses',
    checks: '',
    codes: [],
    fix: '',
    reads: ['response'],
    run: () => refused(spError('SSO_CONDITIONS_MISSING')),
  }),
]

const names = (list: readonly { name: string; when: string | null }[], skip: string) =>
  list.filter((c) => c.when !== skip).map((c) => c.name)

describe('the ACS check table', () => {
  it('declares the order a careful SP checks in, for a plaintext and for an encrypted assertion', () => {
    const common = ['XML', 'Status', 'One assertion', 'Response signature']
    const envelope = ['Response issuer', 'Destination', 'InResponseTo']
    const signature = ['Assertion signature', 'Certificate trust']
    const contents = [
      'Issuer',
      'Subject confirmation',
      'Conditions',
      'Validity window',
      'Audience',
      'NameID',
      'Replay',
    ]
    expect(names(ACS_CHECK_LIST, 'the assertion is encrypted')).toEqual([
      ...common,
      ...signature,
      ...envelope,
      ...contents,
    ])
    // Nothing is decrypted before the envelope checks that need no decryption.
    expect(names(ACS_CHECK_LIST, 'the assertion is not encrypted')).toEqual([
      ...common,
      ...envelope,
      'Decryption',
      ...signature,
      ...contents,
    ])
  })

  it('lists, for every check, what it checks, where it is fixed, what it reads and codes of the catalogue', () => {
    for (const check of [
      ...ACS_CHECK_LIST,
      ...SIGN_IN_CHECK_LIST,
      ...LOGOUT_CHECK_LISTS.redirect,
      ...LOGOUT_CHECK_LISTS.post,
    ]) {
      expect(check.checks.length, check.name).toBeGreaterThan(20)
      expect(check.fix.length, check.name).toBeGreaterThan(10)
      for (const code of check.codes)
        expect(Object.hasOwn(SP_ERRORS, code), `${check.name}: ${code}`).toBe(true)
    }
    expect(ACS_CHECK_LIST.find((c) => c.name === 'Audience')?.reads).toEqual(['assertion'])
  })

  it('reads nothing of the posted XML in a check after the assertion signature', () => {
    const unverifiedFacts = ['received', 'response', 'postedAssertion', 'decrypted']
    const after = ACS_CHECK_LIST.slice(
      ACS_CHECK_LIST.findLastIndex((c) => c.name === 'Assertion signature') + 1,
    )
    for (const check of after)
      expect(
        check.reads.filter((f) => unverifiedFacts.includes(f)),
        check.name,
      ).toEqual([])
  })
})
